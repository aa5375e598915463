// The audit trail, newest first (admins).
export async function mount(el, ctx) {
  const { h, pagedTable } = ctx.ui;
  let entity = '';
  const table = pagedTable(['at', 'actor', 'action', 'entity', 'entityId', 'changes'].map(key => ({ key })),
    (offset, limit) => ctx.api(`audit?offset=${offset}&limit=${limit}` + (entity ? '&entity=' + encodeURIComponent(entity) : '')),
    { limit: 25 });
  const filter = h('input', { placeholder: ctx.t('entity') });
  filter.addEventListener('change', () => { entity = filter.value; table.reload(); });
  el.append(h('h1', {}, ctx.t('audit')), h('div', { class: 'row' }, filter), table);
}
