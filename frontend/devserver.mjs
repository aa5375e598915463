// A development server for the console: serves the built files straight from the bundles' target/classes
// (rebuild with `node frontend/build.mjs …`, then reload the page) and passes /api to a running hub.
//   node frontend/devserver.mjs <port> <hub url>     e.g. 8512 http://localhost:8511
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [port = '8512', hub = 'http://localhost:8511'] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
// module id -> its bundle's built console folder (bundles/<module>/<module>-service)
const modules = Object.fromEntries(readdirSync(join(root, 'bundles')).map(m => [m, join(root, 'bundles', m, m + '-service/target/classes/console')])
  .map(([m, dir]) => [m, existsSync(dir) ? dir : join(root, 'bundles', m, m + '-service/src/main/resources/console')])
  .filter(([, dir]) => existsSync(dir)));

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (!url.pathname.startsWith('/console')) {
    const body = ['GET', 'HEAD'].includes(req.method) ? undefined : await new Promise(r => { const c = []; req.on('data', d => c.push(d)); req.on('end', () => r(Buffer.concat(c))); });
    const answer = await fetch(hub + req.url, { method: req.method, headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'origin', 'referer'].includes(k))), body });
    res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(k))));
    return res.end(Buffer.from(await answer.arrayBuffer()));
  }
  let path = url.pathname.replace(/^\/console\/?/, '') || 'index.html';
  const m = path.match(/^modules\/([^/]+)\/(.*)$/);
  const file = m ? join(modules[m[1]] || '/nonexistent', m[2]) : join(root, 'bundles/core/hub-console/target/classes/console', path);
  if (file.includes('..') || !existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(readFileSync(file));
}).listen(Number(port), () => console.log(`console on http://localhost:${port}/console/ , API from ${hub}`));
