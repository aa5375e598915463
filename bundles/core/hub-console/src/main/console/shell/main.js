// The console shell: Vue + vue-router over the kit; module screens are added to the router as they load.
import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import { install, session, whenSignedOut } from '@unionhub/console-kit';
import './shell.css';
import App from './App.vue';
import SignIn from './SignIn.vue';
import Workbench from './Workbench.vue';
import ModuleHost from './ModuleHost.vue';
import LegacyScreen from './LegacyScreen.vue';

// the platform's own screens, still on the console's earlier helpers until each is rebuilt on the kit
const core = name => ({ load: () => import(/* @vite-ignore */ '/console/legacy/core/' + name + '.js') });
const legacy = (path, name) => ({ path: path + '/:rest(.*)*', component: LegacyScreen,
  props: r => ({ ...core(name), params: [].concat(r.params.rest || []) }) });

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/signin', component: SignIn },
    { path: '/', component: Workbench, props: true },
    legacy('/members', 'members'), legacy('/orgs', 'orgs'), legacy('/audit', 'audit'), legacy('/admin/modules', 'admin'),
    { path: '/m/:module/:rest(.*)*', component: ModuleHost },
    { path: '/:other(.*)*', redirect: '/' }
  ],
  scrollBehavior: (to, from, saved) => saved || undefined
});
router.beforeEach(to => {
  if (!session.token && to.path !== '/signin') return { path: '/signin', query: to.path === '/' ? {} : { next: to.fullPath } };
  return true;
});
whenSignedOut(() => router.replace('/signin'));

const app = createApp(App);
install(app);
app.use(router);
app.mount('#app');
