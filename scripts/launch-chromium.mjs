// npm start's browser (scripts/start.sh): opens Chromium on about:blank with the unpacked extension and, once the
// extension has loaded, turns that tab into the options page. Opening chrome-extension://…/options.html from the
// command line races the extension's loading and shows "ERR_BLOCKED_BY_CLIENT" (UX review 2026-12, B1).
// The DevTools protocol runs over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-terminated JSON): no port
// that other local programs could use. Chromium's own output (dbus, the Debian wrapper) goes to --log.
//
//   node scripts/launch-chromium.mjs --extension DIR --extension-id ID --user-data-dir DIR --log FILE
//        [--headless --screenshot FILE]   (a check: open, capture, print the result as JSON, close)
import { spawn } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    extension: { type: 'string' }, 'extension-id': { type: 'string' }, 'user-data-dir': { type: 'string' },
    log: { type: 'string' }, headless: { type: 'boolean', default: false }, screenshot: { type: 'string' },
  },
});
for (const name of ['extension', 'extension-id', 'user-data-dir', 'log']) {
  if (!opt[name]) { console.error(`launch-chromium: --${name} is required`); process.exit(2); }
}
const OPTIONS_URL = `chrome-extension://${opt['extension-id']}/options.html`;
const LOAD_TIMEOUT_MS = 60_000; // a cold start on a busy 2-core machine

const log = openSync(opt.log, 'a');
const args = [
  `--user-data-dir=${opt['user-data-dir']}`, '--no-first-run', '--no-default-browser-check',
  `--disable-extensions-except=${opt.extension}`, `--load-extension=${opt.extension}`, '--remote-debugging-pipe',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // Chromium refuses to run as root with its sandbox
  ...(opt.headless ? ['--headless', '--disable-gpu', '--window-size=1280,900'] : []),
  'about:blank',
];
const chromium = spawn(process.env.CHROMIUM_PATH ?? 'chromium', args, { stdio: ['ignore', log, log, 'pipe', 'pipe'] });
const exited = new Promise((resolve) => chromium.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
chromium.on('error', (error) => { console.error(`Could not start Chromium: ${error.message}`); process.exit(1); });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { chromium.kill('SIGTERM'); });

// --- the DevTools protocol over the pipe --------------------------------------------------------------------
const [toChromium, fromChromium] = [chromium.stdio[3], chromium.stdio[4]];
let nextId = 1;
const pending = new Map();
const listeners = new Set();
let buffered = '';
fromChromium.on('data', (chunk) => {
  buffered += chunk.toString('utf8');
  let end;
  while ((end = buffered.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message)); else resolve(message.result);
    } else for (const listener of listeners) listener(message);
  }
});
fromChromium.on('error', () => {}); // the pipe closes when Chromium exits; `exited` reports that
function send(method, params = {}, sessionId) {
  const id = nextId++;
  toChromium.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
/** Resolves with the first protocol event for which `match` returns a value, or undefined after `ms`. */
function waitForEvent(match, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { listeners.delete(listener); resolve(undefined); }, ms);
    const listener = (message) => {
      const value = match(message);
      if (value !== undefined) { clearTimeout(timer); listeners.delete(listener); resolve(value); }
    };
    listeners.add(listener);
  });
}

const isOurWorker = (info) => info?.type === 'service_worker' && info.url.startsWith(`chrome-extension://${opt['extension-id']}/`);

async function openOptionsPage() {
  // 1. The extension has loaded once its service worker runs (it starts on install and on every browser start).
  const workerSeen = waitForEvent((m) => (m.method === 'Target.targetCreated' && isOurWorker(m.params.targetInfo) ? true : undefined), LOAD_TIMEOUT_MS);
  await send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await send('Target.getTargets');
  if (!targetInfos.some(isOurWorker)) await workerSeen;
  // 2. Turn the about:blank tab into the options page; should the extension still not be ready, Chromium shows
  //    its error page (chrome-error://), so look at what loaded and try again until the deadline.
  const tab = (await send('Target.getTargets')).targetInfos.find((t) => t.type === 'page')
    ?? (await send('Target.createTarget', { url: 'about:blank' })); // the first tab was closed meanwhile
  const { sessionId } = await send('Target.attachToTarget', { targetId: tab.targetId, flatten: true });
  await send('Page.enable', {}, sessionId);
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const loaded = waitForEvent((m) => (m.method === 'Page.loadEventFired' && m.sessionId === sessionId ? true : undefined), 15_000);
    await send('Page.navigate', { url: OPTIONS_URL }, sessionId);
    await loaded;
    const state = await pageState(sessionId);
    if (state.url === OPTIONS_URL && state.rendered) return { sessionId, state };
    if (Date.now() > deadline) throw new Error(`the options page did not load (the tab shows ${state.url})`);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the extension is still loading: retry shortly
  }
}

/** Where the tab is and whether the page's React root has rendered (polled: rendering follows the load event). */
async function pageState(sessionId) {
  const expression = `({ url: location.href, title: document.title, rendered: !!document.querySelector('#root')?.innerText.trim(),
    text: document.body?.innerText.slice(0, 300) ?? '' })`;
  const until = Date.now() + 15_000;
  for (;;) {
    const { result } = await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
    if (result.value.rendered || result.value.url !== OPTIONS_URL || Date.now() > until) return result.value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

try {
  const { sessionId, state } = await Promise.race([openOptionsPage(), exited.then(() => { throw new Error('Chromium closed before the options page opened'); })]);
  if (opt.screenshot) {
    const { data } = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
    writeFileSync(opt.screenshot, Buffer.from(data, 'base64'));
  }
  if (opt.headless) {
    console.log(JSON.stringify({ ok: true, ...state }));
    await send('Browser.close').catch(() => {});
    process.exit(await exited === 0 ? 0 : 1);
  }
  await send('Target.detachFromTarget', { sessionId });
  console.log(`› Chromium shows the options page (${OPTIONS_URL}); Chromium's own messages go to ${opt.log}`);
} catch (error) {
  console.error(`Opening the options page failed: ${error.message}. Chromium's messages are in ${opt.log}.`);
  if (opt.headless) { chromium.kill('SIGTERM'); await exited; process.exit(1); }
  console.error(`In Chromium, open ${OPTIONS_URL} by hand (or press Reload).`);
}
// The pipe stays open while Chromium runs: closing it would close the browser.
process.exit(await exited);
