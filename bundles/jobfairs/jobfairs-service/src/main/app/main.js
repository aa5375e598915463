// Job fairs in the member app at /m: fairs on site, online and livestreamed (with the livestream link), their
// positions with search and filters, applying with his saved CV and a file, and his applications with their history.
// The shell mounts these routes under /m/jobfairs (frontend/build.mjs module -> app/main.js).
import Fairs from './Fairs.vue';
import Fair from './Fair.vue';
import Position from './Position.vue';
import Applications from './Applications.vue';

export const routes = [
  { path: '', component: Fairs },
  { path: 'fairs/:id(\\d+)', component: Fair, props: true },
  { path: 'positions/:id(\\d+)', component: Position, props: true },
  { path: 'applications', component: Applications }
];

export const tiles = [
  { title: '招聘会', icon: 'friends-o', to: '' },
  { title: '我的投递', icon: 'records-o', to: 'applications' }
];

export const mine = [{ title: '我的求职', icon: 'records-o', to: 'applications' }];

/** A message about an application (interview, offer, hired…) opens his applications. */
export function open() {
  return 'applications';
}
