// What the model-worker screens show, in Chinese, where /api/labels has not answered for this module (the server's
// labels/zh-CN.json wins when it does), the option lists of the forms, and who may do what — mirroring the resources'
// roles, so that no button is offered that would answer 403.
import { session } from '@unionhub/console-kit';

export const labels = {
  values: {
    NATIONAL_MODEL_WORKER: '全国劳动模范', NATIONAL_ADVANCED_WORKER: '全国先进工作者', MAY_DAY_MEDAL: '全国五一劳动奖章',
    REGIONAL_MODEL_WORKER: '省级劳动模范', REGIONAL_ADVANCED_WORKER: '省级先进工作者',
    ACTIVE: '在职', RETIRED: '退休', DECEASED: '已故', TITLE_REVOKED: '称号已撤销',
    DRAFT: '草稿', SUBMITTED: '已提交', RECOMMENDED: '已推荐', APPROVED: '已批准', RETURNED: '已退回', REJECTED: '已驳回',
    APPLIED: '已申请', PAID: '已支付', ANNUAL_SPECIAL: '年度专项补助', HARDSHIP_RELIEF: '困难帮扶',
    BELOW_LOCAL_MINIMUM: '低于当地最低标准', LOW: '低', MIDDLE: '中', HIGH: '高', GOOD: '好', FAIR: '一般', POOR: '差',
    SERIOUS_ILLNESS: '重病', ADEQUATE: '适足', CROWDED: '拥挤', INADEQUATE: '不足',
    CREATED: '新建', UPDATED: '已更新', UNCHANGED: '未变', REFUSED: '已拒绝',
    RECOMMENDATION_FORM: '推荐表', ACHIEVEMENT_REPORT: '事迹材料', ID_CARD_COPY: '身份证复印件'
  },
  fields: {}
};

const options = values => values.map(v => ({ value: v, label: labels.values[v] }));
export const titleOptions = options(['NATIONAL_MODEL_WORKER', 'NATIONAL_ADVANCED_WORKER', 'MAY_DAY_MEDAL',
  'REGIONAL_MODEL_WORKER', 'REGIONAL_ADVANCED_WORKER']);
export const statusOptions = options(['ACTIVE', 'RETIRED', 'DECEASED', 'TITLE_REVOKED']);
export const stateOptions = options(['DRAFT', 'SUBMITTED', 'RETURNED', 'RECOMMENDED', 'APPROVED', 'REJECTED']);
export const applicationOptions = options(['APPLIED', 'APPROVED', 'PAID', 'REJECTED']);
export const kindOptions = options(['ANNUAL_SPECIAL', 'HARDSHIP_RELIEF']);
export const incomeOptions = options(['BELOW_LOCAL_MINIMUM', 'LOW', 'MIDDLE', 'HIGH']);
export const healthOptions = options(['GOOD', 'FAIR', 'POOR', 'SERIOUS_ILLNESS']);
export const housingOptions = options(['ADEQUATE', 'CROWDED', 'INADEQUATE']);
/** The checklist every nomination attaches (the module's `materials` setting; these are its defaults). */
export const materialItems = ['RECOMMENDATION_FORM', 'ACHIEVEMENT_REPORT', 'ID_CARD_COPY'];

const roles = () => (session.user && session.user.roles) || [];
export const isAdmin = () => roles().includes('admin');
/** Reads and writes the archive, surveys and subsidies (admin, officer); a reviewer alone sees nominations only. */
export const isOfficer = () => isAdmin() || roles().includes('officer');

/** This year in the region (the browser's clock; the server checks). */
export const thisYear = () => new Date().getFullYear();

// a survey's flag reasons as the hub writes them (English sentences, kept in its records) in Chinese
const reasons = { 'income below the local minimum': '收入低于当地最低标准', 'serious illness': '患重病',
  'poor health on a low income': '收入低且健康状况差', 'inadequate housing': '住房不足' };
export function flagReason(r) {
  const medical = /^self-paid medical costs of ([\d.]+) CNY$/.exec(r);
  return medical ? '自付医疗费 ¥' + Number(medical[1]).toFixed(2) : reasons[r] || '需关注';
}
export const flagText = s => (s.flagged ? (s.flagReasons || []).map(flagReason).join('；') : '否');
