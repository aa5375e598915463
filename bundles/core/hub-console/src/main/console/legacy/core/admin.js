// Modules of this hub: versions and state; enable, disable (after showing the impact), swap a policy.
export async function mount(el, ctx) {
  const { h, problemBox } = ctx.ui;
  const message = h('div', { id: 'admin-message' });
  const body = h('div');
  el.append(h('h1', {}, ctx.t('admin')), message, body);

  async function act(payload) {
    message.replaceChildren(h('p', { class: 'muted' }, '…'));
    try {
      const r = await ctx.api('admin/modules', { method: 'POST', body: payload });
      message.replaceChildren(h('div', { class: 'ok' }, `+ ${r.installed.join(', ') || '—'}  − ${r.uninstalled.join(', ') || '—'}`));
    } catch (e) {
      message.replaceChildren(problemBox(e));
    }
    await draw();
    await ctx.refreshMenu();
  }

  async function draw() {
    const data = await ctx.api('admin/modules');
    body.replaceChildren(h('p', { class: 'muted' }, 'etc/org.unionhub.modules.cfg: modules = ' + data.chosen),
      h('div', { class: 'table-wrap' }, h('table', { id: 'admin-modules' },
        h('thead', {}, h('tr', {}, ['module', 'version', 'state', 'policy', ''].map(k => h('th', {}, k ? ctx.t(k) : '')))),
        h('tbody', {}, data.modules.map(m => h('tr', { 'data-module': m.id },
          h('td', {}, m.id), h('td', {}, m.version), h('td', { class: 'state-' + m.state }, m.state),
          h('td', {}, m.policies.length ? policyPicker(m) : ''),
          h('td', {}, m.enabled
            ? h('button', { class: 'secondary', 'data-action': 'disable', onclick: () => disable(m) }, ctx.t('disable'))
            : h('button', { 'data-action': 'enable', onclick: () => act({ action: 'enable', module: m.id, policy: m.policies[0] || null }) },
                ctx.t('enable')))))))));
  }

  function policyPicker(m) {
    const select = h('select', { 'data-policy': m.id, disabled: !m.enabled },
      m.policies.map(p => h('option', { value: p, selected: p === m.activePolicy }, p)));
    const button = h('button', { class: 'secondary', 'data-action': 'swap', disabled: !m.enabled,
      onclick: () => act({ action: 'swap', module: m.id, policy: select.value }) }, ctx.t('swap'));
    return h('span', { class: 'row' }, select, button);
  }

  async function disable(m) {
    const impact = await ctx.api(`admin/modules/${m.id}/impact`);
    const text = `${ctx.t('neededBy')}: ${impact.neededBy.join(', ') || ctx.t('nothing')}\n${ctx.t('dataKept')}: `
      + (impact.dataKept.map(d => `${d.table} (${d.rows})`).join(', ') || ctx.t('nothing')) + '\n\n' + ctx.t('confirmDisable');
    if (window.confirm(text)) await act({ action: 'disable', module: m.id });
  }

  await draw();
}
