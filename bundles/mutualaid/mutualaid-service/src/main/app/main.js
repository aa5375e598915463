// Mutual aid in the member app at /m: his plans and enrolments, his claims and how each stands, with the payout
// breakdown. The shell mounts these routes under /m/mutualaid (frontend/build.mjs module -> app/main.js).
import Plans from './Plans.vue';
import Claims from './Claims.vue';
import Claim from './Claim.vue';

export const routes = [
  { path: '', component: Plans },
  { path: 'claims', component: Claims },
  { path: 'claims/:id(\\d+)', component: Claim, props: true }
];

export const tiles = [
  { title: '互助保障', icon: 'shield-o', to: '' },
  { title: '理赔进度', icon: 'todo-list-o', to: 'claims' }
];

export const mine = [{ title: '我的理赔', icon: 'todo-list-o', to: 'claims' }];
