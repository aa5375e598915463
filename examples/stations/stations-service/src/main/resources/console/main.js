// Rest stations in the officer console: the stations with open-now, card and rating, a new station, and per
// station its lockers (stock per compartment, restock due), closure reports and cards; the review on top.
const L = {
  zh: { stations: '工会驿站', create: '新建驿站', name: '名称', address: '地址', orgId: '组织', open24h: '24小时开放',
        services: '服务（逗号分隔）', entry: '入口方式', openNow: '正在开放', card: '红黄牌', ratingAverage: '满意度',
        ratingCount: '评价数', state: '状态', lockers: '智能柜', number: '格口', supply: '物资', stock: '库存',
        reserved: '已预约', available: '可预约', restockDue: '待补货', review: '红黄牌评估', from: '开始日期', to: '结束日期',
        run: '评估', reasons: '原因', visits: '到访', bookings: '预约', closureReports: '关门举报', open: '查看' },
  en: { stations: 'Rest stations', create: 'New station', name: 'Name', address: 'Address', orgId: 'Organisation',
        open24h: 'Open 24 hours', services: 'Services (comma separated)', entry: 'Entry', openNow: 'Open now',
        card: 'Card', ratingAverage: 'Satisfaction', ratingCount: 'Ratings', state: 'State', lockers: 'Lockers',
        number: 'Compartment', supply: 'Supply', stock: 'Stock', reserved: 'Booked', available: 'Available',
        restockDue: 'Restock due', review: 'Red/yellow-card review', from: 'From', to: 'To', run: 'Run review',
        reasons: 'Reasons', visits: 'Visits', bookings: 'Bookings', closureReports: 'Closure reports', open: 'Open' }
};

export async function headlines(ctx) {
  const t = k => ctx.t(k, L);
  const all = await ctx.api('stations?limit=1');
  const open = await ctx.api('stations?openNow=true&limit=1');
  return [{ label: t('stations'), value: all.total }, { label: t('openNow'), value: open.total }];
}

export async function mount(el, ctx) {
  if (ctx.params[0]) return station(el, ctx, ctx.params[0]);
  const { h, pagedTable, form } = ctx.ui;
  const t = k => ctx.t(k, L);
  el.append(h('h1', {}, t('stations')),
    pagedTable([
      { key: 'name', label: t('name'), render: s => h('a', { href: `#/m/stations/${s.id}` }, s.name) },
      { key: 'address', label: t('address') },
      { key: 'openNow', label: t('openNow'), render: s => (s.openNow ? '✔' : '—') },
      { key: 'card', label: t('card') },
      { key: 'ratingAverage', label: t('ratingAverage'), render: s => (s.ratingAverage == null ? '—' : `${s.ratingAverage} (${s.ratingCount})`) },
      { key: 'state', label: t('state') }
    ], (offset, limit) => ctx.api(`stations?offset=${offset}&limit=${limit}`)),
    h('h2', {}, t('create')),
    form([{ name: 'name', label: t('name') }, { name: 'address', label: t('address') },
          { name: 'orgId', label: t('orgId'), type: 'number' }, { name: 'open24h', label: t('open24h'), type: 'checkbox' },
          { name: 'services', label: t('services') }, { name: 'entry', label: t('entry') }],
      v => ctx.api('stations', { method: 'POST', body: {
        ...v, orgId: v.orgId ? Number(v.orgId) : null, open24h: !!v.open24h,
        services: (v.services || '').split(',').map(s => s.trim()).filter(Boolean) } })),
    h('h2', {}, t('review')),
    form([{ name: 'from', label: t('from'), type: 'date' }, { name: 'to', label: t('to'), type: 'date' }],
      v => ctx.api('stations/reviews', { method: 'POST', body: v })));
}

async function station(el, ctx, id) {
  const { h } = ctx.ui;
  const t = k => ctx.t(k, L);
  const s = await ctx.api(`stations/${id}`);
  const lockers = await ctx.api(`stations/${id}/lockers`);
  const cards = await ctx.api(`stations/${id}/cards`);
  el.append(h('h1', {}, s.name), h('p', {}, `${s.address} · ${s.open24h ? t('open24h') : ''} · ${s.services.join(', ')}`));
  for (const l of lockers) {
    el.append(h('h2', {}, `${t('lockers')}: ${l.name}${l.restockDue ? ' · ' + t('restockDue') : ''}`),
      h('table', {}, h('tr', {}, ...['number', 'supply', 'stock', 'reserved', 'available'].map(k => h('th', {}, t(k)))),
        ...l.compartments.map(c => h('tr', {}, ...[c.number, c.supply || '—', c.stock, c.reserved, c.available].map(v => h('td', {}, String(v)))))));
  }
  el.append(h('h2', {}, t('card')),
    h('table', {}, h('tr', {}, ...['from', 'to', 'card', 'visits', 'bookings', 'closureReports', 'reasons'].map(k => h('th', {}, t(k)))),
      ...cards.map(c => h('tr', {}, ...[c.from, c.to, c.card, c.visits, c.bookings, c.closureReports, c.reasons.join('; ')]
        .map(v => h('td', {}, String(v)))))));
}
