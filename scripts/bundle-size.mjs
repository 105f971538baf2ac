// Size of what each context of the release build loads (issue 11: popup JS ≤ 350 KB, pkijs in the options
// page only when a check runs). A page's JavaScript is every chunk its HTML loads, following the static
// imports inside the built files; chunks reached only by import() are listed apart, as loaded on demand.
// Usage: node scripts/bundle-size.mjs [.output/chrome-mv3] > size.json
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? '.output/chrome-mv3';
const KB = 1000;
const POPUP_MAX_KB = 350;
// Issue 13: the Aplikacja Podatnika helper runs on a page that is not ours, so it stays small.
const AP_HELPER_MAX_KB = 60;
const AP_HELPER = 'content-scripts/ap-helper.js';
// Issue 15: the service worker parses all of background.js on every wake; the login's stack is in offscreen.html.
const WORKER_MAX_KB = 450;
// Strings only the libraries' code holds (minification keeps string literals).
const MARKERS = {
  pkijs: "Object's schema was not verified against input data for",
  xmldom: 'DOMImplementation',
  xpath: 'XPathParser',
  zod: '_zod',
  react: 'react.transitional.element',
};

const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file) => fs.existsSync(path.join(root, file));

/** Relative imports of a built module: static (`import … from "x"`, `import "x"`) and dynamic (`import("x")`). */
function importsOf(file) {
  const code = read(file);
  const resolve = (spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  const staticRe = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  const dynamicRe = /import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;
  return {
    static: [...code.matchAll(staticRe)].map((m) => resolve(m[1])),
    dynamic: [...code.matchAll(dynamicRe)].map((m) => resolve(m[1])),
  };
}

/** Every file reached from `entries` by static imports, and the files only import() reaches. */
function closure(entries) {
  const seen = new Set();
  const lazy = new Set();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !exists(file)) continue;
    seen.add(file);
    const { static: s, dynamic: d } = importsOf(file);
    stack.push(...s);
    d.forEach((f) => lazy.add(f));
  }
  const lazyOnly = new Set();
  const lazyStack = [...lazy].filter((f) => !seen.has(f));
  while (lazyStack.length) {
    const file = lazyStack.pop();
    if (seen.has(file) || lazyOnly.has(file) || !exists(file)) continue;
    lazyOnly.add(file);
    const { static: s, dynamic: d } = importsOf(file);
    lazyStack.push(...s, ...d);
  }
  return { files: [...seen].sort(), lazy: [...lazyOnly].sort() };
}

function figures(files) {
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(root, f)).size, 0);
  const code = files.map(read).join('\n');
  const contains = Object.entries(MARKERS).filter(([, m]) => code.includes(m)).map(([name]) => name);
  return { bytes, kB: Math.round(bytes / KB), contains };
}

function page(html) {
  const text = read(html);
  const refs = [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) =>
    m[1].replace(/^\//, ''),
  );
  const { files, lazy } = closure(refs);
  return { ...figures(files), chunks: files, onDemand: lazy.length ? { ...figures(lazy), chunks: lazy } : null };
}

const worker = closure(['background.js']);
const out = {
  date: new Date().toISOString(),
  build: root,
  releaseBuildBytes: fs
    .readdirSync(root, { recursive: true })
    .map((f) => path.join(root, f))
    .filter((f) => fs.statSync(f).isFile())
    .reduce((s, f) => s + fs.statSync(f).size, 0),
  backgroundJsBytes: fs.statSync(path.join(root, 'background.js')).size,
  background: { ...figures(worker.files), chunks: worker.files },
  popup: page('popup.html'),
  options: page('options.html'),
  inbox: page('inbox.html'),
  apHelper: exists(AP_HELPER) ? { ...figures([AP_HELPER]), chunks: [AP_HELPER] } : null,
  offscreen: exists('offscreen.html') ? page('offscreen.html') : null,
};
// The issue 11 limits, read off the figures above (a report, never a failing check).
out.limits = {
  popupMaxKB: POPUP_MAX_KB,
  popupWithin: out.popup.bytes <= POPUP_MAX_KB * KB,
  optionsStartWithoutPkijs: !out.options.contains.includes('pkijs'),
  apHelperMaxKB: AP_HELPER_MAX_KB,
  workerMaxKB: WORKER_MAX_KB,
  workerWithin: out.backgroundJsBytes <= WORKER_MAX_KB * KB,
  workerWithoutLoginStack: !['pkijs', 'xmldom', 'xpath'].some((lib) => out.background.contains.includes(lib)),
  apHelperWithin: out.apHelper !== null && out.apHelper.bytes <= AP_HELPER_MAX_KB * KB && out.apHelper.contains.length === 0,
};
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
