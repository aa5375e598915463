// The organisation tree the signed-in account may see.
const kinds = ['GRASSROOTS', 'INDUSTRY', 'NEW_FORM_FEDERATION', 'DISTRICT', 'COUNTY', 'CITY', 'FEDERATION'];

export async function mount(el, ctx) {
  const { h, pagedTable, form } = ctx.ui;
  const table = pagedTable(['id', 'name', 'kind', 'parentId'].map(key => ({ key, label: key === 'parentId' ? ctx.t('parent') : undefined })),
    (offset, limit) => ctx.api(`orgs?offset=${offset}&limit=${limit}`));
  const all = (await ctx.api('orgs?limit=500')).items;
  const create = form([
    { name: 'name' }, { name: 'kind', type: 'select', options: kinds },
    { name: 'parentId', label: ctx.t('parent'), type: 'select', options: [['', '—'], ...all.map(o => [o.id, o.name])],
      transform: v => v === null ? null : Number(v) }
  ], async v => {
    await ctx.api('orgs', { method: 'POST', body: v });
    table.reload();
  }, { submitLabel: ctx.t('create') });
  el.append(h('h1', {}, ctx.t('orgs')), table, h('h2', {}, ctx.t('create')), create);
}
