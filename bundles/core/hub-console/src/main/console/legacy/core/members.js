// Members of the signed-in officer's part of the tree: search, page, create.
const forms = ['EMPLOYEE', 'PRIVATE_FRONTLINE', 'NEW_FORM'];
const kinds = ['', 'DELIVERY_RIDER', 'RIDE_HAILING_DRIVER', 'COURIER', 'TRUCK_DRIVER', 'OTHER'];

export async function mount(el, ctx) {
  const { h, pagedTable, form } = ctx.ui;
  let name = '';
  const table = pagedTable(['id', 'name', 'phone', 'orgId', 'employmentForm', 'newFormKind', 'cardNumber', 'idNumber']
      .map(key => ({ key, label: key === 'orgId' ? ctx.t('org') : undefined })),
    (offset, limit) => ctx.api(`members?offset=${offset}&limit=${limit}` + (name ? '&name=' + encodeURIComponent(name) : '')));
  const search = h('input', { placeholder: ctx.t('search'), id: 'member-search' });
  search.addEventListener('change', () => { name = search.value; table.reload(); });
  const orgs = (await ctx.api('orgs?limit=500')).items;
  const create = form([
    { name: 'name' }, { name: 'phone' },
    { name: 'orgId', label: ctx.t('org'), type: 'select', options: orgs.map(o => [o.id, o.name]), transform: Number },
    { name: 'employmentForm', type: 'select', options: forms },
    { name: 'newFormKind', type: 'select', options: kinds },
    { name: 'cardNumber' }, { name: 'joinedOn', type: 'date' }, { name: 'idNumber' }
  ], async v => {
    await ctx.api('members', { method: 'POST', body: v });
    table.reload();
  }, { submitLabel: ctx.t('create') });
  create.id = 'member-form';
  el.append(h('h1', {}, ctx.t('members')), h('div', { class: 'row' }, search), table,
    h('h2', {}, ctx.t('create')), create);
}
