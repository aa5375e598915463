// What the recuperation screens show, in Chinese, until the hub's /api/labels answers for this module (it wins when
// it does); the same words as labels/zh-CN.json, so that nothing changes on screen when it answers.
import { session, time } from '@unionhub/console-kit';

export const labels = {
  values: {
    FRONTLINE: '一线职工', MODEL_WORKER: '劳模', NEW_FORM: '新就业形态劳动者', PRIVATE_FRONTLINE: '非公企业一线职工',
    ACTIVE: '有效', CANCELLED: '已取消', REQUESTED: '已申请', BOOKED: '已预订', FILED: '已申报', APPROVED: '已批准',
    REJECTED: '已驳回', PAID: '已支付', APPLIED: '已申请', REPORTED: '已报告'
  },
  fields: {}
};

const options = values => values.map(v => ({ value: v, label: labels.values[v] }));
export const categoryOptions = options(['FRONTLINE', 'PRIVATE_FRONTLINE', 'NEW_FORM', 'MODEL_WORKER']);
export const requestStatusOptions = options(['REQUESTED', 'BOOKED', 'CANCELLED']);
export const settlementStatusOptions = options(['FILED', 'APPROVED', 'REJECTED', 'PAID']);
export const grantStatusOptions = options(['APPLIED', 'APPROVED', 'REJECTED', 'PAID', 'REPORTED']);

/** The catalogue (sanatoriums, programmes) and the budgets' allocation are the region administrator's (403 otherwise). */
export const isAdmin = () => ((session.user && session.user.roles) || []).includes('admin');

/** Today in the region's zone as 2027-03-01, to compare with a stay's dates. */
export const today = () => time(new Date()).slice(0, 10);

/** A booking can be cancelled until the day before its stay begins (409 from its first day). */
export const cancellable = b => b.status === 'ACTIVE' && b.startDate > today();

/** Attendance is recorded from the stay's first day, the settlement filed from the day after its last. */
export const begun = b => b.status === 'ACTIVE' && b.startDate <= today();
export const ended = b => {
  const last = new Date(b.startDate + 'T00:00:00Z');
  last.setUTCDate(last.getUTCDate() + b.days - 1);
  return b.status === 'ACTIVE' && last.toISOString().slice(0, 10) < today();
};

export const sanatoriumFields = [
  { name: 'name', label: '疗休养院名称', required: true }, { name: 'region', label: '地区', required: true },
  { name: 'unionOwned', label: '工会自有', type: 'switch' },
  { name: 'bedsPerNight', label: '每晚床位', type: 'number', required: true }
];

/**
 * A budget's name in Chinese: the policy's own description (SubsidyDecision.Budget) when it is Chinese, else (a
 * policy built before its texts were) the name of the part its key ("<policy>/<year>/<part>") names.
 */
const budgetParts = { reserved: '非公企业一线职工和新就业形态劳动者预留预算', general: '其他一线职工预算' };
export function budgetTitle(key, description) {
  const m = /\/(\d{4})\/(\w+)$/.exec(key || '');
  if (description && /\p{Script=Han}/u.test(description)) return description;
  if (m && budgetParts[m[2]]) return m[1] + '年' + budgetParts[m[2]];
  return (m ? m[1] + '年' : '') + '补贴预算';
}
