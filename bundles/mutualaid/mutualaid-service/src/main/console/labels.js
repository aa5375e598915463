// What the mutual aid screens show, in Chinese, until the hub's /api/labels answers for this module (it wins when it
// does); the same words as labels/zh-CN.json. Also who may do what, mirroring the resources' roles, so that no
// button is offered that would answer 403.
import { session, today } from '@unionhub/console-kit';

export const labels = {
  values: {
    INPATIENT: '住院医疗', MAJOR_ILLNESS: '重大疾病', ACCIDENT: '意外伤害',
    SUBMITTED: '已提交', UNDER_REVIEW: '审核中', APPROVED: '已核准', PAID: '已支付', REJECTED: '已驳回', RETURNED: '已退回',
    HOSPITAL_STAY: '住院', DIAGNOSIS: '确诊', DEATH: '身故', DISABILITY: '伤残',
    MEMBER: '会员本人', EMPLOYER: '用人单位', UNION: '工会', OTHER: '其他', CONTRIBUTION: '缴费', PAYOUT: '给付',
    SPOUSE: '配偶', CHILD: '子女', PARENT: '父母', INVOICE: '发票', DISCHARGE_SUMMARY: '出院小结',
    ENROLLED: '已参保', ALREADY_ENROLLED: '已参保', REFUSED: '已拒绝', NONE: '无', PENDING: '待处理', CONFIRMED: '复核确认',
    OVERTURNED: '复核推翻', EMPLOYEE: '职工', PRIVATE_FRONTLINE: '非公企业一线职工', NEW_FORM: '新就业形态劳动者',
    DEDUCTIBLE: '起付线', BANDS: '分段比例', CAP_PER_CLAIM: '每次理赔上限', CAP_PER_PERIOD: '每期上限', FIXED_SUM: '定额给付'
  },
  fields: {}
};

const options = values => values.map(v => ({ value: v, label: labels.values[v] }));
export const kindOptions = options(['INPATIENT', 'MAJOR_ILLNESS', 'ACCIDENT']);
export const statusOptions = options(['SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'APPROVED', 'PAID', 'REJECTED']);
export const eventOptions = options(['HOSPITAL_STAY', 'DIAGNOSIS', 'DEATH', 'DISABILITY']);
export const fixedEventOptions = options(['DIAGNOSIS', 'DEATH', 'DISABILITY']);
export const formOptions = options(['EMPLOYEE', 'PRIVATE_FRONTLINE', 'NEW_FORM']);
export const payerOptions = options(['MEMBER', 'EMPLOYER', 'UNION']);
export const donorOptions = options(['UNION', 'EMPLOYER', 'OTHER']);
export const relationOptions = options(['SPOUSE', 'CHILD', 'PARENT']);
export const ledgerOptions = options(['CONTRIBUTION', 'PAYOUT']);
export const documentOptions = options(['INVOICE', 'DISCHARGE_SUMMARY', 'OTHER']);

const roles = () => (session.user && session.user.roles) || [];
export const isAdmin = () => roles().includes('admin');
export const isOfficer = () => roles().includes('officer') || isAdmin();
/** Reads claims: admins and officers with a claim role (to anyone else a claim does not exist). */
export const handlesClaims = () => isAdmin() || ['claims-reviewer', 'claims-approver', 'fund-payer'].some(r => roles().includes(r));
export const isReviewer = () => isAdmin() || roles().includes('claims-reviewer');

/** Today in the region as 2027-03-01 (the picker's own format), not the browser's day. */
export { today };
