// The API client every screen uses: the signed-in account's token, Accept-Language zh-CN, problem+json answers
// thrown as Problem, and an Idempotency-Key on each create so a repeated submission makes one record.
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || ('请求失败（' + status + '）'));
    this.status = status;
    this.body = body || {};
    this.errors = (body && body.errors) || [];
  }
}

// the same keys as the console before it, so screens still on the old mount(el, ctx) share the sign-in
export const session = {
  get token() { return sessionStorage.getItem('unionhub.token'); },
  get user() { return JSON.parse(sessionStorage.getItem('unionhub.user') || 'null'); },
  set(token, user) { sessionStorage.setItem('unionhub.token', token); sessionStorage.setItem('unionhub.user', JSON.stringify(user)); },
  clear() { sessionStorage.removeItem('unionhub.token'); sessionStorage.removeItem('unionhub.user'); }
};

/** A fresh key per form submission (crypto.randomUUID exists only on secure origins). */
export function newKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map(v => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

let onSignedOut = () => {};
export function whenSignedOut(f) { onSignedOut = f; }

/**
 * path: 'fairs?limit=20' (under /api/) or an absolute path. options: method, body (sent as JSON), create (adds an
 * Idempotency-Key, or use idempotencyKey to pass one), raw (answer the Response).
 */
export async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept-Language': 'zh-CN', 'X-Requested-With': 'XMLHttpRequest' }, options.headers || {});
  if (session.token) headers.Authorization = 'Bearer ' + session.token;
  if (options.create || options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey || newKey();
  let body = options.body;
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(path.startsWith('/') ? path : '/api/' + path, { method: options.method || 'GET', headers, body });
  if (options.raw && r.ok) return r;
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (r.status === 401 && session.token && !options.noRedirect) {
    session.clear();
    onSignedOut();
  }
  if (!r.ok) throw new Problem(r.status, json);
  return json;
}

export async function signIn(username, password) {
  // a bearer token cannot mint another: signing in again starts from no session
  session.clear();
  const r = await api('auth/token', { method: 'POST', body: { username, password }, noRedirect: true });
  session.set(r.token, { username: r.username, roles: r.roles, orgId: r.orgId, memberId: r.memberId });
  return r;
}

export async function signOut() {
  try { await api('auth/token', { method: 'DELETE', noRedirect: true }); } catch (e) { /* gone already */ }
  session.clear();
}
