// The archive record's form fields (create and edit share them) and the saving of a record.
import { api } from '@unionhub/console-kit';
import { statusOptions, titleOptions } from './labels.js';

const person = [
  { name: 'name', label: '姓名', required: true },
  { name: 'idNumber', label: '身份证号码', required: true },
  { name: 'workplace', label: '工作单位' },
  { name: 'orgId', label: '所属工会', type: 'org', required: true },
  { name: 'contact', label: '联系方式' }
];
export const createFields = [...person.slice(0, 2),
  { name: 'title', label: '称号', type: 'select', options: titleOptions, required: true },
  { name: 'yearAwarded', label: '授予年份', type: 'number', required: true },
  { name: 'awardingBody', label: '授予机关' },
  ...person.slice(2),
  { name: 'status', label: '状态', type: 'select', options: statusOptions }];
// an edit sends the masked number back as it read it: the hub keeps the stored one
export const editFields = person.map(f => (f.name === 'idNumber' ? { ...f, required: false, label: '身份证号码（不改请保留原样）' } : f));
export const titleFields = [
  { name: 'title', label: '称号', type: 'select', options: titleOptions, required: true },
  { name: 'yearAwarded', label: '授予年份', type: 'number', required: true },
  { name: 'awardingBody', label: '授予机关' }];

export const createRecord = (v, key) => api('model-workers/records', { method: 'POST', body: v, idempotencyKey: key });
// the member link is not on the form: sent back as it was, so an edit never unlinks the member
export const updateRecord = (record, v) => api('model-workers/records/' + record.id, { method: 'PUT', body: { ...v, memberId: record.memberId } });

/** A file the hub answered (the archive's CSV, a nomination's material), saved under its name. */
export async function saveFile(path, fileName) {
  const r = await api(path, { raw: true });
  const url = URL.createObjectURL(await r.blob());
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
