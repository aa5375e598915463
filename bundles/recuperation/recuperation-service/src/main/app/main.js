// Recuperation (职工疗休养) in the member app at /m: the programmes he may ask his union for, his requests and his
// trips with the subsidy and its reason. A member's request is a request to his union, which books (the subsidised
// trip is the one the union organises); the app never books. Mounted by the shell under /m/recuperation
// (frontend/build.mjs module -> app/main.js).
import Programmes from './Programmes.vue';
import Trips from './Trips.vue';

export const routes = [
  { path: '', component: Programmes },
  { path: 'trips', component: Trips }
];

export const tiles = [
  { title: '疗休养', icon: 'hotel-o', to: '' },
  { title: '我的行程', icon: 'guide-o', to: 'trips' }
];

export const mine = [{ title: '我的疗休养', icon: 'guide-o', to: 'trips' }];
