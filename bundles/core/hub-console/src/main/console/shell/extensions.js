// The module screens installed right now (GET /api/console/extensions), re-read on every navigation and every
// 15 s, so the menu follows enable/disable live. A module's entry is loaded once per version of the list.
import { reactive } from 'vue';
import { api, registerLabels, session } from '@unionhub/console-kit';

export const installed = reactive({ list: [], loaded: {} });

function allowed(roles) {
  const user = session.user;
  return !!user && (!roles || !roles.length || roles.some(r => user.roles.includes(r)));
}

export async function refreshExtensions(router) {
  let list = [];
  try {
    list = (await api('console/extensions')).filter(e => allowed(e.roles));
  } catch (e) {
    return installed.list;
  }
  const ids = new Set(list.map(e => e.moduleId));
  for (const id of Object.keys(installed.loaded)) {
    if (ids.has(id)) continue;
    // the module went away: its routes go with it
    if (router.hasRoute('module-' + id)) router.removeRoute('module-' + id);
    delete installed.loaded[id];
    if (router.currentRoute.value.path.startsWith('/m/' + id)) router.replace('/');
  }
  installed.list = list;
  return list;
}

/** The module's entry script: Vue routes (new) or mount(el, ctx) (screens not yet rebuilt). */
export async function loadModule(ext) {
  if (!installed.loaded[ext.moduleId]) {
    installed.loaded[ext.moduleId] = import(/* @vite-ignore */ ext.script).then(mod => {
      if (mod.labels) registerLabels(ext.moduleId, mod.labels);
      return mod;
    });
  }
  return installed.loaded[ext.moduleId];
}
