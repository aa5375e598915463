// Union fairs in the officer console: create a fair, watch stall applications come in (allocated and
// waitlisted), coupon batches with their counts, and the figures with a chart of visits by time slot.
const L = {
  zh: { fairs: '工会集市', create: '新建集市', name: '名称', theme: '主题', venue: '地点', startsAt: '开始', endsAt: '结束',
        stallCount: '摊位数', stallFeePerDay: '每天摊位费', registrationOpensAt: '报名开始', registrationClosesAt: '报名截止',
        offerWindowHours: '递补确认时限（小时）', sections: '板块（逗号分隔）', state: '状态', stalls: '摊位', waitlisted: '候补',
        open: '查看', applications: '摊位申请', companyName: '商家', status: '状态', stallNumber: '摊位号',
        waitlistPosition: '候补序号', fee: '摊位费', coupons: '优惠券', title: '名称', quantity: '数量', claimed: '已领',
        redeemed: '已核销', discountGranted: '优惠金额', figures: '数据', visits: '客流量', turnover: '消费流水',
        merchants: '商家数', feesWaived: '免收摊位费', visitsBySlot: '分时段客流', refresh: '刷新' },
  en: { fairs: 'Union fairs', create: 'New fair', name: 'Name', theme: 'Theme', venue: 'Venue', startsAt: 'Starts', endsAt: 'Ends',
        stallCount: 'Stalls', stallFeePerDay: 'Stall fee per day', registrationOpensAt: 'Registration opens',
        registrationClosesAt: 'Registration closes', offerWindowHours: 'Offer window (hours)', sections: 'Sections (comma separated)',
        state: 'State', stalls: 'Stalls', waitlisted: 'Waitlisted', open: 'Open', applications: 'Stall applications',
        companyName: 'Merchant', status: 'Status', stallNumber: 'Stall', waitlistPosition: 'Place in line', fee: 'Fee',
        coupons: 'Coupons', title: 'Title', quantity: 'Quantity', claimed: 'Claimed', redeemed: 'Redeemed',
        discountGranted: 'Discount granted', figures: 'Figures', visits: 'Visits', turnover: 'Turnover', merchants: 'Merchants',
        feesWaived: 'Fees waived', visitsBySlot: 'Visits by time slot', refresh: 'Refresh' }
};

// datetime-local gives "2026-03-22T09:00"; the API wants an offset: use the browser's
const withOffset = v => {
  if (!v) return null;
  const d = new Date(v);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const pad = n => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${v.length === 16 ? v + ':00' : v}${sign}${pad(off / 60)}:${pad(off % 60)}`;
};

export async function headlines(ctx) {
  const t = k => ctx.t(k, L);
  const s = await ctx.api('fairs/summary');
  return [{ label: t('fairs'), value: s.fairs }, { label: t('visits'), value: s.visits }, { label: t('turnover'), value: s.turnover },
    { label: t('stalls'), value: s.stallsAllocated }, { label: t('claimed'), value: s.couponsClaimed }];
}

export async function mount(el, ctx) {
  if (ctx.params[0]) return fair(el, ctx, ctx.params[0]);
  const { h, pagedTable, form } = ctx.ui;
  const t = k => ctx.t(k, L);
  const list = pagedTable([
    { key: 'id', label: '#' }, { key: 'name', label: t('name') }, { key: 'startsAt', label: t('startsAt') },
    { key: 'state', label: t('state') }, { key: 'stalls', label: t('stalls'), render: f => `${f.stallsTaken}/${f.stallCount}` },
    { key: 'waitlisted', label: t('waitlisted') },
    { key: 'open', label: '', render: f => h('a', { href: `#/m/fairs/${f.id}`, 'data-fair': f.id }, t('open')) }
  ], (offset, limit) => ctx.api(`fairs?offset=${offset}&limit=${limit}`));
  const create = form([
    { name: 'name', label: t('name') }, { name: 'theme', label: t('theme') }, { name: 'venue', label: t('venue') },
    { name: 'startsAt', label: t('startsAt'), type: 'datetime-local', transform: withOffset },
    { name: 'endsAt', label: t('endsAt'), type: 'datetime-local', transform: withOffset },
    { name: 'stallCount', label: t('stallCount'), type: 'number' },
    { name: 'stallFeePerDay', label: t('stallFeePerDay'), type: 'number', step: '0.01' },
    { name: 'registrationOpensAt', label: t('registrationOpensAt'), type: 'datetime-local', transform: withOffset },
    { name: 'registrationClosesAt', label: t('registrationClosesAt'), type: 'datetime-local', transform: withOffset },
    { name: 'offerWindowHours', label: t('offerWindowHours'), type: 'number' },
    { name: 'sections', label: t('sections'), type: 'list' }
  ], async v => {
    const created = await ctx.api('fairs', { method: 'POST', body: v });
    ctx.go(`#/m/fairs/${created.id}`);
  }, { submitLabel: t('create') });
  create.id = 'fair-form';
  el.append(h('h1', {}, t('fairs')), list, h('h2', {}, t('create')), create);
}

async function fair(el, ctx, id) {
  const { h, pagedTable, cards, bars } = ctx.ui;
  const t = k => ctx.t(k, L);
  const f = await ctx.api(`fairs/${id}`);
  const s = await ctx.api(`fairs/${id}/stats`);
  const apps = pagedTable([
    { key: 'id', label: '#' }, { key: 'companyName', label: t('companyName') }, { key: 'status', label: t('status') },
    { key: 'stallNumber', label: t('stallNumber') }, { key: 'waitlistPosition', label: t('waitlistPosition') },
    { key: 'fee', label: t('fee') }, { key: 'createdAt', label: '' }
  ], (offset, limit) => ctx.api(`fairs/${id}/applications?offset=${offset}&limit=${limit}`), { limit: 50 });
  apps.id = 'applications';
  // the rush: applications arrive while the officer watches
  const timer = setInterval(() => { if (!document.body.contains(apps)) clearInterval(timer); else apps.reload(); }, 5000);
  el.append(h('h1', {}, f.name), h('p', { class: 'muted' }, `${f.theme || ''} · ${f.venue || ''} · ${f.state}`),
    h('h2', {}, t('figures')), cards([
      { label: t('visits'), value: s.visits }, { label: t('turnover'), value: s.turnover }, { label: t('merchants'), value: s.merchants },
      { label: t('stalls'), value: `${s.stallsAllocated}/${f.stallCount}` }, { label: t('waitlisted'), value: s.stallsWaitlisted },
      { label: t('feesWaived'), value: s.feesWaived }, { label: t('claimed'), value: s.couponsClaimed },
      { label: t('redeemed'), value: s.couponsRedeemed }, { label: t('discountGranted'), value: s.discountGranted }]),
    h('h2', {}, t('visitsBySlot')), bars(s.visitsBySlot.map(v => ({ label: ctx.ui.fmt(v.slotStart).slice(11), value: v.visits }))),
    h('h2', {}, t('applications'), ' ', h('button', { class: 'secondary', onclick: () => apps.reload() }, t('refresh'))), apps,
    h('h2', {}, t('coupons')), pagedTable([
      { key: 'title', label: t('title') }, { key: 'quantity', label: t('quantity') }, { key: 'claimed', label: t('claimed') },
      { key: 'redeemed', label: t('redeemed') }, { key: 'discountGranted', label: t('discountGranted') }
    ], async () => {
      const all = await ctx.api(`fairs/coupon-batches?fairId=${id}`);
      const items = Array.isArray(all) ? all : all.items;
      return { items, total: items.length };
    }));
}
