// Union fairs in the officer console: Vue routes mounted by the shell under /m/fairs, built with the kit.
import { api } from '@unionhub/console-kit';
import FairList from './FairList.vue';
import FairDetail from './FairDetail.vue';
export { labels } from './labels.js';

export const routes = [
  { path: '', component: FairList },
  { path: ':id(\\d+)', component: FairDetail, props: true },
  // a 待办 link or an old address: the list, with its filters
  { path: ':rest(.*)*', redirect: to => ({ path: '/m/fairs', query: to.query }) }
];

/** The 工作台's figures: this year's totals and a chart of them. */
export async function figures() {
  const s = await api('fairs/summary');
  return {
    stats: [{ label: '集市', value: s.fairs }, { label: '客流量', value: s.visits }, { label: '消费流水', value: s.turnover, kind: 'money' },
      { label: '已分配摊位', value: s.stallsAllocated }, { label: '已领优惠券', value: s.couponsClaimed }],
    chart: { tooltip: {}, xAxis: { type: 'category', data: ['已发放', '已领取', '已核销'] }, yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '优惠券', data: [s.couponsIssued, s.couponsClaimed, s.couponsRedeemed] }] }
  };
}
