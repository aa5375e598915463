// Fetch with the signed-in account's bearer token; problem+json answers become thrown Problems.
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || ('HTTP ' + status));
    this.status = status;
    this.body = body || {};
    this.errors = (body && body.errors) || [];
  }
}

const session = {
  get token() { return sessionStorage.getItem('unionhub.token'); },
  get user() { return JSON.parse(sessionStorage.getItem('unionhub.user') || 'null'); },
  set(token, user) { sessionStorage.setItem('unionhub.token', token); sessionStorage.setItem('unionhub.user', JSON.stringify(user)); },
  clear() { sessionStorage.removeItem('unionhub.token'); sessionStorage.removeItem('unionhub.user'); }
};
export { session };

export async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (session.token) headers['Authorization'] = 'Bearer ' + session.token;
  headers['X-Requested-With'] = 'XMLHttpRequest'; // no Basic challenge, so the browser never caches Basic credentials
  let body = options.body;
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(path.startsWith('/') ? path : '/api/' + path, { method: options.method || 'GET', headers, body });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (r.status === 401 && session.token && !options.noRedirect) {
    session.clear();
    location.hash = '#/signin';
  }
  if (!r.ok) throw new Problem(r.status, json);
  return json;
}

export async function signIn(username, password) {
  const r = await api('auth/token', { method: 'POST', body: { username, password }, noRedirect: true });
  session.set(r.token, { username: r.username, roles: r.roles, orgId: r.orgId, memberId: r.memberId });
  return r;
}

export async function signOut() {
  try { await api('auth/token', { method: 'DELETE', noRedirect: true }); } catch (e) { /* gone already */ }
  session.clear();
}
