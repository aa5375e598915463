// Mutual aid in the officer console: Vue routes mounted by the shell under /m/mutualaid, built with the kit.
import { api, label } from '@unionhub/console-kit';
import PlanList from './PlanList.vue';
import PlanDetail from './PlanDetail.vue';
import ClaimList from './ClaimList.vue';
import ClaimDetail from './ClaimDetail.vue';
import Fund from './Fund.vue';
import css from './mutualaid.css?inline';
export { labels } from './labels.js';

if (!document.getElementById('mutualaid-css')) {
  document.head.append(Object.assign(document.createElement('style'), { id: 'mutualaid-css', textContent: css }));
}

export const routes = [
  { path: '', component: PlanList },
  { path: 'plans/:id(\\d+)', component: PlanDetail, props: true },
  { path: 'claims', component: ClaimList },
  { path: 'claims/:id(\\d+)', component: ClaimDetail, props: true },
  { path: 'fund', component: Fund },
  // an old address: the plans
  { path: ':rest(.*)*', redirect: () => ({ path: '/m/mutualaid', query: {} }) }
];

/** The 工作台's figures: enrolled, contributions, payouts, and the claims by status. */
export async function figures() {
  const f = await api('mutual-aid/figures');
  const statuses = Object.keys(f.claimsByStatus || {});
  return {
    stats: [{ label: '参保人次', value: f.enrolled }, { label: '缴费合计', value: f.contributions, kind: 'money' },
      { label: '给付笔数', value: f.payouts }, { label: '给付总额', value: f.payoutAmount, kind: 'money' }],
    chart: { tooltip: {}, xAxis: { type: 'category', data: statuses.map(s => label('mutualaid', s)) }, yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '理赔', data: statuses.map(s => f.claimsByStatus[s]) }] }
  };
}
