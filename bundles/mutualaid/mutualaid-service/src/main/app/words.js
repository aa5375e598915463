// The words a member reads for mutual aid's codes: the same as labels/zh-CN.json (the officer console's).
export const statuses = { SUBMITTED: '已提交', UNDER_REVIEW: '审核中', APPROVED: '已核准', PAID: '已支付', REJECTED: '已驳回', RETURNED: '已退回' };
export const tagTypes = { SUBMITTED: 'primary', UNDER_REVIEW: 'primary', APPROVED: 'success', PAID: 'success', REJECTED: 'danger', RETURNED: 'warning' };
export const kinds = { INPATIENT: '住院医疗', MAJOR_ILLNESS: '重大疾病', ACCIDENT: '意外伤害' };
export const limits = { DEDUCTIBLE: '未超过起付线', CAP_PER_PERIOD: '受本期上限限制', CAP_PER_CLAIM: '受每次理赔上限限制',
  BANDS: '按分段比例计算', FIXED_SUM: '定额给付' };
export const events = { HOSPITAL_STAY: '住院医疗', DIAGNOSIS: '确诊重大疾病', DEATH: '身故', DISABILITY: '伤残' };
export const documentKinds = { INVOICE: '费用票据', DISCHARGE_SUMMARY: '出院小结、诊断证明', OTHER: '其他材料' };
/** Claims open for more documents: the server takes them while the claim is in one of these (ClaimService). */
export const openForDocuments = ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED'];
