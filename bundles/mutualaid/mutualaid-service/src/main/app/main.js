// Mutual aid in the member app at /m: his plans and enrolments, filing a claim with photos or PDFs of its receipts,
// his claims and how each stands (a returned one resubmitted with more documents), with the payout breakdown. The
// shell mounts these routes under /m/mutualaid (frontend/build.mjs module -> app/main.js).
import Plans from './Plans.vue';
import Claims from './Claims.vue';
import Claim from './Claim.vue';
import File from './File.vue';

export const routes = [
  { path: '', component: Plans },
  { path: 'claims', component: Claims },
  { path: 'claims/new', component: File },
  { path: 'claims/:id(\\d+)', component: Claim, props: true }
];

export const tiles = [
  { title: '互助保障', icon: 'shield-o', to: '' },
  { title: '申请互助金', icon: 'add-o', to: 'claims/new' },
  { title: '理赔进度', icon: 'todo-list-o', to: 'claims' }
];

export const mine = [{ title: '我的理赔', icon: 'todo-list-o', to: 'claims' }];

/** A message about a claim (returned, approved, paid…) opens the claim. */
export function open(message) {
  return message.entityId ? `claims/${message.entityId}` : null;
}
