// Mutual aid in the officer console: the claims review queue, a claim with its computed payout and
// breakdown, and the review steps. Drawn with the console's ctx (api, t, ui).
const L = {
  zh: { queue: '理赔审核', status: '状态', member: '会员', hospital: '医院', admittedOn: '入院', selfPaid: '自付',
        payout: '支付额', computedPayout: '核定额', review: '受理', approve: '核准', reject: '驳回', return: '退回补件',
        pay: '支付', 'second-review': '复核通过', noStep: '此申请当前没有您可办理的步骤（受理、核准、支付须由不同人员办理）', reason: '理由', amount: '金额（可低于核定额）', breakdown: '计算明细', limitedBy: '限额依据',
        covered: '纳入计算', deductible: '起付线', byBands: '分段合计', capPerClaim: '单次封顶', periodRemaining: '年度剩余',
        band: '分段', enrolled: '参保人数', contributions: '互助金收入', payouts: '支付笔数', payoutAmount: '支付总额', open: '打开' },
  en: { queue: 'Claims review', status: 'Status', member: 'Member', hospital: 'Hospital', admittedOn: 'Admitted', selfPaid: 'Self-paid',
        payout: 'Payout', computedPayout: 'Computed', review: 'Take for review', approve: 'Approve', reject: 'Reject',
        return: 'Return for documents', pay: 'Pay', 'second-review': 'Confirm second review', noStep: 'No step of this claim is yours to take now (review, approval and payment are done by different people)', reason: 'Reason', amount: 'Amount (may be less than computed)',
        breakdown: 'Breakdown', limitedBy: 'Limited by', covered: 'Covered', deductible: 'Deductible', byBands: 'By bands',
        capPerClaim: 'Cap per claim', periodRemaining: 'Left in period', band: 'Band', enrolled: 'Enrolled',
        contributions: 'Contributions', payouts: 'Payouts', payoutAmount: 'Paid out', open: 'Open' }
};
const STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'RETURNED', 'PAID', 'REJECTED'];

export async function headlines(ctx) {
  const t = k => ctx.t(k, L);
  const f = await ctx.api('mutual-aid/figures');
  return [{ label: t('enrolled'), value: f.enrolled }, { label: t('contributions'), value: f.contributions },
    { label: t('payouts'), value: f.payouts }, { label: t('payoutAmount'), value: f.payoutAmount }];
}

export async function mount(el, ctx) {
  if (ctx.params[0] === 'claims' && ctx.params[1]) return claim(el, ctx, ctx.params[1]);
  const { h, pagedTable } = ctx.ui;
  const t = k => ctx.t(k, L);
  let status = 'UNDER_REVIEW';
  const select = h('select', { id: 'claim-status' }, ['', ...STATUSES].map(s => h('option', { value: s, selected: s === status }, s || '—')));
  const table = pagedTable([
    { key: 'id', label: '#' }, { key: 'status', label: t('status') }, { key: 'memberId', label: t('member') },
    { key: 'hospital', label: t('hospital') }, { key: 'admittedOn', label: t('admittedOn') },
    { key: 'selfPaid', label: t('selfPaid') }, { key: 'computedPayout', label: t('computedPayout') },
    { key: 'payout', label: t('payout') },
    { key: 'open', label: '', render: c => h('a', { href: `#/m/mutualaid/claims/${c.id}`, 'data-claim': c.id }, t('open')) }
  ], (offset, limit) => ctx.api(`mutual-aid/claims?offset=${offset}&limit=${limit}` + (status ? '&status=' + status : '')));
  select.addEventListener('change', () => { status = select.value; table.reload(); });
  el.append(h('h1', {}, t('queue')), h('div', { class: 'row' }, select), table);
}

async function claim(el, ctx, id) {
  const { h, form, problemBox, fmt } = ctx.ui;
  const t = k => ctx.t(k, L);
  const c = await ctx.api(`mutual-aid/claims/${id}`);
  // before approval the reviewer sees what approving now would pay, computed by the hub, not by the page
  const b = c.breakdown || (c.status === 'UNDER_REVIEW' ? await ctx.api(`mutual-aid/claims/${id}/payout-preview`) : null);
  if (!c.computedPayout && b) c.computedPayout = b.payout;
  const rows = [['status', c.status], ['member', c.memberId], ['hospital', c.hospital], ['admittedOn', c.admittedOn + ' → ' + c.dischargedOn],
    ['selfPaid', c.selfPaid], ['computedPayout', c.computedPayout], ['payout', c.payout]];
  el.append(h('h1', {}, `#${c.id} · ${c.hospital}`),
    h('table', { id: 'claim-facts' }, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', {}, t(k)), h('td', { 'data-fact': k }, fmt(v)))))));
  if (b) {
    el.append(h('h2', {}, t('breakdown')), h('table', { id: 'breakdown' }, h('tbody', {},
      [['selfPaid', b.selfPaid], ['deductible', b.deductible], ['covered', b.covered]].map(([k, v]) => h('tr', {}, h('th', {}, t(k)), h('td', {}, fmt(v)))),
      b.bands.map(s => h('tr', {}, h('th', {}, `${t('band')} ${fmt(s.from)}–${s.upTo == null ? '∞' : fmt(s.upTo)} × ${s.ratio}`), h('td', {}, fmt(s.amount)))),
      [['byBands', b.byBands], ['capPerClaim', b.capPerClaim], ['periodRemaining', b.periodRemaining], ['payout', b.payout], ['limitedBy', b.limitedBy]]
        .map(([k, v]) => h('tr', {}, h('th', {}, t(k)), h('td', { 'data-breakdown': k }, fmt(v)))))));
  }
  const message = h('div', { id: 'claim-message' });
  el.append(message);
  const step = async (action, body) => {
    try {
      await ctx.api(`mutual-aid/claims/${id}/${action}`, { method: 'POST', body: body || {} });
      el.replaceChildren();
      await claim(el, ctx, id);
    } catch (e) {
      message.replaceChildren(problemBox(e));
      throw e;
    }
  };
  // only the steps the hub says this user may take now: his role, his level, and no second duty on one claim
  const may = new Set((await ctx.api(`mutual-aid/claims/${id}/actions`)).actions);
  const buttons = h('div', { class: 'row' });
  for (const a of ['review', 'second-review', 'pay']) {
    if (may.has(a)) buttons.append(h('button', { 'data-step': a, onclick: () => step(a) }, t(a)));
  }
  el.append(buttons);
  if (may.has('approve')) {
    const approve = form([{ name: 'amount', label: t('amount'), type: 'number', step: '0.01', value: c.computedPayout },
      { name: 'reason', label: t('reason') }], v => step('approve', v), { submitLabel: t('approve') });
    approve.id = 'approve-form';
    el.append(h('h2', {}, t('approve')), approve);
  }
  for (const a of ['return', 'reject']) {
    if (!may.has(a)) continue;
    const f = form([{ name: 'reason', label: t('reason') }], v => step(a, v), { submitLabel: t(a) });
    f.id = `${a}-form`;
    el.append(h('h2', {}, t(a)), f);
  }
  if (!may.size) el.append(h('p', { id: 'claim-no-step' }, t('noStep')));
}
