// The console shell: sign-in, menu (core screens + whatever modules are installed now), hash routes.
import { api, session, signIn, signOut } from './lib/api.js';
import { t, lang, setLang } from './lib/i18n.js';
import * as ui from './lib/ui.js';
import * as home from './core/home.js';
import * as members from './core/members.js';
import * as orgs from './core/orgs.js';
import * as audit from './core/audit.js';
import * as admin from './core/admin.js';

const { h } = ui;
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const core = [
  { path: 'members', screen: members, roles: ['admin', 'officer'] },
  { path: 'orgs', screen: orgs, roles: ['admin', 'officer'] },
  { path: 'audit', screen: audit, roles: ['admin'] },
  { path: 'admin/modules', key: 'admin', screen: admin, roles: ['admin'] }
];
let extensions = [];

function allowed(roles) {
  const user = session.user;
  return user && (!roles || !roles.length || roles.some(r => user.roles.includes(r)));
}

function ctx(params) {
  return { api, t, ui, lang, user: session.user, params, go: hash => { location.hash = hash; }, extensions,
    refreshMenu: async () => { await loadExtensions(); drawChrome(); } };
}

async function loadExtensions() {
  try {
    extensions = (await api('console/extensions')).filter(e => allowed(e.roles));
  } catch (e) {
    extensions = [];
  }
}

function drawChrome() {
  document.getElementById('lang').textContent = t('lang');
  const user = session.user;
  document.getElementById('who').textContent = user ? user.username : '';
  const out = document.getElementById('signout');
  out.hidden = !user;
  out.textContent = t('signout');
  const current = location.hash || '#/';
  const link = (hash, label, id) => h('a', { href: hash, id, class: current === hash || current.startsWith(hash + '/') ? 'active' : '' }, label);
  if (!user) {
    nav.replaceChildren();
    return;
  }
  const platform = core.filter(c => allowed(c.roles));
  nav.replaceChildren(...[
    link('#/', t('home'), 'nav-home'),
    extensions.length ? h('h4', {}, t('modules')) : null,
    ...extensions.map(e => link('#/m/' + e.moduleId, lang === 'zh' ? e.titleZh : e.titleEn, 'nav-' + e.moduleId)),
    platform.length ? h('h4', {}, t('platform')) : null,
    ...platform.map(c => link('#/' + c.path, t(c.key || c.path), 'nav-' + (c.key || c.path)))
  ].filter(Boolean));
}

async function route() {
  nav.classList.remove('open');
  const hash = location.hash.replace(/^#\/?/, '');
  if (!session.token && hash !== 'signin') {
    location.hash = '#/signin';
    return;
  }
  if (hash === 'signin') {
    drawChrome();
    return drawSignIn();
  }
  await loadExtensions();
  drawChrome();
  main.replaceChildren();
  const parts = hash.split('/').filter(Boolean);
  try {
    if (parts[0] === 'm' && parts[1]) {
      const ext = extensions.find(e => e.moduleId === parts[1]);
      if (!ext) {
        main.append(h('p', { class: 'problem' }, 'module ' + parts[1] + ' is not installed'));
        return;
      }
      const mod = await import(ext.script + '?v=' + Date.now());
      await mod.mount(main, ctx(parts.slice(2)));
      return;
    }
    const screen = core.find(c => hash === c.path || hash.startsWith(c.path + '/'));
    if (screen && allowed(screen.roles)) {
      await screen.screen.mount(main, ctx(hash.slice(screen.path.length).split('/').filter(Boolean)));
    } else {
      await home.mount(main, ctx([]));
    }
  } catch (e) {
    main.append(ui.problemBox(e));
  }
}

function drawSignIn() {
  const f = ui.form([
    { name: 'username' },
    { name: 'password', type: 'password' }
  ], async v => {
    try {
      await signIn(v.username || '', v.password || '');
    } catch (e) {
      if (e.status === 401) e.message = t('wrong');
      throw e;
    }
    location.hash = '#/';
  }, { submitLabel: t('signin') });
  f.id = 'signin-form';
  main.replaceChildren(h('h1', {}, t('signin')), f);
}

document.getElementById('lang').addEventListener('click', () => { setLang(lang === 'zh' ? 'en' : 'zh'); location.reload(); });
document.getElementById('signout').addEventListener('click', async () => { await signOut(); location.hash = '#/signin'; });
document.getElementById('menu-toggle').addEventListener('click', () => nav.classList.toggle('open'));
window.addEventListener('hashchange', route);
api('health').catch(() => null).then(hl => {
  if (hl && hl.region) document.getElementById('region').textContent = hl.region.name;
});
route();
