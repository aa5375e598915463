// What the job fair screens show, in Chinese, until the hub's /api/labels answers for this module (it wins when it
// does); the same words as labels/zh-CN.json, so that nothing changes on screen when it answers.
import { money } from '@unionhub/console-kit';

export const labels = {
  values: {
    APPROVED: '已通过', PENDING: '待审核', RETURNED: '已退回', REJECTED: '已驳回', SUBMITTED: '已投递', VIEWED: '已查看',
    INTERVIEW: '面试', OFFERED: '已发录用通知', HIRED: '已录用', WITHDRAWN: '已撤回', OPEN: '招聘中', CLOSED: '已结束',
    PAID: '已支付', ONSITE: '现场', ONLINE: '线上', LIVESTREAM: '直播', HYBRID: '线上线下结合', MEMBER: '会员',
    NON_MEMBER: '非会员', FLEXIBLE: '灵活就业人员', NONE: '无', JUNIOR_MIDDLE: '初中', SENIOR_HIGH: '高中',
    VOCATIONAL: '中专/职高', JUNIOR_COLLEGE: '大专', BACHELOR: '本科', MASTER: '硕士', DOCTORATE: '博士',
    MICRO: '微型企业', SMALL: '小型企业', MEDIUM: '中型企业', LARGE: '大型企业', TRAINING: '技能培训',
    STUDY_SUBSIDY: '学历提升补贴'
  },
  fields: {}
};

const options = values => values.map(v => ({ value: v, label: labels.values[v] }));
export const modeOptions = options(['ONSITE', 'HYBRID', 'ONLINE', 'LIVESTREAM']);
export const sizeOptions = options(['MICRO', 'SMALL', 'MEDIUM', 'LARGE']);
export const educationOptions = options(['NONE', 'JUNIOR_MIDDLE', 'SENIOR_HIGH', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR',
  'MASTER', 'DOCTORATE']);
export const employerStatusOptions = options(['PENDING', 'APPROVED', 'REJECTED']);
export const registryStatusOptions = options(['PENDING', 'APPROVED', 'RETURNED']);
export const positionStatusOptions = options(['OPEN', 'CLOSED']);
export const applicationStatusOptions = options(['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN']);
export const programmeKindOptions = options(['STUDY_SUBSIDY', 'TRAINING']);
export const programmeApplicationStatusOptions = options(['SUBMITTED', 'APPROVED', 'RETURNED', 'PAID']);

/** The next step of an application (ApplicationStatus.next() of the API), as the button that takes it says it. */
export const stepLabels = { VIEWED: '标记已查看', INTERVIEW: '安排面试', OFFERED: '发录用通知', HIRED: '确认录用', REJECTED: '不予录用' };
const forward = { SUBMITTED: 'VIEWED', VIEWED: 'INTERVIEW', INTERVIEW: 'OFFERED', OFFERED: 'HIRED' };
/** The steps a recruiter may take on a board application (the board has no actions endpoint; the same rule). */
export const boardSteps = status => (forward[status] ? [forward[status], 'REJECTED'] : []);

export const fairFields = [
  { name: 'name', label: '招聘会名称', required: true },
  { name: 'mode', label: '举办形式', type: 'select', options: modeOptions, required: true },
  { name: 'orgId', label: '主办组织', type: 'org' },
  { name: 'venue', label: '地点（现场、线上线下结合必填）' },
  { name: 'boothCapacity', label: '展位数（现场、线上线下结合必填）', type: 'number' },
  { name: 'streamUrl', label: '直播地址（直播招聘会必填）' },
  { name: 'startsAt', label: '开始时间', type: 'datetime', required: true },
  { name: 'endsAt', label: '结束时间', type: 'datetime', required: true },
  { name: 'serviceZones', label: '服务专区（用逗号分隔）', type: 'list' }
];

export const employerFields = [
  { name: 'name', label: '单位名称', required: true }, { name: 'creditCode', label: '统一社会信用代码', required: true },
  { name: 'industry', label: '行业', required: true },
  { name: 'size', label: '企业规模', type: 'select', options: sizeOptions, required: true },
  { name: 'contactName', label: '联系人', required: true }, { name: 'contactPhone', label: '联系电话', required: true },
  { name: 'contactEmail', label: '联系邮箱' }
];

/** A position's fields; employerOptions: the fair's approved employers (or the registry's), by name. */
export const positionFields = (employerOptions, extra = []) => [
  { name: 'employerId', label: '用人单位', type: 'select', options: employerOptions, required: true },
  { name: 'title', label: '岗位名称', required: true }, { name: 'industry', label: '行业（默认同用人单位）' },
  { name: 'headcount', label: '招聘人数', type: 'number', required: true },
  { name: 'salaryMin', label: '最低月薪', type: 'money', required: true },
  { name: 'salaryMax', label: '最高月薪', type: 'money', required: true },
  { name: 'education', label: '学历要求', type: 'select', options: educationOptions, required: true },
  { name: 'experienceYears', label: '工作年限要求（年）', type: 'number', required: true },
  { name: 'location', label: '工作地点', required: true }, ...extra,
  { name: 'description', label: '岗位描述', type: 'textarea' }
];

/** A position as its request body (PUT replaces it whole): to close one, the same with status CLOSED. */
export const positionBody = (p, status) => ({ employerId: p.employerId, title: p.title, industry: p.industry,
  headcount: p.headcount, salaryMin: p.salaryMin, salaryMax: p.salaryMax, education: p.education,
  experienceYears: p.experienceYears, location: p.location, description: p.description,
  ...(p.expiresOn ? { expiresOn: p.expiresOn } : {}), status: status || p.status });

export const livestreamFields = [
  { name: 'title', label: '直播标题', required: true }, { name: 'host', label: '主播', required: true },
  { name: 'streamUrl', label: '直播地址' },
  { name: 'startsAt', label: '开始时间', type: 'datetime', required: true },
  { name: 'endsAt', label: '结束时间', type: 'datetime', required: true }
];
export const viewerFields = [
  { name: 'peakViewers', label: '峰值观看人数', type: 'number', required: true },
  { name: 'totalViewers', label: '观看总人数', type: 'number', required: true }
];

export const programmeFields = [
  { name: 'kind', label: '项目类型', type: 'select', options: programmeKindOptions, required: true },
  { name: 'name', label: '项目名称', required: true }, { name: 'orgId', label: '所属工会', type: 'org' },
  { name: 'places', label: '名额', type: 'number', required: true },
  { name: 'amount', label: '每人补贴金额（学历提升补贴必填）', type: 'money' },
  { name: 'applyFrom', label: '申请开始日期', type: 'date', required: true },
  { name: 'applyTo', label: '申请截止日期', type: 'date', required: true },
  { name: 'description', label: '项目说明', type: 'textarea' }
];

/** A monthly salary range as money (¥ with two decimals). */
export const salary = p => (p.salaryMin == null ? '' : money(p.salaryMin) + ' – ' + money(p.salaryMax) + ' /月');
