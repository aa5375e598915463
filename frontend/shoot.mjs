// Drives Debian's chromium over the DevTools protocol for a quick look while developing (the tests use Selenium):
//   node --experimental-websocket frontend/shoot.mjs <url> <out.png> <width>x<height> [user:password] [js to run after]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [url, out, size = '1366x768', cred, script] = process.argv.slice(2);
const [w, h] = size.split('x').map(Number);
const chrome = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=9333',
  `--window-size=${w},${h}`, '--user-data-dir=/tmp/u20-chrome-' + process.pid, 'about:blank'], { stdio: 'ignore' });
const sleep = ms => new Promise(r => setTimeout(r, ms));
try {
  let target;
  for (let i = 0; i < 50 && !target; i++) {
    await sleep(200);
    try { target = (await (await fetch('http://127.0.0.1:9333/json')).json()).find(t => t.type === 'page'); } catch (e) { /* not yet */ }
  }
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise(r => ws.addEventListener('open', r));
  let id = 0;
  const waiting = {};
  const logs = [];
  ws.addEventListener('message', e => {
    const m = JSON.parse(e.data);
    if (m.id && waiting[m.id]) waiting[m.id](m);
    if (m.method === 'Runtime.consoleAPICalled') logs.push(m.params.type + ': ' + m.params.args.map(a => a.value ?? a.description).join(' '));
    if (m.method === 'Runtime.exceptionThrown') logs.push('exception: ' + JSON.stringify(m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text));
  });
  const send = (method, params = {}) => new Promise(r => { const i = ++id; waiting[i] = r; ws.send(JSON.stringify({ id: i, method, params })); });
  const evaluate = async expr => (await send('Runtime.evaluate', { expression: expr, awaitPromise: true, returnByValue: true })).result;
  await send('Runtime.enable');
  await send('Emulation.setDeviceMetricsOverride', { width: w, height: h, deviceScaleFactor: 1, mobile: w < 768 });
  const origin = new URL(url).origin;
  if (cred) {
    const [u, p] = cred.split(':');
    await send('Page.navigate', { url: origin + '/console/' });
    await sleep(1500);
    console.log(JSON.stringify(await evaluate(`fetch('/api/auth/token',{method:'POST',headers:{'Content-Type':'application/json','X-Requested-With':'XMLHttpRequest'},body:JSON.stringify({username:'${u}',password:'${p}'})}).then(r=>r.json()).then(r=>{sessionStorage.setItem('unionhub.token',r.token);sessionStorage.setItem('unionhub.user',JSON.stringify({username:r.username,roles:r.roles,orgId:r.orgId,memberId:r.memberId}));return sessionStorage.length})`)));
  }
  if (cred) await evaluate(`location.hash = '${new URL(url).hash}'`);
  else await send('Page.navigate', { url });
  await sleep(3500);
  if (script) { console.log(JSON.stringify(await evaluate(script))); await sleep(2000); }
  const shot = await send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
  console.log(logs.join('\n'));
  ws.close();
} finally {
  chrome.kill();
}
