// The steps of a special subsidy application (each offered only when GET /subsidies/applications/{id}/actions lists
// it): approve (the amount applied for or less, with a note), reject with a reason, pay — each confirmed first, and
// the payment naming the amount before any money moves.
import { api, ask, ElMessageBox, label, money } from '@unionhub/console-kit';

const step = (id, name, body) => api('model-workers/subsidies/applications/' + id + '/' + name, { method: 'POST', body });
const sure = text => ElMessageBox.confirm(text, '请确认', { confirmButtonText: '确定', cancelButtonText: '取消', type: 'warning' });
const what = a => '“' + a.name + '”的' + a.year + '年' + label('modelworkers', a.kind);

export const approveFields = [
  { name: 'amount', label: '核准金额（不填为申请金额；少于申请金额须写意见）', type: 'money' },
  { name: 'note', label: '审核意见', type: 'textarea' }];
export async function approve(a, v) {
  await sure('核准' + what(a) + '，金额 ' + money(v.amount ?? a.amount) + '？');
  return step(a.id, 'approve', v);
}
export const reject = async a => step(a.id, 'reject', { note: await ask('驳回' + what(a) + '的申请，请填写理由：', '驳回申请', '驳回') });

export const payFields = [
  { name: 'payingOrgId', label: '支付单位', type: 'org', required: true },
  { name: 'fundSource', label: '资金来源', required: true, placeholder: '例如：劳模专项补助资金' }];
export async function pay(a, v) {
  await sure('向“' + a.name + '”支付 ' + money(a.approvedAmount ?? a.amount) + '（' + label('modelworkers', a.kind)
    + '）？支付后记入补助发放台账，不可撤销。');
  return step(a.id, 'pay', v);
}
