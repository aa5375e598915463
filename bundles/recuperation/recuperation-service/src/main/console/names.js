// Names for the ids a booking carries (programme, organising union, members), fetched once each and kept: the rows
// redraw when a name arrives. An id the account may not read stays a neutral word, never a number.
import { reactive } from 'vue';
import { api } from '@unionhub/console-kit';

const cache = reactive({ programme: {}, org: {}, member: {} });
const paths = { programme: id => 'recuperation/programmes/' + id, org: id => 'orgs/' + id, member: id => 'members/' + id };
const fallback = { programme: '疗休养项目', org: '组织', member: '会员' };

function name(kind, id, pick) {
  if (id === null || id === undefined) return '';
  const known = cache[kind][id];
  if (known === undefined) {
    cache[kind][id] = null;
    api(paths[kind](id)).then(r => { cache[kind][id] = pick(r); }).catch(() => { cache[kind][id] = fallback[kind]; });
    return '…';
  }
  return known ?? '…';
}

export const programmeName = id => name('programme', id, p => p.title || p.sanatoriumName + ' ' + p.startDate);
export const orgName = id => name('org', id, o => o.name);
export const memberName = id => name('member', id, m => m.name);
export const memberNames = ids => (ids || []).map(memberName).join('、');

/** Names already known from a list the screen read anyway. */
export function remember(kind, id, value) {
  cache[kind][id] = value;
}
