// Names for the ids the module's records carry (organisation, archive record), fetched once each and kept: rows
// redraw when a name arrives. An id the account may not read stays a neutral word, never a number.
import { reactive } from 'vue';
import { api, label } from '@unionhub/console-kit';

const cache = reactive({ org: {}, record: {} });
const paths = { org: id => 'orgs/' + id, record: id => 'model-workers/records/' + id };
const fallback = { org: '组织', record: '劳模' };

function name(kind, id) {
  if (id === null || id === undefined) return '';
  const known = cache[kind][id];
  if (known === undefined) {
    cache[kind][id] = null;
    api(paths[kind](id)).then(r => { cache[kind][id] = r.name; }).catch(() => { cache[kind][id] = fallback[kind]; });
  }
  return known || '…';
}

export const orgName = id => name('org', id);
export const recordName = id => name('record', id);
export function remember(kind, id, value) {
  cache[kind][id] = value;
}

// the demo accounts are named after their roles (officer, admin): shown by the role's label, not as an English word
export const by = u => label('core', u);

/** Archive records whose name contains the text, for a picker: [{value: id, label: '姓名 · 称号'}]. */
export async function findRecords(text) {
  const page = await api('model-workers/records?limit=20&name=' + encodeURIComponent(text || ''));
  return page.items.map(r => {
    remember('record', r.id, r.name);
    return { value: r.id, label: r.name + ' · ' + label('modelworkers', r.title) };
  });
}
