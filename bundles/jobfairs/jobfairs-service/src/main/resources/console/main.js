// Job fairs in the officer console: the fairs, and for one fair its figures by industry, its employers
// waiting for approval and its positions.
const L = {
  zh: { fairs: '招聘会', name: '名称', mode: '形式', startsAt: '开始', booths: '展位', open: '查看', employers: '用人单位',
        positions: '岗位', headcount: '招聘人数', applications: '投递', interviews: '面试', offers: '录用通知', hires: '入职',
        byIndustry: '按行业', pending: '待审核', approve: '通过', title: '岗位', industry: '行业', salary: '月薪', employer: '单位',
        viewers: '直播观看' },
  en: { fairs: 'Job fairs', name: 'Name', mode: 'Mode', startsAt: 'Starts', booths: 'Booths', open: 'Open', employers: 'Employers',
        positions: 'Positions', headcount: 'Headcount', applications: 'Applications', interviews: 'Interviews', offers: 'Offers',
        hires: 'Hires', byIndustry: 'By industry', pending: 'Waiting for approval', approve: 'Approve', title: 'Position',
        industry: 'Industry', salary: 'Salary / month', employer: 'Employer', viewers: 'Livestream viewers' }
};

export async function headlines(ctx) {
  const t = k => ctx.t(k, L);
  const fairs = await ctx.api('jobfairs?limit=1');
  return [{ label: t('fairs'), value: fairs.total }];
}

export async function mount(el, ctx) {
  if (ctx.params[0]) return fair(el, ctx, ctx.params[0]);
  const { h, pagedTable, fmt } = ctx.ui;
  const t = k => ctx.t(k, L);
  el.append(h('h1', {}, t('fairs')), pagedTable([
    { key: 'id', label: '#' }, { key: 'name', label: t('name') }, { key: 'mode', label: t('mode') },
    { key: 'startsAt', label: t('startsAt') },
    { key: 'booths', label: t('booths'), render: f => `${f.boothsTaken}/${f.boothCapacity}` },
    { key: 'open', label: '', render: f => h('a', { href: `#/m/jobfairs/${f.id}`, 'data-jobfair': f.id }, t('open')) }
  ], (offset, limit) => ctx.api(`jobfairs?offset=${offset}&limit=${limit}`)));
}

async function fair(el, ctx, id) {
  const { h, pagedTable, cards, bars, problemBox } = ctx.ui;
  const t = k => ctx.t(k, L);
  const f = await ctx.api(`jobfairs/${id}`);
  const s = await ctx.api(`jobfairs/${id}/stats`);
  el.append(h('h1', {}, f.name), cards(['employers', 'positions', 'headcount', 'applications', 'interviews', 'offers', 'hires']
    .map(k => ({ label: t(k), value: s[k] })).concat([{ label: t('viewers'), value: s.livestreamViewers }])),
    h('h2', {}, t('byIndustry')), bars(s.byIndustry.map(i => ({ label: i.industry, value: i.applications }))));
  const message = h('div');
  const pending = pagedTable([
    { key: 'id', label: '#' }, { key: 'name', label: t('employer') }, { key: 'industry', label: t('industry') },
    { key: 'approve', label: '', render: e => h('button', { onclick: async () => {
      try { await ctx.api(`jobfairs/employers/${e.id}/approve`, { method: 'POST', body: {} }); pending.reload(); }
      catch (err) { message.replaceChildren(problemBox(err)); } } }, t('approve')) }
  ], (offset, limit) => ctx.api(`jobfairs/${id}/employers?status=PENDING&offset=${offset}&limit=${limit}`));
  el.append(h('h2', {}, t('pending')), message, pending, h('h2', {}, t('positions')), pagedTable([
    { key: 'title', label: t('title') }, { key: 'employerName', label: t('employer') }, { key: 'industry', label: t('industry') },
    { key: 'headcount', label: t('headcount') }, { key: 'salary', label: t('salary'), render: p => `${p.salaryMin}–${p.salaryMax}` }
  ], (offset, limit) => ctx.api(`jobfairs/${id}/positions?offset=${offset}&limit=${limit}`)));
}
