// Model workers in the officer console: archive search with counts, and nominations under review, where a
// return carries comments beside the fields they concern.
const L = {
  zh: { archive: '劳模档案', nominations: '推荐审核', name: '姓名', idNumber: '身份证号', title: '称号', yearAwarded: '年度',
        workplace: '工作单位', status: '状态', search: '搜索', total: '总数', byLevel: '按级别', byStatus: '按状态',
        candidateName: '候选人', proposedTitle: '推荐称号', achievements: '主要事迹', state: '状态', open: '审核',
        comments: '退回意见', field: '字段', message: '意见', return: '退回修改', approve: '批准', reject: '不予批准', note: '说明' },
  en: { archive: 'Model-worker archive', nominations: 'Nominations', name: 'Name', idNumber: 'ID number', title: 'Title',
        yearAwarded: 'Year', workplace: 'Workplace', status: 'Status', search: 'Search', total: 'Records', byLevel: 'By level',
        byStatus: 'By status', candidateName: 'Candidate', proposedTitle: 'Proposed title', achievements: 'Achievements',
        state: 'State', open: 'Review', comments: 'Comments', field: 'Field', message: 'Comment', return: 'Return for changes',
        approve: 'Approve', reject: 'Reject', note: 'Note' }
};

export async function headlines(ctx) {
  const t = k => ctx.t(k, L);
  const c = await ctx.api('model-workers/records/counts');
  return [{ label: t('total'), value: c.total }, ...Object.entries(c.byStatus).map(([k, v]) => ({ label: k, value: v }))];
}

export async function mount(el, ctx) {
  if (ctx.params[0] === 'nominations' && ctx.params[1]) return nomination(el, ctx, ctx.params[1]);
  const { h, pagedTable, bars } = ctx.ui;
  const t = k => ctx.t(k, L);
  let name = '';
  const counts = h('div');
  const drawCounts = async () => {
    const c = await ctx.api('model-workers/records/counts' + (name ? '?name=' + encodeURIComponent(name) : ''));
    counts.replaceChildren(h('p', {}, `${t('total')}: ${c.total}`),
      h('h2', {}, t('byLevel')), bars(Object.entries(c.byLevel).map(([label, value]) => ({ label, value }))));
  };
  const records = pagedTable([
    { key: 'id', label: '#' }, { key: 'name', label: t('name') }, { key: 'idNumber', label: t('idNumber') },
    { key: 'title', label: t('title') }, { key: 'yearAwarded', label: t('yearAwarded') },
    { key: 'workplace', label: t('workplace') }, { key: 'status', label: t('status') }
  ], (offset, limit) => ctx.api(`model-workers/records?offset=${offset}&limit=${limit}` + (name ? '&name=' + encodeURIComponent(name) : '')));
  const search = h('input', { placeholder: t('search'), id: 'record-search' });
  search.addEventListener('change', () => { name = search.value; records.reload(); drawCounts(); });
  el.append(h('h1', {}, t('archive')), h('div', { class: 'row' }, search), records, counts,
    h('h2', {}, t('nominations')), pagedTable([
      { key: 'id', label: '#' }, { key: 'candidateName', label: t('candidateName') }, { key: 'proposedTitle', label: t('proposedTitle') },
      { key: 'state', label: t('state') },
      { key: 'open', label: '', render: n => h('a', { href: `#/m/modelworkers/nominations/${n.id}` }, t('open')) }
    ], (offset, limit) => ctx.api(`model-workers/nominations?offset=${offset}&limit=${limit}`)));
  await drawCounts();
}

async function nomination(el, ctx, id) {
  const { h, form, problemBox } = ctx.ui;
  const t = k => ctx.t(k, L);
  const n = await ctx.api(`model-workers/nominations/${id}`);
  const fields = ['candidateName', 'idNumber', 'workplace', 'proposedTitle', 'achievements'];
  el.append(h('h1', {}, `${n.candidateName || '—'} · ${n.state}`), h('table', {}, h('tbody', {}, fields.map(f =>
    h('tr', {}, h('th', {}, t(f)), h('td', {}, n[f] ?? ''),
      h('td', { class: 'muted' }, n.comments.filter(c => c.field === f).map(c => c.message).join('; ')))))));
  const message = h('div');
  el.append(message);
  const decide = async (action, body) => {
    try {
      await ctx.api(`model-workers/nominations/${id}/${action}`, { method: 'POST', body });
      el.replaceChildren();
      await nomination(el, ctx, id);
    } catch (e) {
      message.replaceChildren(problemBox(e));
      throw e;
    }
  };
  if (n.state === 'SUBMITTED') {
    el.append(h('h2', {}, t('return')), form([
      { name: 'field', label: t('field'), type: 'select', options: fields.map(f => [f, t(f)]) },
      { name: 'message', label: t('message') }
    ], v => decide('return', { comments: [{ field: v.field, message: v.message }] }), { submitLabel: t('return') }),
    h('h2', {}, t('approve')), form([{ name: 'note', label: t('note') }], v => decide('approve', v), { submitLabel: t('approve') }),
    h('h2', {}, t('reject')), form([{ name: 'note', label: t('note') }], v => decide('reject', v), { submitLabel: t('reject') }));
  }
}
