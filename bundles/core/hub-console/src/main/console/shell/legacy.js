// The context of the console before Vue (mount(el, ctx)), for screens not yet rebuilt on the kit: they keep
// working inside the new shell until each is replaced; the old helpers are served from /console/legacy/.
import { session } from '@unionhub/console-kit';
import { refreshExtensions, installed } from './extensions.js';

export async function legacyContext(router, params) {
  const [apiMod, i18n, ui] = await Promise.all([
    import(/* @vite-ignore */ '/console/legacy/lib/api.js'),
    import(/* @vite-ignore */ '/console/legacy/lib/i18n.js'),
    import(/* @vite-ignore */ '/console/legacy/lib/ui.js')]);
  return { api: apiMod.api, t: i18n.t, ui, lang: i18n.lang, user: session.user, params, extensions: installed.list,
    go: hash => router.push(hash.replace(/^#/, '')), refreshMenu: () => refreshExtensions(router) };
}
