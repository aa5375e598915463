// The organisations the signed-in account may see, read once per page view and shared by the platform's screens,
// so a member's union, an organisation's parent and an account's union are shown by name, never by id.
import { reactive } from 'vue';
import { allOrgs } from '@unionhub/console-kit';

export const orgs = reactive({ list: [], byId: {} });
let loading = null;

export function loadOrgs(again = false) {
  if (loading && !again) return loading;
  loading = (async () => {
    const all = await allOrgs();
    orgs.list = all;
    orgs.byId = Object.fromEntries(all.map(o => [o.id, o]));
    return all;
  })();
  return loading;
}

/** The organisation's name, or the empty string while the tree is still being read. */
export function orgName(id) {
  const o = id != null && orgs.byId[id];
  return o ? o.name : '';
}

/** The options of a select of codes from their labels: [{value, label}]. */
export function options(values, labelOf) {
  return values.map(value => ({ value, label: labelOf(value) }));
}
