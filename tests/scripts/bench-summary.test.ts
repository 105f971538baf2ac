// The bench's shared statistics and its summary's verdicts (scripts/bench/stats.ts, scripts/bench-summary.ts):
// no speed is asserted here, only how figures are computed and judged against issue 15's goals.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pairRatio, stats } from '../../scripts/bench/stats';
import { buildSummary } from '../../scripts/bench-summary';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const s = (median: number) => ({ min: median - 1, median, max: median + 1, runs: 9 });

describe('bench statistics', () => {
  it('gives min, median and max; an even count takes the mean of the middle two', () => {
    expect(stats([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5, runs: 3 });
    expect(stats([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4, runs: 4 });
    expect(() => stats([])).toThrow('no values');
  });

  it('takes ratios pair by pair, not as a ratio of medians', () => {
    expect(pairRatio([10, 40, 90], [5, 10, 30])).toEqual({ min: 2, median: 3, max: 4, runs: 3 });
    expect(() => pairRatio([1], [1, 2])).toThrow('differ in length');
  });
});

describe('bench summary', () => {
  it('judges each figure against its goal, a search that found nothing as missed, a missing area as not measured', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-summary-'));
    const search = { ms: s(80), baselineBareReadMs: s(2), ratioToBaseline: s(40), loadBefore: [1], loadAfter: [1] };
    writeFileSync(path.join(dir, 'pages.json'), JSON.stringify({
      invoices_50000: {
        popupFirstRender: { ms: s(120), baselineBlankPageMs: s(60), ratioToBaseline: s(2), loadBefore: [1], loadAfter: [1] },
        inboxFirstPage: { ms: s(150), rowsShown: 50, baselineBareReadMs: s(10), ratioToBaseline: s(15), loadBefore: [1], loadAfter: [1] },
        search: { invoiceNumber: { notFound: true, timeoutMs: 15000, rowsShown: 0 }, ksefNumber: search, nip: search, sellerNameWord: { ...search, ms: s(151) } },
      },
    }));
    writeFileSync(path.join(dir, 'sync.json'), JSON.stringify({
      backfill10001: { ms: s(7000), metadataRequests: s(41), transactionsPerPage: s(2), readwriteTransactionsPerPage: s(2), transactionsTotal: s(90) },
    }));
    const { figures } = buildSummary(dir);
    const find = (area: string, start: string, invoices?: number) => figures.find((f) => f.area === area && f.figure.startsWith(start) && f.invoices === invoices)!;
    expect(find('pages', 'popup first render', 50_000)).toMatchObject({ value: 120, goal: '≤ 100 ms', met: false });
    expect(find('pages', 'inbox first page', 50_000)).toMatchObject({ value: 150, goal: '≤ 150 ms', met: true });
    expect(find('pages', 'search: invoice number (', 50_000)).toMatchObject({ value: null, met: false, note: expect.stringContaining('NOT FOUND') });
    expect(find('pages', 'search: KSeF number', 50_000)).toMatchObject({ value: 80, met: true });
    expect(find('pages', 'search: seller-name word', 50_000)).toMatchObject({ value: 151, goal: '≤ 150 ms', met: false });
    expect(find('pages', 'popup first render', 1_000)).toMatchObject({ value: null, met: null });
    expect(find('sync', 'backfill of 10 001 in the release worker')).toMatchObject({ value: 7000, met: true });
    expect(find('sync', 'backfill of 10 001: metadata')).toMatchObject({ value: 41, goal: '= 41', met: true });
    expect(find('sync', 'backfill of 10 001: IndexedDB')).toMatchObject({ value: 2, goal: '= 1', met: false });
    expect(find('worker', 'worker start')).toMatchObject({ value: null, met: null, note: expect.stringContaining('not on this branch') });
    expect(find('sign', 'login signature, ec_p256')).toMatchObject({ value: null, met: null });
  });

  it("reads the worker's start from WORKER's worker.json, not its script-start figures", () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-summary-'));
    writeFileSync(path.join(dir, 'worker.json'), JSON.stringify({
      size: { backgroundJsBytes: 400_000 },
      start: {
        ours: { min: 20, median: 24, max: 30, runs: [20, 24, 30] },
        emptyWorker: { min: 5, median: 6, max: 7, runs: [5, 6, 7] },
        ratioPairByPair: { min: 3, median: 4, max: 5, runs: [3, 4, 5] },
        oursScriptStart: { min: 1, median: 2, max: 3, runs: [1, 2, 3] },
      },
      loadavg1m: { min: 1, median: 1.5, max: 2, runs: [1, 1.5, 2] },
    }));
    const worker = buildSummary(dir).figures.find((f) => f.area === 'worker')!;
    expect(worker).toMatchObject({ value: 24, min: 20, max: 30, runs: 3, goal: '≤ 25 ms', met: true, load: '1–2' });
    expect(worker.baseline).toContain('ratio 4×');
  });
});
