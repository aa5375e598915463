// What the fair screens show, in Chinese, until the hub's /api/labels answers for this module (it wins when it does);
// the same words as labels/zh-CN.json, so that nothing changes on screen when it answers.
export const labels = {
  values: {
    PLANNED: '筹备中', REGISTRATION_OPEN: '报名中', RUNNING: '进行中', CLOSED: '已结束',
    ALLOCATED: '已分配摊位', WAITLISTED: '候补中', OFFERED: '已发出摊位邀请', WITHDRAWN: '已撤回', REJECTED: '已驳回', EXPIRED: '已过期',
    THRESHOLD: '满减券', GIFT: '礼品券', PERCENT: '折扣券'
  },
  fields: {}
};

export const stateOptions = ['PLANNED', 'REGISTRATION_OPEN', 'RUNNING', 'CLOSED'].map(v => ({ value: v, label: labels.values[v] }));
export const statusOptions = ['ALLOCATED', 'WAITLISTED', 'OFFERED', 'WITHDRAWN', 'REJECTED', 'EXPIRED']
  .map(v => ({ value: v, label: labels.values[v] }));
export const kindOptions = ['THRESHOLD', 'GIFT', 'PERCENT'].map(v => ({ value: v, label: labels.values[v] }));

export const fairFields = [
  { name: 'name', label: '集市名称', required: true }, { name: 'theme', label: '主题' },
  { name: 'venue', label: '地点', required: true }, { name: 'orgId', label: '主办组织', type: 'org' },
  { name: 'startsAt', label: '开始时间', type: 'datetime', required: true },
  { name: 'endsAt', label: '结束时间', type: 'datetime', required: true },
  { name: 'stallCount', label: '摊位数', type: 'number', required: true },
  { name: 'stallFeePerDay', label: '每天摊位费', type: 'money' },
  { name: 'registrationOpensAt', label: '报名开始', type: 'datetime', required: true },
  { name: 'registrationClosesAt', label: '报名截止', type: 'datetime', required: true },
  { name: 'offerWindowHours', label: '递补确认时限（小时）', type: 'number' },
  { name: 'sections', label: '板块（用逗号分隔）', type: 'list' }
];
