// bench-results/summary.json and summary.md: every figure `npm run bench` measured, its goal from issue 15
// and met / missed, read from the areas' files (pages.json, sync.json, sign.json, worker.json, size.json).
// A file that is missing (an area not run) gives "not measured" rows, never a failure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RESULTS_DIR, writeResult } from './bench/stats';

type Cmp = '<=' | '=';
export interface Figure {
  area: string;
  figure: string;
  invoices?: number;
  unit: string;
  /** The value judged: the median where there are runs. */
  value: number | null;
  min?: number;
  max?: number;
  runs?: number;
  baseline?: string;
  load?: string;
  goal: string | null;
  met: boolean | null;
  note?: string;
}


const loadText = (before?: number[], after?: number[]) => (before ? `${before[0]} → ${after?.[0] ?? '?'}` : undefined);

function judge(value: number | null, cmp: Cmp, target: number): boolean | null {
  if (value === null) return null;
  return cmp === '<=' ? value <= target : value === target;
}

function goalText(cmp: Cmp, target: number, unit: string) {
  return `${cmp === '<=' ? '≤' : '='} ${target}${unit ? ` ${unit}` : ''}`;
}

/** The first { median } object under a key matching `re`, depth first. */
function findStats(obj: any, re: RegExp): any {
  if (!obj || typeof obj !== 'object') return null;
  for (const [k, v] of Object.entries(obj)) {
    if (re.test(k) && v && typeof v === 'object' && ('median' in (v as any) || 'medianMs' in (v as any))) return v;
  }
  for (const v of Object.values(obj)) {
    const found = findStats(v, re);
    if (found) return found;
  }
  return null;
}

/** `dir`: where the areas' files are (bench-results/; a test gives its own). */
export function buildSummary(dir: string = RESULTS_DIR): { figures: Figure[] } {
  const read = (file: string): any => {
    const p = path.join(dir, file);
    return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
  };
  const figures: Figure[] = [];
  const add = (f: Omit<Figure, 'met' | 'goal'> & { cmp?: Cmp; target?: number }) => {
    const { cmp, target, ...rest } = f;
    figures.push({ ...rest, goal: cmp && target !== undefined ? goalText(cmp, target, f.unit) : null, met: cmp && target !== undefined ? judge(f.value, cmp, target) : null });
  };

  const pages = read('pages.json');
  for (const n of [1_000, 10_000, 50_000]) {
    const p = pages?.[`invoices_${n}`];
    const row = (figure: string, s: any, target: number, extra: Partial<Figure> = {}) =>
      add({ area: 'pages', figure, invoices: n, unit: 'ms', value: s?.median ?? null, min: s?.min, max: s?.max, runs: s?.runs, cmp: '<=', target, ...extra });
    const pop = p?.popupFirstRender;
    row('popup first render (kp-popup-first-render)', pop?.ms, 100, { baseline: pop ? `blank extension page ${pop.baselineBlankPageMs.median} ms, ratio ${pop.ratioToBaseline.median}×` : undefined, load: loadText(pop?.loadBefore, pop?.loadAfter) });
    const inb = p?.inboxFirstPage;
    row('inbox first page (kp-inbox-first-page)', inb?.ms, 150, { baseline: inb ? `bare read of the ${inb.rowsShown} rows ${inb.baselineBareReadMs.median} ms, ratio ${inb.ratioToBaseline.median}×` : undefined, load: loadText(inb?.loadBefore, inb?.loadAfter) });
    const names: [string, string, number][] = [
      ['invoiceNumber', 'search: invoice number (input event → rows shown)', 100],
      ['ksefNumber', 'search: KSeF number', 100],
      ['nip', 'search: seller NIP', 100],
      ['sellerNameWord', 'search: seller-name word', 150],
      ['invoiceNumberTyped', 'search: invoice number typed key by key (last key → rows shown)', 100],
    ];
    for (const [key, label, target] of names) {
      const s = p?.search?.[key];
      if (s?.notFound) {
        add({ area: 'pages', figure: label, invoices: n, unit: 'ms', value: null, cmp: '<=', target, load: loadText(s.loadBefore, s.loadAfter), note: `NOT FOUND: the expected rows were not shown within ${s.timeoutMs} ms (${s.rowsShown} rows on screen)` });
        figures.at(-1)!.met = false;
      } else {
        row(label, s?.ms, target, { baseline: s ? `bare read of the rows ${s.baselineBareReadMs.median} ms, ratio ${s.ratioToBaseline.median}×` : undefined, load: loadText(s?.loadBefore, s?.loadAfter), ...(s?.markMissing ? { note: 'the page did not mark kp-inbox-first-page: time of the rows' } : {}) });
      }
    }
  }

  const sync = read('sync.json');
  const b = sync?.backfill10001;
  const syncLoad = loadText(sync?.loadBefore, sync?.loadAfter);
  add({ area: 'sync', figure: 'backfill of 10 001 in the release worker: time', unit: 'ms', value: b?.ms.median ?? null, min: b?.ms.min, max: b?.ms.max, runs: b?.ms.runs, load: syncLoad, cmp: '<=', target: 8000 });
  add({ area: 'sync', figure: 'backfill of 10 001: metadata requests', unit: '', value: b?.metadataRequests.median ?? null, min: b?.metadataRequests.min, max: b?.metadataRequests.max, runs: b?.metadataRequests.runs, cmp: '=', target: 41 });
  add({
    area: 'sync', figure: 'backfill of 10 001: IndexedDB transactions per metadata page', unit: '', value: b?.transactionsPerPage.median ?? null,
    min: b?.transactionsPerPage.min, max: b?.transactionsPerPage.max, runs: b?.transactionsPerPage.runs, cmp: '=', target: 1,
    note: b ? `readwrite per page: median ${b.readwriteTransactionsPerPage.median}, max ${b.readwriteTransactionsPerPage.max}; all transactions of a backfill: median ${b.transactionsTotal.median}` : undefined,
  });
  if (sync?.login) add({ area: 'sync', figure: 'first login + idle poll in the release worker (syncNow): time', unit: 'ms', value: sync.login.ms.median, min: sync.login.ms.min, max: sync.login.ms.max, runs: sync.login.ms.runs, load: syncLoad, note: `requests: ${sync.login.requests.median} (the 5 of a login + 1 metadata query)` });

  const sign = read('sign.json');
  for (const [label, target] of [['ec_p256', 3], ['rsa_2048', undefined]] as const) {
    const s = sign?.[label]?.signAuthTokenRequestMs;
    add({
      area: 'sign', figure: `login signature, ${label} (signAuthTokenRequest in the release worker)`, unit: 'ms', value: s?.median ?? null, min: s?.min, max: s?.max, runs: s?.runs,
      load: loadText(sign?.loadAverageBefore, sign?.loadAverageAfter), ...(target !== undefined ? { cmp: '<=' as Cmp, target } : {}),
      baseline: sign?.[label] ? `bare WebCrypto sign ${sign[label].baselineWebCryptoSignMs.median} ms, ratio ${sign[label].ratioToBaseline.median}×` : undefined,
      ...(sign?.[label]?.firstSignatureMs ? { note: `first signature with new credentials: median ${sign[label].firstSignatureMs.median} ms` } : {}),
    });
  }

  // WORKER's scripts/bench-worker.ts: start.ours / start.ratioPairByPair (runs may be the list of values).
  const worker = read('worker.json');
  const start = worker?.start?.ours ?? findStats(worker, /^start$|ours/i);
  const ratio = worker?.start?.ratioPairByPair ?? findStats(worker, /ratio/i);
  const runsOf = (x: any) => (Array.isArray(x?.runs) ? x.runs.length : x?.runs);
  const wl = worker?.loadavg1m;
  add({
    area: 'worker', figure: 'worker start: time origin → first listener (release)', unit: 'ms', value: start ? (start.median ?? start.medianMs) : null,
    min: start?.min ?? start?.minMs, max: start?.max ?? start?.maxMs, runs: runsOf(start), cmp: '<=', target: 25,
    baseline: ratio ? `empty worker ${worker?.start?.emptyWorker?.median ?? '?'} ms, ratio ${ratio.median ?? ratio.medianMs}× (pair by pair)` : undefined,
    load: wl ? `${wl.min}–${wl.max}` : undefined,
    note: worker ? 'from bench-results/worker.json (scripts/bench-worker.ts)' : 'not measured: scripts/bench-worker.ts is not on this branch yet',
  });

  const size = read('size.json');
  add({ area: 'size', figure: 'release background.js', unit: 'kB', value: size ? Math.round(size.background.bytes / 100) / 10 : null, cmp: '<=', target: 450 });
  add({ area: 'size', figure: 'release popup JavaScript', unit: 'kB', value: size ? Math.round(size.popup.bytes / 100) / 10 : null, cmp: '<=', target: 350 });

  return { figures };
}

function markdown(figures: Figure[], date: string): string {
  const verdict = (f: Figure) => (f.met === null ? (f.value === null && !f.note?.startsWith('NOT') ? 'not measured' : '–') : f.met ? 'met' : '**missed**');
  const lines = [
    `# npm run bench: summary (${date})`,
    '',
    'Release build in Chromium. Value = median (min–max, runs); load = 1-minute load average before → after (2 shared cores).',
    'Details and every run: the other files in bench-results/.',
    '',
    '| Area | Figure | Invoices | Value | Goal | Verdict | Baseline | Load | Note |',
    '|---|---|---:|---|---|---|---|---|---|',
  ];
  for (const f of figures) {
    const value = f.value === null ? '–' : `${f.value}${f.unit ? ` ${f.unit}` : ''}${f.min !== undefined ? ` (${f.min}–${f.max}, ${f.runs})` : ''}`;
    lines.push(`| ${f.area} | ${f.figure} | ${f.invoices?.toLocaleString('en-US').replace(/,/g, ' ') ?? ''} | ${value} | ${f.goal ?? ''} | ${verdict(f)} | ${f.baseline ?? ''} | ${f.load ?? ''} | ${f.note ?? ''} |`);
  }
  const judged = figures.filter((f) => f.met !== null);
  lines.push('', `${judged.filter((f) => f.met).length} of ${judged.length} goals met.`, '');
  return lines.join('\n');
}

export function writeSummary(): string {
  const { figures } = buildSummary();
  const date = new Date().toISOString();
  writeResult('summary.json', { date, goalsFrom: 'issue 15', figures });
  writeFileSync(path.join(RESULTS_DIR, 'summary.md'), markdown(figures, date));
  return markdown(figures, date);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(writeSummary());
}
