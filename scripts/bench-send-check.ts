// The local send check in Node (issue 12): checkInvoiceFile on a schema-valid FA(3) invoice of about 1 MB (the one
// scripts/bench-send-browser.ts times in Chromium), and the XSD engine's size → bench-results/send-check.json
// (never asserted in tests). Vite serves the schemas with `?raw`; Node does not, so a two-function loader hook
// does the same here.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const RAW_HOOKS = `
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  if (!specifier.endsWith('?raw')) return next(specifier, context);
  const resolved = await next(specifier.slice(0, -4), context);
  return { url: resolved.url + '?raw', format: 'module', shortCircuit: true };
}
export async function load(url, context, next) {
  if (!url.endsWith('?raw')) return next(url, context);
  const text = readFileSync(fileURLToPath(url.slice(0, -4)), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text), shortCircuit: true };
}`;
register(`data:text/javascript,${encodeURIComponent(RAW_HOOKS)}`);

const { checkInvoiceBasics, checkInvoiceFile } = await import('../lib/send/check');
const { validateFa3 } = await import('../lib/send/check/xsd-engine');

const { benchInvoice } = await import('./bench-send-browser');

const RUNS = 15;
const { bytes, lineItems } = benchInvoice();
const file = { name: 'bench-1mb.xml', bytes };
const ctx = {
  profiles: [{ id: 'p', nip: '5265877635', name: 'Elektrownia S.A.' }],
  now: new Date('2026-03-02T10:00:00Z'),
  findEarlier: async () => undefined,
};

const round = (ms: number) => Math.round(ms * 10) / 10;

async function figures(fn: () => Promise<{ ok: boolean }>): Promise<{ minMs: number; medianMs: number; maxMs: number; runs: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = await fn();
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error('the bench invoice must pass the check');
  }
  times.sort((a, b) => a - b);
  return { minMs: round(times[0]!), medianMs: round(times[Math.floor(RUNS / 2)]!), maxMs: round(times[RUNS - 1]!), runs: RUNS };
}

function size(path: string): { rawBytes: number; gzipBytes: number } {
  const data = readFileSync(path);
  return { rawBytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
}

/** The engine chunk of the release build, when npm run bench has just built it. */
function engineChunk(): Record<string, unknown> | undefined {
  const dir = '.output/chrome-mv3/chunks';
  const name = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith('xsd-engine-')) : undefined;
  return name ? { file: `${dir}/${name}`, ...size(`${dir}/${name}`) } : undefined;
}

const t0 = performance.now();
const first = await checkInvoiceFile(file, ctx); // first call: imports the engine, compiles the WebAssembly and the FA(3) schema
const firstCallMs = round(performance.now() - t0);
if (!first.ok) throw new Error(`the bench invoice must pass the check: ${JSON.stringify(first.problems.slice(0, 3))}`);

const xsdFiles = readdirSync('lib/send/check/xsd').filter((f) => f.endsWith('.xsd'));
const xsd = xsdFiles.map((f) => readFileSync(`lib/send/check/xsd/${f}`));
const results = {
  date: new Date().toISOString(),
  node: process.version,
  /** The figures scale with how busy the machine was (other builds and browsers share its 2 cores). */
  loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  note: 'Node.js on this machine (2 shared cores); ms. checkInvoiceFile = all local rules + FA(3) XSD (the send view: one libxml2 parse for a file that passes, lib/send/check/fast.ts); basics = without the XSD (the worker re-check; its time is mostly the xmldom parse); xsdOnly = libxml2 parse + validation. The Chromium figure is bench-results/bench-send-browser.json',
  invoiceBytes: bytes.length,
  invoiceLineItems: lineItems,
  firstCallMs,
  checkInvoiceFile: await figures(() => checkInvoiceFile(file, ctx)),
  checkInvoiceBasics: await figures(() => checkInvoiceBasics(file, ctx)),
  xsdOnly: await figures(async () => ({ ok: validateFa3(bytes).kind === 'valid' })),
  engine: {
    library: 'libxml2-wasm@' + JSON.parse(readFileSync('node_modules/libxml2-wasm/package.json', 'utf8')).version,
    libxml2raw_mjs_wasm_inlined: size('node_modules/libxml2-wasm/lib/libxml2raw.mjs'),
    schemas: { files: xsdFiles.length, rawBytes: xsd.reduce((n, b) => n + b.length, 0), gzipBytes: gzipSync(Buffer.concat(xsd), { level: 9 }).length },
    releaseChunk: engineChunk() ?? 'not built: run npm run bench (it builds the release first)',
  },
};

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/send-check.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
