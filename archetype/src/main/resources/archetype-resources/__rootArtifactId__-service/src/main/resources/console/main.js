// ${moduleName} in the officer console, under /m/${moduleId}: the items of the officer's organisations, 新建 in a
// dialog (each problem+json field error appears beside its field). A plain ES module, copied into the bundle's
// console/ folder as it is (no build step): it imports only vue, vue-router and @unionhub/console-kit, which the
// console's import map provides, and draws with Vue's h() and the components the kit registers for every screen
// (Element Plus's el-*, the hub's uh-list-page, uh-form-dialog…), so all modules share one copy of the library.
// A module with many screens may build Vue single-file components instead (see docs/integrators.md).
import { h, ref, resolveComponent } from 'vue';
import { api, allOrgs } from '@unionhub/console-kit';

// words for the codes this module shows (statuses, roles); the hub's /api/labels answers with labels/zh-CN.json
export const labels = { values: {}, fields: {} };

const fields = [
  { name: 'orgId', label: '组织', type: 'org', required: true },
  { name: 'title', label: '标题', required: true },
  { name: 'note', label: '备注', type: 'textarea' }
];

const Items = {
  setup() {
    const creating = ref(false);
    const list = ref(null);
    const orgNames = ref({});
    allOrgs().then(all => { orgNames.value = Object.fromEntries(all.map(o => [o.id, o.name])); }).catch(() => {});
    const columns = [
      { prop: 'title', label: '标题', width: 180 },
      { prop: 'orgId', label: '组织', text: i => orgNames.value[i.orgId] || '' },
      { prop: 'note', label: '备注' },
      { prop: 'createdAt', label: '创建时间', kind: 'time' }
    ];
    const create = (v, key) => api('${moduleId}/items', { method: 'POST', body: v, idempotencyKey: key });
    return () => {
      const [ListPage, FormDialog, Button] = ['uh-list-page', 'uh-form-dialog', 'el-button'].map(n => resolveComponent(n));
      return [
        h('h1', { class: 'uh-page-title' }, '${moduleName}'),
        h(ListPage, { ref: list, id: '${moduleId}-items', module: '${moduleId}', path: '${moduleId}/items', columns, title: '${moduleName}' }, {
          toolbar: () => h(Button, { type: 'primary', 'data-action': 'create-item', onClick: () => { creating.value = true; } }, () => '新建')
        }),
        h(FormDialog, { modelValue: creating.value, 'onUpdate:modelValue': v => { creating.value = v; }, id: '${moduleId}-item-form',
          title: '新建', fields, submit: create, submitLabel: '创建', onSaved: () => list.value.reload() })
      ];
    };
  }
};

// routes under /m/${moduleId}; anything else there shows the list
export const routes = [
  { path: '', component: Items },
  { path: ':rest(.*)*', redirect: '/m/${moduleId}' }
];

/** The 工作台's figures for this module. */
export async function figures() {
  return { stats: [{ label: '${moduleName}', value: (await api('${moduleId}/items?limit=1')).total }] };
}
