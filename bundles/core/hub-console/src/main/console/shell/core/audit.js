// The audit trail in words: an action code ("core.member.create", "fairs.fair.close") as the label its module ships
// (ConsoleTextsIT fails on a module's action or subject without one), or, for an older module without it, the
// module's name with the verb and the subject; a subject (entity, id) by name
// where the console knows it; the recorded changes as rows of field, before and after.
import { field, label, time } from '@unionhub/console-kit';
import { installed } from '../extensions.js';
import { orgName } from './orgs.js';
import { inWords } from './codes.js';

const VERBS = { create: '新建', update: '修改', close: '关闭', approve: '核准', reject: '驳回', pay: '支付', return: '退回',
  submit: '提交', cancel: '取消', apply: '申请', accept: '接受', offer: '录取', withdraw: '撤回', read: '查看',
  list: '查询', export: '导出', import: '导入', register: '登记', file: '申报', set: '设定', report: '报告',
  forward: '上报', recommend: '推荐', status: '变更状态', add: '添加', upload: '上传', show: '展示', sample: '抽检',
  version: '新版本', expire: '过期', promote: '递补', claim: '领取', redeem: '核销', terms: '修改条款',
  'second-review': '复核', 'id-read': '查看身份证号', 'read-id': '查看身份证号', 'search-id': '按身份证号查找',
  viewers: '记录观看人数', attach: '上传附件', record: '登记', erase: '删除个人信息' };

function moduleTitle(id) {
  if (id === 'core') return '平台';
  const e = installed.list.find(x => x.moduleId === id);
  return e ? e.titleZh : label(id, id, 'module');
}

export function actionText(code) {
  if (!code) return '';
  const own = label('core', code);
  if (own !== code) return own;
  const parts = code.split('.');
  const module = parts[0];
  const named = label(module, code);
  if (named !== code) return named;
  const verb = VERBS[parts[parts.length - 1]] || '操作';
  const subject = parts.length > 2 ? subjectKind(module, parts[parts.length - 2]) : '';
  return moduleTitle(module) + '·' + verb + subject;
}

export function subjectKind(module, entity) {
  if (!entity) return '';
  const own = label(module, entity, 'entity');
  if (own !== entity) return own;
  const core = label('core', entity, 'entity');
  if (core !== entity) return core;
  for (const name of [entity, entity + 'Id']) {
    const f = field(module, name);
    if (f !== name) return f;
  }
  return '记录';
}

/**
 * The subject's name where the console has it (an organisation, a member, an account, or the name the entry recorded),
 * else its kind and number.
 */
export function subjectText(row, members) {
  const module = (row.action || '').split('.')[0];
  const kind = subjectKind(module, row.entity);
  if (!row.entityId) return kind;
  if ((row.entity === 'org' || row.entity === 'organisation') && orgName(Number(row.entityId))) {
    return kind + '：' + orgName(Number(row.entityId));
  }
  if (row.entity === 'member' && members[row.entityId]) return kind + '：' + members[row.entityId];
  if (row.entity === 'account') return kind + '：' + row.entityId;
  const named = recordedName(row);
  return named ? kind + '：' + named : kind + ' ' + row.entityId;
}

const NAME_FIELDS = ['name', 'title', 'fullName', 'memberName', 'employerName', 'companyName', 'programmeName'];

/** A module record's own name where its audit entry recorded one (a create, a rename), else null. */
function recordedName(row) {
  let data;
  try {
    data = row.changes ? JSON.parse(row.changes) : null;
  } catch (e) {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  for (const key of NAME_FIELDS) {
    const v = data[key];
    const value = v && typeof v === 'object' ? (v.after ?? v.to) : v;
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

function show(module, name, v) {
  if (v === null || v === undefined || v === '') return '—';
  if (v === '(set)') return '已填写';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if ((name === 'orgId' || name === 'parentId' || name === 'fromOrgId' || name === 'toOrgId') && orgName(Number(v))) return orgName(Number(v));
  if (Array.isArray(v)) return v.map(x => show(module, name, x)).join('、');
  if (typeof v === 'object') {
    // a nested record (counts per code, a sub-record): each key as its label or field name
    return Object.entries(v).map(([k, x]) => (label(module, k) !== k ? label(module, k) : field(module, k)) + ' ' + show(module, k, x)).join('，');
  }
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v)) return time(v);
  return inWords(module, v); // codes as their module's labels (the core's where the module has none)
}

/**
 * The changes as rows {field, before, after}: a value recorded as {before, after} or {from, to} gives both, a plain
 * value is what the record holds after the action.
 */
export function changeRows(row) {
  let data;
  try {
    data = row.changes ? JSON.parse(row.changes) : {};
  } catch (e) {
    return [{ field: '说明', before: '—', after: row.changes }];
  }
  const module = (row.action || '').split('.')[0];
  return Object.entries(data || {}).map(([k, v]) => {
    const pair = v && typeof v === 'object' && !Array.isArray(v) && (('before' in v && 'after' in v) || ('from' in v && 'to' in v));
    return { field: field(module, k), before: pair ? show(module, k, v.before ?? v.from) : '—', after: show(module, k, pair ? v.after ?? v.to : v) };
  });
}
