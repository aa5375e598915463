// Builds a bundle's console files with Vite, run by Maven (exec-maven-plugin) in generate-resources:
//   node frontend/build.mjs console <bundle dir>   the shell, the kit and the shared runtime (hub-console)
//   node frontend/build.mjs module  <bundle dir>   a module's screens: src/main/console/main.js -> target/classes/console/main.js
// Either mode also builds the bundle's member-app files when it has src/main/app (docs/members.md, "The member app"):
// hub-console's app shell and kit (Vant) -> target/classes/app, a module's member screens src/main/app/main.js ->
// target/classes/app/main.js.
// The libraries are installed once per checkout at the repository root (npm ci from the committed
// package-lock.json); a stamp beside node_modules says which lock they came from, so the next bundle's build
// reuses them instead of installing again.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, bundleArg] = process.argv.slice(2);
if (!['console', 'module'].includes(mode) || !bundleArg) {
  console.error('usage: node frontend/build.mjs console|module <bundle dir>');
  process.exit(2);
}
// Vite 7 needs Node 20.19+ (Debian bookworm's own nodejs is 18: use a newer one, e.g. trixie's or NodeSource's)
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`the console's build needs Node 20.19 or newer; this is ${process.versions.node}`);
  process.exit(1);
}
const bundle = resolve(bundleArg);
const src = join(bundle, 'src/main/console');
const out = join(bundle, 'target/classes/console');
const appSrc = join(bundle, 'src/main/app');
const appOut = join(bundle, 'target/classes/app');

function ensureInstalled() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = join(root, 'node_modules/.unionhub-lock');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  const started = Date.now();
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
  writeFileSync(stamp, hash);
  console.log(`[console] npm ci in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// the three names every screen imports; the page's import map points them at hub-console's files
const shared = ['vue', 'vue-router', '@unionhub/console-kit'];
// the same for the member app at /m: its kit carries Vant instead of Element Plus
const appShared = ['vue', 'vue-router', '@unionhub/app-kit'];

async function lib(vite, entry, outDir, external, extra = {}) {
  await vite.build({
    configFile: false, logLevel: 'warn', root: dirname(entry),
    plugins: [(await import('@vitejs/plugin-vue')).default()],
    define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    build: {
      outDir, emptyOutDir: true, minify: true, target: 'es2020', reportCompressedSize: false, copyPublicDir: false,
      lib: { entry, formats: ['es'], fileName: () => 'index.js', cssFileName: 'style' },
      rollupOptions: { external, output: { chunkFileNames: 'chunk-[hash].js' } },
      ...extra
    }
  });
}

// the same sources and libraries as the last build of this bundle (nothing cleaned since): nothing to do
function sourcesHash() {
  const h = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).update(readFileSync(fileURLToPath(import.meta.url)));
  const walk = dir => readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).forEach(e => {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else h.update(p).update(readFileSync(p));
  });
  [src, appSrc].filter(existsSync).forEach(walk);
  return h.digest('hex');
}

ensureInstalled();
const stamp = join(bundle, 'target/console-build.stamp');
const hash = sourcesHash();
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && (existsSync(out) || existsSync(appOut))) {
  console.log(`[console] ${mode} ${bundleArg}: unchanged since the last build`);
  process.exit(0);
}
const started = Date.now();
const vite = await import('vite');
if (mode === 'console' && existsSync(src)) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'lib'), { recursive: true });
  const nm = join(root, 'node_modules');
  cpSync(join(nm, 'vue/dist/vue.runtime.esm-browser.prod.js'), join(out, 'lib/vue.js'));
  cpSync(join(nm, 'vue-router/dist/vue-router.esm-browser.prod.js'), join(out, 'lib/vue-router.js'));
  await lib(vite, join(src, 'kit/index.js'), join(out, 'kit'), ['vue', 'vue-router']);
  await lib(vite, join(src, 'shell/main.js'), join(out, 'app'), [...shared, /^\/console\//]);
  cpSync(join(src, 'index.html'), join(out, 'index.html'));
} else if (mode === 'module' && existsSync(src)) {
  const entry = join(src, 'main.js');
  await lib(vite, entry, out, shared, { lib: { entry, formats: ['es'], fileName: () => 'main.js', cssFileName: 'main' } });
}
if (mode === 'console' && existsSync(appSrc)) {
  // the member app's shell: the same Vue runtime files, a kit with the Vant components the app uses (tree-shaken)
  rmSync(appOut, { recursive: true, force: true });
  mkdirSync(join(appOut, 'lib'), { recursive: true });
  const nm = join(root, 'node_modules');
  cpSync(join(nm, 'vue/dist/vue.runtime.esm-browser.prod.js'), join(appOut, 'lib/vue.js'));
  cpSync(join(nm, 'vue-router/dist/vue-router.esm-browser.prod.js'), join(appOut, 'lib/vue-router.js'));
  await lib(vite, join(appSrc, 'kit/index.js'), join(appOut, 'kit'), ['vue', 'vue-router']);
  await lib(vite, join(appSrc, 'shell/main.js'), join(appOut, 'shell'), [...appShared, /^\/m\//]);
  cpSync(join(appSrc, 'index.html'), join(appOut, 'index.html'));
} else if (mode === 'module' && existsSync(appSrc)) {
  const entry = join(appSrc, 'main.js');
  await lib(vite, entry, appOut, appShared, { lib: { entry, formats: ['es'], fileName: () => 'main.js', cssFileName: 'main' } });
}
writeFileSync(stamp, hash);
console.log(`[console] ${mode} ${bundleArg}: vite build in ${((Date.now() - started) / 1000).toFixed(1)} s`);
