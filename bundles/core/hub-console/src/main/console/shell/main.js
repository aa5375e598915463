// The console shell: Vue + vue-router over the kit; module screens are added to the router as they load.
import { createApp } from 'vue';
import { createRouter, createWebHashHistory } from 'vue-router';
import { install, session, whenSignedOut } from '@unionhub/console-kit';
import './shell.css';
import App from './App.vue';
import SignIn from './SignIn.vue';
import Workbench from './Workbench.vue';
import ModuleHost from './ModuleHost.vue';
import JoinRequests from './JoinRequests.vue';

// the platform's own screens load when first opened, so the first load stays the shell's and the 工作台's
const Members = () => import('./core/Members.vue');
const MemberDetail = () => import('./core/MemberDetail.vue');
const Orgs = () => import('./core/Orgs.vue');
const Audit = () => import('./core/Audit.vue');
const Modules = () => import('./core/Modules.vue');
const DataRequests = () => import('./core/DataRequests.vue');
const Maintenance = () => import('./core/Maintenance.vue');

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/signin', component: SignIn },
    { path: '/', component: Workbench, props: true },
    { path: '/join-requests', component: JoinRequests },
    { path: '/members', component: Members }, { path: '/members/:id', component: MemberDetail },
    { path: '/orgs', component: Orgs }, { path: '/data-requests', component: DataRequests },
    { path: '/audit', component: Audit }, { path: '/admin/modules', component: Modules },
    { path: '/admin/maintenance', component: Maintenance },
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
