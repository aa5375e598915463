// The member app at /m: Vue 3 + Vant, routes on real paths (a union's QR code opens /m/join?u=<token>), the tab
// bar 首页 / 消息 / 我的, and each installed module's member screens under /m/<moduleId>.
import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import kit, { session, whenSignedOut } from '@unionhub/app-kit';
import App from './App.vue';
import Home from './Home.vue';
import Inbox from './Inbox.vue';
import Mine from './Mine.vue';
import Join from './Join.vue';
import Login from './Login.vue';
import Password from './Password.vue';
import { refreshExtensions } from './extensions.js';
import './shell.css';

const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', component: Home, meta: { tab: true } },
    { path: '/inbox', component: Inbox, meta: { tab: true, auth: true } },
    { path: '/mine', component: Mine, meta: { tab: true, auth: true } },
    { path: '/join', component: Join },
    { path: '/login', component: Login },
    { path: '/password', component: Password },
    // a module's address before its screens are loaded (a bookmark, a reload): wait for the list, then try again
    { path: '/:rest(.*)*', name: 'pending', component: Home, meta: { tab: true } }
  ],
  scrollBehavior: () => ({ top: 0 })
});

router.beforeEach(async to => {
  // the list is re-read on every navigation; only an address no route knows yet waits for it (首页's tiles follow it)
  const refreshed = refreshExtensions(router);
  if (to.name === 'pending') {
    await refreshed;
    if (router.resolve(to.fullPath).name !== 'pending') return to.fullPath;
  }
  if (to.meta.auth && !session.token) return { path: '/login', query: { next: to.fullPath } };
  return true;
});

whenSignedOut(() => router.replace({ path: '/login', query: { next: router.currentRoute.value.fullPath } }));
// a module enabled or disabled while the member has the app open: its tiles and screens follow
setInterval(() => refreshExtensions(router), 15000);

// the styles index.html preloaded, applied before the first screen so that it never shows unstyled
function stylesheet(href) {
  return new Promise(done => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = link.onerror = done;
    document.head.appendChild(link);
  });
}

Promise.all(['/m/kit/style.css', '/m/shell/style.css'].map(stylesheet)).then(() => {
  createApp(App).use(kit).use(router).mount('#app');
  // when the first screen is there, for the first-load figures (MemberAppIT)
  router.isReady().then(() => performance.mark('uh-app-ready'));
});
