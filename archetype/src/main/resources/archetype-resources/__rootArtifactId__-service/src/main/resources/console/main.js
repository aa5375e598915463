// ${moduleName} in the officer console: the items of the officer's organisations, and a form to add one
// (each problem+json field error appears beside its field).
const L = {
  zh: { items: '${moduleName}', title: '标题', note: '备注', orgId: '组织', createdAt: '创建时间', create: '新建' },
  en: { items: '${moduleName}', title: 'Title', note: 'Note', orgId: 'Organisation', createdAt: 'Created', create: 'Create' }
};

export async function mount(el, ctx) {
  const { h, pagedTable, form } = ctx.ui;
  const t = k => ctx.t(k, L);
  const table = pagedTable(
    [{ key: 'id', label: '#' }, { key: 'title', label: t('title') }, { key: 'orgId', label: t('orgId') },
     { key: 'createdAt', label: t('createdAt') }],
    (offset, limit) => ctx.api('${moduleId}/items?offset=' + offset + '&limit=' + limit));
  el.append(h('h1', {}, t('items')), table,
    h('h2', {}, t('create')),
    form([{ name: 'orgId', label: t('orgId'), type: 'number' }, { name: 'title', label: t('title') }, { name: 'note', label: t('note') }],
      async v => {
        await ctx.api('${moduleId}/items', { method: 'POST', body: { ...v, orgId: v.orgId ? Number(v.orgId) : null } });
        ctx.go('#/m/${moduleId}');
      }));
}

export async function headlines(ctx) {
  return [{ label: ctx.t('items', L), value: (await ctx.api('${moduleId}/items?limit=1')).total }];
}
