// Recuperation in the officer console: Vue routes mounted by the shell under /m/recuperation, built with the kit.
import { api, label } from '@unionhub/console-kit';
import ProgrammeList from './ProgrammeList.vue';
import ProgrammeDetail from './ProgrammeDetail.vue';
import BookingList from './BookingList.vue';
import TripRequests from './TripRequests.vue';
import SanatoriumList from './SanatoriumList.vue';
import Budgets from './Budgets.vue';
import Settlements from './Settlements.vue';
import Grants from './Grants.vue';
import css from './recuperation.css?inline';
export { labels } from './labels.js';

if (!document.getElementById('recuperation-css')) {
  document.head.append(Object.assign(document.createElement('style'), { id: 'recuperation-css', textContent: css }));
}

export const routes = [
  { path: '', component: ProgrammeList },
  { path: 'programmes/:id(\\d+)', component: ProgrammeDetail, props: true },
  { path: 'bookings', component: BookingList },
  { path: 'requests', component: TripRequests },
  { path: 'sanatoriums', component: SanatoriumList },
  { path: 'budgets', component: Budgets },
  { path: 'settlements', component: Settlements },
  { path: 'grants', component: Grants },
  // a 待办 link to a screen not built yet, or an old address: the programmes
  { path: ':rest(.*)*', redirect: to => ({ path: '/m/recuperation', query: {} }) }
];

/** The 工作台's figures: this year's trips, person-days and subsidy, and person-days by category. */
export async function figures() {
  const f = await api('recuperation/figures');
  return {
    stats: [{ label: '行程', value: f.trips }, { label: '人天数', value: f.personDays },
      { label: '补贴总额', value: f.subsidyTotal, kind: 'money' }],
    chart: { tooltip: {}, xAxis: { type: 'category', data: f.byCategory.map(l => label('recuperation', l.key)) },
      yAxis: { type: 'value' }, series: [{ type: 'bar', name: '人天数', data: f.byCategory.map(l => l.personDays) }] }
  };
}
