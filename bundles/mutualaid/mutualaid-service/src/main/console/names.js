// Names for the ids the module's records carry (member, organisation, plan), fetched once each and kept: rows redraw
// when a name arrives. An id the account may not read stays a neutral word, never a number.
import { reactive } from 'vue';
import { api } from '@unionhub/console-kit';

const cache = reactive({ member: {}, org: {}, plan: {} });
const paths = { member: id => 'members/' + id, org: id => 'orgs/' + id, plan: id => 'mutual-aid/plans/' + id };
const fallback = { member: '会员', org: '组织', plan: '互助计划' };

function name(kind, id) {
  if (id === null || id === undefined) return '';
  const known = cache[kind][id];
  if (known === undefined) {
    cache[kind][id] = null;
    api(paths[kind](id)).then(r => { cache[kind][id] = r.name; }).catch(() => { cache[kind][id] = fallback[kind]; });
    return '…';
  }
  return known ?? '…';
}

export const memberName = id => name('member', id);
export const orgName = id => name('org', id);
export const planName = id => name('plan', id);

/** Names already known from a list the screen read anyway. */
export function remember(kind, id, value) {
  cache[kind][id] = value;
}

/** The plans (a few), remembered by name; for the plan pickers and filters. */
export async function plans() {
  const list = await api('mutual-aid/plans');
  for (const p of list) remember('plan', p.id, p.name);
  return list;
}
