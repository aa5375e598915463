// Union fairs in the member app at /m: the shell mounts these routes under /m/fairs and shows the tiles on 首页 and
// the entries on 我的. Built by frontend/build.mjs module into this bundle's app/main.js; imports only vue,
// vue-router and @unionhub/app-kit (the app's import map).
import Coupons from './Coupons.vue';
import MyCoupons from './MyCoupons.vue';

export const routes = [
  { path: '', component: Coupons },
  { path: 'coupons', component: MyCoupons }
];

export const tiles = [
  { title: '集市领券', icon: 'coupon-o', to: '' },
  { title: '我的券', icon: 'balance-list-o', to: 'coupons' }
];

export const mine = [{ title: '我的券', icon: 'coupon-o', to: 'coupons' }];
