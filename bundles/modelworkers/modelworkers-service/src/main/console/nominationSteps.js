// The steps of a nomination (each offered only when GET /nominations/{id}/actions lists it) and their forms.
import { api, ask, ElMessageBox, label } from '@unionhub/console-kit';
import { materialItems, thisYear } from './labels.js';

const step = (id, name, body) => api('model-workers/nominations/' + id + '/' + name, { method: 'POST', body: body || {} });
const sure = text => ElMessageBox.confirm(text, '请确认', { confirmButtonText: '确定', cancelButtonText: '取消', type: 'warning' });
const who = n => '“' + (n.candidateName || '未填姓名') + '”';

export const submit = n => step(n.id, 'submit');
export const forward = n => step(n.id, 'forward');
export const reject = async n => step(n.id, 'reject', { note: await ask('驳回对' + who(n) + '的推荐，请填写理由：', '驳回推荐', '驳回') });

// a return names what to fix: a field of the nomination or one of its materials
export const fixable = { candidateName: '候选人姓名', idNumber: '身份证号码', workplace: '工作单位', contact: '联系方式',
  proposedTitle: '推荐称号', achievements: '主要事迹' };
export const returnFields = [
  { name: 'field', label: '需修改的内容', type: 'select', required: true, options: [
    ...Object.entries(fixable).map(([value, l]) => ({ value, label: l })),
    ...materialItems.map(i => ({ value: 'materials.' + i, label: label('modelworkers', i) }))] },
  { name: 'message', label: '退回理由', type: 'textarea', required: true }];
export async function returnIt(n, v) {
  await sure('将对' + who(n) + '的推荐退回推荐单位修改？');
  return step(n.id, 'return', { comments: [{ field: v.field, message: v.message }] });
}

export const decisionFields = [
  { name: 'yearAwarded', label: '授予年份', type: 'number' },
  { name: 'awardingBody', label: '授予机关' },
  { name: 'note', label: '意见', type: 'textarea' }];
export const decisionInitial = () => ({ yearAwarded: thisYear() });
export async function approve(n, v) {
  await sure('批准对' + who(n) + '的推荐（' + label('modelworkers', n.proposedTitle) + '）？');
  return step(n.id, 'approve', v);
}
export async function confer(n, v) {
  await sure('记录授予机关已授予' + who(n) + '“' + label('modelworkers', n.proposedTitle) + '”称号，并写入劳模档案？');
  return step(n.id, 'confer', v);
}
