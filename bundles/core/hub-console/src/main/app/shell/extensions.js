// The modules with member screens installed right now (GET /api/app/extensions). Each module's entry exports
// routes (mounted under /<moduleId>), tiles for 首页 and mine for 我的 ({title, icon, to} with `to` under the
// module), and optionally open(message) for its inbox messages; a module that goes away takes its routes, tiles and
// entries with it.
import { reactive } from 'vue';
import { api } from '@unionhub/app-kit';

export const installed = reactive({ list: [], modules: {} });
const loading = {};

function style(href) {
  if (!href || document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.appendChild(link);
}

async function load(router, ext) {
  const mod = await import(/* @vite-ignore */ ext.script);
  style(ext.style);
  if (!router.hasRoute('module-' + ext.moduleId)) {
    router.addRoute({ path: '/' + ext.moduleId, name: 'module-' + ext.moduleId, meta: { tab: true, auth: true },
      children: mod.routes || [] });
  }
  installed.modules[ext.moduleId] = { title: ext.titleZh, tiles: mod.tiles || [], mine: mod.mine || [], open: mod.open };
}

export async function refreshExtensions(router) {
  let list;
  try {
    list = await api('app/extensions');
  } catch (e) {
    return installed.list;
  }
  const ids = new Set(list.map(e => e.moduleId));
  for (const id of Object.keys(installed.modules)) {
    if (ids.has(id)) continue;
    if (router.hasRoute('module-' + id)) router.removeRoute('module-' + id);
    delete installed.modules[id];
    delete loading[id];
    if (router.currentRoute.value.path.startsWith('/' + id)) router.replace('/');
  }
  await Promise.all(list.map(ext => {
    loading[ext.moduleId] = loading[ext.moduleId] || load(router, ext).catch(() => { delete loading[ext.moduleId]; });
    return loading[ext.moduleId];
  }));
  installed.list = list;
  return list;
}

/**
 * Where an inbox message leads: the module that posted it may export open(message) -> a path under the module
 * (message.entityId names the claim or application), or nothing; the full path, or null.
 */
export function messageLink(m) {
  const mod = installed.modules[m.module];
  const to = mod && typeof mod.open === 'function' ? mod.open(m) : null;
  return to == null ? null : '/' + m.module + (to ? '/' + to : '');
}

/** A module's links, each with its full path. */
export function links(kind) {
  return installed.list.flatMap(ext => ((installed.modules[ext.moduleId] || {})[kind] || [])
    .map(t => ({ ...t, module: ext.moduleId, path: '/' + ext.moduleId + (t.to ? '/' + t.to : '') })));
}
