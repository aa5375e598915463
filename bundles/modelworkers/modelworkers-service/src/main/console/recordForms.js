// The smaller forms of a record's page (each a flat uh-form-dialog): status, survey, subsidy application, service
// session, visit, showcase — and what each sends.
import { api, ElMessageBox, label } from '@unionhub/console-kit';
import { healthOptions, housingOptions, incomeOptions, kindOptions, statusOptions, thisYear } from './labels.js';

const occasions = ['SPRING_FESTIVAL', 'MAY_DAY', 'ILLNESS', 'HARDSHIP', 'BEREAVEMENT', 'OTHER'];

export const statusFields = [
  { name: 'status', label: '新状态', type: 'select', options: statusOptions, required: true },
  { name: 'reason', label: '变更原因', type: 'textarea', required: true }];
export const surveyFields = [
  { name: 'year', label: '调查年度', type: 'number', required: true },
  { name: 'incomeBand', label: '收入水平', type: 'select', options: incomeOptions, required: true },
  { name: 'health', label: '健康状况', type: 'select', options: healthOptions, required: true },
  { name: 'housing', label: '住房状况', type: 'select', options: housingOptions, required: true },
  { name: 'selfPaidMedical', label: '本年自付医疗费', type: 'money' },
  { name: 'needs', label: '困难与需求', type: 'textarea' },
  { name: 'consent', label: '本人已在《劳模生活状况调查个人信息处理告知》上签字同意，并单独同意处理健康状况等敏感信息', type: 'switch', required: true }];
export const applicationFields = [
  { name: 'kind', label: '补助类别', type: 'select', options: kindOptions, required: true },
  { name: 'year', label: '补助年度', type: 'number' },
  { name: 'amount', label: '申请金额（年度专项补助可不填，按最高称号的标准）', type: 'money' },
  { name: 'note', label: '说明（困难帮扶必填）', type: 'textarea' }];
export const activityFields = [
  { name: 'heldOn', label: '活动日期', type: 'date', required: true },
  { name: 'enterprise', label: '服务企业', required: true },
  { name: 'topic', label: '主题', required: true },
  { name: 'hours', label: '时长（小时）', type: 'number', required: true },
  { name: 'workersReached', label: '覆盖职工数', type: 'number' }];
export const visitFields = [
  { name: 'visitedOn', label: '走访日期', type: 'date', required: true },
  { name: 'occasion', label: '慰问时节', type: 'select', required: true,
    options: occasions.map(v => ({ value: v, label: label('modelworkers', v, 'VisitOccasion') })) },
  { name: 'giftAmount', label: '慰问金', type: 'money' },
  { name: 'note', label: '备注', type: 'textarea' }];
export const showcaseFields = [
  { name: 'consent', label: '本人已书面同意在网上劳模展览馆公开展示', type: 'switch', required: true },
  { name: 'citation', label: '展示事迹', type: 'textarea', required: true }];

export const surveyInitial = () => ({ year: thisYear() });
export const applicationInitial = () => ({ kind: 'ANNUAL_SPECIAL', year: thisYear() });

/** A status change, after the officer confirmed it by name: kept in the history with the reason. */
export async function changeStatus(record, v) {
  await ElMessageBox.confirm('将“' + record.name + '”的状态由“' + label('modelworkers', record.status) + '”改为“'
    + label('modelworkers', v.status) + '”？此变更记入状态历史。', '请确认', { confirmButtonText: '确定', cancelButtonText: '取消', type: 'warning' });
  return api('model-workers/records/' + record.id + '/status', { method: 'PUT', body: v });
}
/** A survey collects health data: the model worker's signed consent to the survey notice (its current version) goes with it. */
export async function putSurvey(id, v) {
  const notice = v.consent ? await api('notices/survey') : null;
  const consent = notice ? { noticeVersion: notice.version, channel: 'PAPER', sensitive: ['MEDICAL'] } : null;
  return api('model-workers/records/' + id + '/surveys/' + v.year, { method: 'PUT', body: { ...v, consent } });
}
export const apply = (id, v, key) => api('model-workers/subsidies/applications', { method: 'POST', body: { ...v, recordId: Number(id) }, idempotencyKey: key });
export const addActivity = (id, v, key) => api('model-workers/activities', { method: 'POST', body: { ...v, recordId: Number(id) }, idempotencyKey: key });
export const addVisit = (id, v, key) => api('model-workers/visits', { method: 'POST', body: { ...v, recordId: Number(id) }, idempotencyKey: key });
export const show = (id, v) => api('model-workers/showcase/' + id, { method: 'PUT', body: v });
export const withdraw = id => api('model-workers/showcase/' + id, { method: 'DELETE' });
export const addTitle = (id, v, key) => api('model-workers/records/' + id + '/titles', { method: 'POST', body: v, idempotencyKey: key });
