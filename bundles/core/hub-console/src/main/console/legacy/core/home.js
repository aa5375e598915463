// Home: the region, the installed modules and their health, and each module's headline figures.
export async function mount(el, ctx) {
  const { h, cards, problemBox } = ctx.ui;
  const health = await ctx.api('health').catch(e => e.body || {});
  const modules = await ctx.api('modules');
  el.append(h('h1', {}, health.region ? health.region.name : 'UnionHub'),
    h('p', {}, ctx.t('health') + ': ', h('span', { class: 'status-' + health.status, id: 'hub-status' }, health.status),
      ' · ' + ctx.t('database') + ': ', h('span', { class: 'status-' + (health.database || {}).status }, (health.database || {}).status)));
  el.append(h('h2', {}, ctx.t('modules')));
  if (!modules.length) el.append(h('p', { class: 'muted' }, ctx.t('noModules')));
  else el.append(h('div', { class: 'table-wrap' }, h('table', { id: 'modules' },
    h('thead', {}, h('tr', {}, ['module', 'version', 'state', 'health'].map(k => h('th', {}, ctx.t(k))))),
    h('tbody', {}, modules.map(m => h('tr', { 'data-module': m.id },
      h('td', {}, m.name), h('td', {}, m.version || ''), h('td', { class: 'state-' + m.state }, m.state),
      h('td', { class: 'status-' + m.health.status }, m.health.status + (m.detail ? ' — ' + m.detail : ''))))))));
  for (const ext of ctx.extensions) {
    try {
      const mod = await import(ext.script);
      if (typeof mod.headlines !== 'function') continue;
      const figures = await mod.headlines(ctx);
      el.append(h('h2', {}, (ctx.lang === 'zh' ? ext.titleZh : ext.titleEn) + ' · ' + ctx.t('headlines')), cards(figures));
    } catch (e) {
      el.append(problemBox(e));
    }
  }
}
