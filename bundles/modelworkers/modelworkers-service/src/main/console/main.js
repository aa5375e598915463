// Model workers in the officer console: Vue routes mounted by the shell under /m/modelworkers, built with the kit.
import { api, label } from '@unionhub/console-kit';
import RecordList from './RecordList.vue';
import RecordDetail from './RecordDetail.vue';
import NominationList from './NominationList.vue';
import NominationDetail from './NominationDetail.vue';
import ApplicationList from './ApplicationList.vue';
import ApplicationDetail from './ApplicationDetail.vue';
import Ledger from './Ledger.vue';
import Surveys from './Surveys.vue';
import { isOfficer, titleOptions } from './labels.js';
import css from './modelworkers.css?inline';
export { labels } from './labels.js';

if (!document.getElementById('modelworkers-css')) {
  document.head.append(Object.assign(document.createElement('style'), { id: 'modelworkers-css', textContent: css }));
}

export const routes = [
  // a reviewer who is no officer reads nominations only: the archive is not his
  { path: '', component: RecordList, beforeEnter: () => (isOfficer() ? true : { path: '/m/modelworkers/nominations' }) },
  { path: 'records/:id(\\d+)', component: RecordDetail, props: true },
  { path: 'nominations', component: NominationList },
  { path: 'nominations/:id(\\d+)', component: NominationDetail, props: true },
  { path: 'subsidies/applications', component: ApplicationList },
  { path: 'subsidies/applications/:id(\\d+)', component: ApplicationDetail, props: true },
  { path: 'subsidies', component: Ledger },
  { path: 'surveys', component: Surveys },
  { path: ':rest(.*)*', redirect: () => ({ path: '/m/modelworkers', query: {} }) }
];

/** The 工作台's figures: the archive's records, by status, and by title level as a chart. */
export async function figures() {
  if (!isOfficer()) return {};
  const c = await api('model-workers/records/counts');
  const levels = titleOptions.filter(o => c.byLevel && c.byLevel[o.value]);
  return {
    stats: [{ label: '劳模档案', value: c.total },
      ...Object.entries(c.byStatus || {}).map(([s, n]) => ({ label: label('modelworkers', s), value: n }))],
    chart: { tooltip: {}, xAxis: { type: 'category', data: levels.map(o => o.label) }, yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '人数', data: levels.map(o => c.byLevel[o.value]) }] }
  };
}
