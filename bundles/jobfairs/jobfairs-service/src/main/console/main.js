// Job fairs in the officer console: Vue routes mounted by the shell under /m/jobfairs, built with the kit.
import { api } from '@unionhub/console-kit';
import FairList from './FairList.vue';
import FairDetail from './FairDetail.vue';
import Registry from './Registry.vue';
import Board from './Board.vue';
import Programmes from './Programmes.vue';
import ProgrammeDetail from './ProgrammeDetail.vue';
import css from './jobfairs.css?inline';
export { labels } from './labels.js';

if (!document.getElementById('jobfairs-css')) {
  document.head.append(Object.assign(document.createElement('style'), { id: 'jobfairs-css', textContent: css }));
}

export const routes = [
  { path: '', component: FairList },
  { path: ':id(\\d+)', component: FairDetail, props: true },
  { path: 'registry', component: Registry },
  { path: 'board', component: Board },
  { path: 'programmes', component: Programmes },
  { path: 'programmes/:id(\\d+)', component: ProgrammeDetail, props: true },
  // the 待办 of programme applications: the programmes, the status carried on to the one picked
  { path: 'programme-applications', redirect: to => ({ path: '/m/jobfairs/programmes', query: to.query }) },
  { path: ':rest(.*)*', redirect: to => ({ path: '/m/jobfairs', query: {} }) }
];

/** The 工作台's figures: the fairs, and the registry's employers by status. */
export async function figures() {
  const [fairs, approved, pending] = await Promise.all([api('jobfairs?limit=1'),
    api('jobfairs/registry?status=APPROVED&limit=1'), api('jobfairs/registry?status=PENDING&limit=1')]);
  return {
    stats: [{ label: '招聘会', value: fairs.total }, { label: '名录用人单位', value: approved.total },
      { label: '待审核用人单位', value: pending.total }]
  };
}
