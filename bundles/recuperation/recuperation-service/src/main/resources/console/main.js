// Recuperation in the officer console: programmes with places left, bookings with the subsidy each
// traveller got, the policy that granted it and why.
const L = {
  zh: { programmes: '疗休养项目', bookings: '预订', policy: '补贴政策', title: '项目', sanatorium: '疗养院', startDate: '开始',
        days: '天数', places: '名额', placesLeft: '剩余', price: '每人每天', quotas: '专项名额', organiser: '组织单位',
        members: '人员', subsidyTotal: '补贴合计', reason: '说明', status: '状态', none: '未安装补贴政策',
        trips: '人次', personDays: '人天', subsidy: '补贴', open: '查看', member: '会员', category: '类别', amount: '补贴' },
  en: { programmes: 'Programmes', bookings: 'Bookings', policy: 'Subsidy policy', title: 'Programme', sanatorium: 'Sanatorium',
        startDate: 'Starts', days: 'Days', places: 'Places', placesLeft: 'Left', price: 'Per person per day', quotas: 'Reserved',
        organiser: 'Organiser', members: 'Travellers', subsidyTotal: 'Subsidy', reason: 'Why', status: 'Status',
        none: 'No subsidy policy installed', trips: 'Trips', personDays: 'Person-days', subsidy: 'Subsidy', open: 'Open',
        member: 'Member', category: 'Category', amount: 'Subsidy' }
};

export async function headlines(ctx) {
  const t = k => ctx.t(k, L);
  const f = await ctx.api('recuperation/figures');
  return [{ label: t('trips'), value: f.trips }, { label: t('personDays'), value: f.personDays }, { label: t('subsidy'), value: f.subsidyTotal }];
}

export async function mount(el, ctx) {
  const { h, pagedTable, fmt } = ctx.ui;
  const t = k => ctx.t(k, L);
  const policy = await ctx.api('recuperation/policy').catch(() => null);
  el.append(h('h1', {}, ctx.lang === 'zh' ? '职工疗休养' : 'Recuperation'),
    h('p', { id: 'active-policy' }, t('policy') + ': ', policy && policy.policies && policy.policies.length
      ? policy.policies.map(p => `${p.id} ${p.version}`).join(', ') + (policy.problem ? ' — ' + policy.problem : '') : t('none')));
  el.append(h('h2', {}, t('programmes')), pagedTable([
    { key: 'id', label: '#' }, { key: 'title', label: t('title') }, { key: 'sanatoriumName', label: t('sanatorium') },
    { key: 'startDate', label: t('startDate') }, { key: 'days', label: t('days') }, { key: 'places', label: t('places') },
    { key: 'placesLeft', label: t('placesLeft') }, { key: 'pricePerPersonPerDay', label: t('price') },
    { key: 'quotas', label: t('quotas'), render: p => p.quotas.map(q => `${q.category} ${q.taken}/${q.places}`).join(', ') }
  ], (offset, limit) => ctx.api(`recuperation/programmes?offset=${offset}&limit=${limit}`)));
  const detail = h('div', { id: 'booking-detail' });
  el.append(h('h2', {}, t('bookings')), pagedTable([
    { key: 'id', label: '#' }, { key: 'programmeId', label: t('title') }, { key: 'organiserOrgId', label: t('organiser') },
    { key: 'memberIds', label: t('members') }, { key: 'subsidyTotal', label: t('subsidyTotal') },
    { key: 'policyId', label: t('policy'), render: b => b.policyId ? `${b.policyId} ${b.policyVersion}` : '—' },
    { key: 'status', label: t('status') },
    { key: 'open', label: '', render: b => h('button', { class: 'secondary', 'data-booking': b.id, onclick: () => show(b) }, t('open')) }
  ], (offset, limit) => ctx.api(`recuperation/bookings?offset=${offset}&limit=${limit}`)), detail);

  function show(b) {
    detail.replaceChildren(h('h2', {}, `#${b.id} · ${b.subsidyReason || ''}`), h('table', {},
      h('thead', {}, h('tr', {}, ['member', 'category', 'amount', 'reason'].map(k => h('th', {}, t(k))))),
      h('tbody', {}, b.subsidyPerMember.map(m => h('tr', {}, h('td', {}, m.memberId), h('td', {}, m.category),
        h('td', {}, fmt(m.amount)), h('td', {}, m.reason))))));
  }
}
