// Who may do what, as the server decides it (Env.manages): the administrator everything; an officer the fairs,
// registry employers and programmes of his organisation and below — the organisations GET /api/orgs answers him.
// The screens offer a write only where it would be allowed, so no button answers 403. The same list names the
// organisations (names, never ids).
import { reactive } from 'vue';
import { api, session } from '@unionhub/console-kit';

const state = reactive({ orgs: null });
let loading = null;

/** Loads the signed-in account's organisations once per sign-in (the tree an officer may see and manage). */
export function loadOrgs() {
  const user = session.user && session.user.username;
  if (loading && state.user === user) return loading;
  state.user = user;
  loading = (async () => {
    const all = {};
    let cursor = null;
    do {
      const page = await api('orgs?limit=200' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      for (const o of page.items) all[o.id] = o.name;
      cursor = page.nextCursor;
    } while (cursor && Object.keys(all).length < 5000);
    state.orgs = all;
  })().catch(() => { state.orgs = {}; });
  return loading;
}

export const isAdmin = () => ((session.user && session.user.roles) || []).includes('admin');
const isOfficer = () => ((session.user && session.user.roles) || []).includes('officer');

/** True when the signed-in account manages the organisation's fairs, registry and programmes. */
export function manages(orgId) {
  if (isAdmin()) return true;
  if (!isOfficer() || !state.orgs) return false;
  return orgId in state.orgs;
}

/** An organisation's name; one outside the account's tree stays a neutral word, never a number. */
export function orgName(orgId) {
  if (orgId === null || orgId === undefined) return '';
  if (!state.orgs) return '…';
  return state.orgs[orgId] || '其他工会';
}
