// The 10 001-invoice backfill in the REAL release worker in Chromium (issue 15: ≤ 8 s, 41 metadata requests,
// one IndexedDB transaction per metadata page) → bench-results/sync.json (never asserted in tests).
//
// How the release worker reaches the simulator: the release build talks to KSeF's hosts only (no loopback
// permission, CSP connect-src, simulator profiles refused), so the profile is an ordinary KSeF TEST profile and
// Chromium resolves api-test.ksef.mf.gov.pl to a local HTTPS proxy (--host-resolver-rules) with a throwaway
// self-signed certificate (openssl, --ignore-certificate-errors), which forwards to the simulator
// (tests/ksef-sim, TEST rules, its own limits off). Nothing of the extension is changed or stubbed.
//
// KSeF's own budget (20 metadata queries an hour, 16 a minute) makes a real 10 001 backfill take about two
// hours whatever the code does, so the figure is the worker's own time: when the client holds a query back for
// the budget the run ends "blocked"; the bench then moves the worker's clock (Date.now, through DevTools) an hour
// on and asks again, and adds up the runs' times (3 runs of 16 + 16 + 9 queries). Each run is a `syncNow`
// message from an extension page, timed from sending to the answer.
// Counted in the worker: every IDBDatabase.prototype.transaction call (wrapped through DevTools), with its mode
// and stores. A page's write is the readwrite transaction over invoices + syncState; "per page" counts every
// transaction from one page's write to the next (so the rate limiter's own writes land in it).
// Each of the RUNS backfills uses a fresh organisation and a fresh simulator; the organisation first logs in
// (a syncNow with nothing to fetch: login requests and time recorded apart), and is deleted after.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSimulator, type Simulator } from '../tests/ksef-sim';
import { launch, releaseCopy, sendMessage, type Launched } from './bench/chromium';
import { load, log, RESULTS_DIR, RUNS, stats, writeResult } from './bench/stats';

const OUT = 'sync.json';
const TEST_HOST = 'api-test.ksef.mf.gov.pl';
const BACKFILL = 10_001;
const HOUR_AND_A_MINUTE = 61 * 60_000;
const FIX = 'tests/fixtures/pki';
const expected = JSON.parse(readFileSync(`${FIX}/expected.json`, 'utf8')) as { password: string; nips: { person: string; seal: string } };
const BUYER = expected.nips.person;
const SELLER = expected.nips.seal;
const PRIME = 'globalThis.__name ??= (f) => f';

/** A local HTTPS server for TEST_HOST forwarding to whichever simulator is current. */
async function startProxy(dir: string) {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', `/CN=${TEST_HOST}`, '-addext', `subjectAltName=DNS:${TEST_HOST}`,
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  const agent = new http.Agent({ keepAlive: true });
  let upstream = 0;
  const server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
    const up = http.request({ host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${upstream}` }, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    target(sim: Simulator) {
      upstream = sim.port;
    },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    }),
  };
}

/** Installed once per worker: the transaction log and a movable clock. */
const INSTRUMENT = `(() => {
  if (globalThis.__kpBench) return 'present';
  const log = [];
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    log.push({ t: performance.now(), mode: mode ?? 'readonly', stores: [].concat(stores) });
    return transaction.call(this, stores, mode, options);
  };
  const realNow = Date.now;
  let offset = 0;
  Date.now = () => realNow() + offset;
  globalThis.__kpBench = { log, shift: (ms) => { offset += ms; return offset; }, reset: () => { offset = 0; } };
  return 'installed';
})()`;

type Tx = { t: number; mode: string; stores: string[] };

/** 'installed' in a worker that had none, else 'present'. */
async function instrument(ext: Launched): Promise<string> {
  const sw = await ext.worker();
  return String(await sw.evaluate(INSTRUMENT));
}

async function takeLog(ext: Launched): Promise<Tx[]> {
  const sw = await ext.worker();
  const present = await sw.evaluate('!!globalThis.__kpBench');
  if (!present) throw new Error('bench-sync: the worker restarted during a run (its instrumentation is gone)');
  return sw.evaluate('globalThis.__kpBench.log.splice(0)') as Promise<Tx[]>;
}

async function saveOrganisation(ext: Launched, id: string): Promise<void> {
  const from = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  await ext.page.evaluate(
    async ({ id, nip, from, files }) => {
      const lib = await import('/bench-lib.js' as string);
      const store = lib.createStore();
      await store.saveProfile({
        id, name: `Bench ${id}`, nip, environment: 'test',
        preferences: { ...lib.defaultPreferences(new Date()), autoSync: false, intervalMinutes: 60, firstSyncFrom: from },
      });
      await store.saveCredentials(id, await lib.loadCredentials(files));
      store.close();
    },
    {
      id, nip: BUYER, from,
      files: { certificate: readFileSync(`${FIX}/person-tinpl-ec.crt`, 'utf8'), privateKey: readFileSync(`${FIX}/person-tinpl-ec.key`, 'utf8'), password: expected.password },
    },
  );
}

async function syncNow(ext: Launched, id: string): Promise<{ ms: number; result: any }> {
  const t0 = performance.now();
  const answer = await sendMessage(ext.page, { type: 'syncNow', profileId: id });
  const ms = performance.now() - t0;
  if (!answer?.ok) throw new Error(`bench-sync: syncNow answered ${JSON.stringify(answer)}`);
  return { ms, result: answer.result.results[0] };
}

/** Transactions from one page's write to the next (the first page's write excluded: the run's start is in front). */
function perPage(log: Tx[]): { pageWrites: number; between: number[]; readwriteBetween: number[] } {
  const isPage = (x: Tx) => x.mode === 'readwrite' && x.stores.includes('invoices') && x.stores.includes('syncState');
  const pages = log.map((x, i) => (isPage(x) ? i : -1)).filter((i) => i >= 0);
  const between: number[] = [];
  const readwriteBetween: number[] = [];
  for (let k = 1; k < pages.length; k++) {
    const slice = log.slice(pages[k - 1]! + 1, pages[k]! + 1);
    between.push(slice.length);
    readwriteBetween.push(slice.filter((x) => x.mode === 'readwrite').length);
  }
  return { pageWrites: pages.length, between, readwriteBetween };
}

export async function runSyncBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ksef-pilot-bench-tls-'));
  const proxy = await startProxy(dir);
  const copy = await releaseCopy();
  const ext = await launch(copy.dir, {
    args: [`--host-resolver-rules=MAP ${TEST_HOST} 127.0.0.1:${proxy.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`, '--ignore-certificate-errors'],
  });
  await ext.page.evaluate(PRIME);
  const loadBefore = load();
  // BENCH_SYNC_APPEND=1 adds this invocation's runs to those already in sync.json (a long "before" in pieces).
  const previous = process.env.BENCH_SYNC_APPEND === '1' && existsSync(`${RESULTS_DIR}/${OUT}`) ? JSON.parse(readFileSync(`${RESULTS_DIR}/${OUT}`, 'utf8')) : null;
  const runs: Record<string, unknown>[] = previous?.runs ?? [];
  const first = runs.length;
  const count = Number(process.env.BENCH_SYNC_RUNS ?? RUNS);
  // How far the worker's clock has been moved on; each simulator starts at the worker's time (a login's
  // SigningTime must not be in the simulator's future).
  let clockOffset = 0;
  try {
    for (let run = first; run < first + count; run++) {
      // Each run's organisation is new, and so is its rate limiter: the worker's clock goes back to the real
      // one, which also keeps the login's SigningTime right wherever the signature is made.
      await instrument(ext);
      await (await ext.worker()).evaluate('globalThis.__kpBench.reset()');
      clockOffset = 0;
      const sim = await startSimulator({
        port: 0, seed: `bench-sync-${run}`, environment: 'test', rateLimits: false, freezeClock: true, now: Date.now() + clockOffset,
        tokenLifetimes: { accessMs: 60 * 86_400_000, refreshMs: 90 * 86_400_000 },
      });
      proxy.target(sim);
      const id = `bf${run}`;
      try {
        await saveOrganisation(ext, id);
        // Log in (nothing to fetch yet).
        sim.admin.clearRequests();
        const login = await syncNow(ext, id);
        if (login.result.outcome !== 'ok') throw new Error(`bench-sync: the login run ended ${JSON.stringify(login.result)}`);
        const loginRequests = sim.admin.requests().length;

        const now = sim.state.clock.now();
        sim.admin.addInvoices({ sellerNip: SELLER, buyerNip: BUYER, count: BACKFILL, spacingMs: 1, permanentStorageDate: now + BACKFILL });
        sim.admin.advanceClock(BACKFILL + 15_000);
        sim.admin.clearRequests();
        await takeLog(ext);

        let ms = 0;
        let stored = 0;
        const passes: string[] = [];
        const tx: Tx[] = [];
        const between: number[] = [];
        const readwriteBetween: number[] = [];
        for (let pass = 0; pass < 8; pass++) {
          const r = await syncNow(ext, id);
          ms += r.ms;
          stored += r.result.stored ?? 0;
          passes.push(r.result.outcome);
          // Pages are counted within one run: a run's start and end (status, announcement) are not a page's.
          const passLog = await takeLog(ext);
          tx.push(...passLog);
          const p = perPage(passLog);
          between.push(...p.between);
          readwriteBetween.push(...p.readwriteBetween);
          if (r.result.outcome === 'ok') break;
          // A budget stop: 'partial' (stored some, the rest after blockedUntil), 'blocked', or RATE_LIMITED.
          const limited = (r.result.outcome === 'partial' && !!r.result.blockedUntil) || r.result.outcome === 'blocked' || r.result.failure?.code === 'RATE_LIMITED';
          if (!limited) throw new Error(`bench-sync: a backfill run ended ${JSON.stringify(r.result)}`);
          clockOffset = Number(await (await ext.worker()).evaluate(`globalThis.__kpBench.shift(${HOUR_AND_A_MINUTE})`));
          sim.admin.setClock(Date.now() + clockOffset);
        }
        const requests = sim.admin.requests();
        const metadata = requests.filter((r) => r.path.includes('/invoices/query/metadata'));
        const counts = await ext.page.evaluate(async (id) => {
          const lib = await import('/bench-lib.js' as string);
          const store = lib.createStore();
          const c = await store.countByState(id);
          store.close();
          return c;
        }, id);
        runs.push({
          ms: Math.round(ms), load: load()[0], passes, stored, inStore: counts, loginMs: Math.round(login.ms), loginRequests,
          metadataRequests: metadata.length, otherRequests: requests.length - metadata.length, rejected429: requests.filter((r) => r.status === 429).length,
          transactions: tx.length, readwriteTransactions: tx.filter((x) => x.mode === 'readwrite').length,
          pageWrites: perPage(tx).pageWrites, transactionsPerPage: between, readwritePerPage: readwriteBetween,
        });
        log(`backfill ${run}: ${Math.round(ms)} ms, ${metadata.length} metadata requests, ${tx.length} transactions, passes ${passes.join('/')}`);
        await sendMessage(ext.page, { type: 'deleteProfile', profileId: id });
      } finally {
        await sim.stop();
      }
    }
    const all = runs as any[];
    const flat = (key: string) => all.flatMap((r) => r[key] as number[]);
    const results = {
      date: new Date().toISOString(),
      browser: ext.context.browser()?.version() ?? 'chromium',
      build: 'release (wxt build), unchanged; KSeF TEST host mapped to the simulator through a local HTTPS proxy',
      note:
        'backfill of 10 001 new invoices by the release worker (syncNow from an extension page to its answer, ms, summed over ' +
        'the runs KSeF\'s hourly budget splits it into; the worker\'s clock moved an hour on between them). Transactions ' +
        'counted by wrapping IDBDatabase.prototype.transaction in the worker; per page = from one page\'s write (readwrite ' +
        'invoices + syncState) to the next. Login = the first syncNow of a new organisation (nothing to fetch).',
      loadBefore: previous?.loadBefore ?? loadBefore,
      loadAfter: load(),
      ...(previous ? { loadBeforeLastPiece: loadBefore } : {}),
      backfill10001: {
        ms: stats(all.map((r) => r.ms), 0),
        metadataRequests: stats(all.map((r) => r.metadataRequests), 0),
        transactionsPerPage: stats(flat('transactionsPerPage'), 2),
        readwriteTransactionsPerPage: stats(flat('readwritePerPage'), 2),
        transactionsTotal: stats(all.map((r) => r.transactions), 0),
        stored: stats(all.map((r) => r.stored), 0),
      },
      login: { ms: stats(all.map((r) => r.loginMs), 0), requests: stats(all.map((r) => r.loginRequests), 0) },
      runs,
    };
    writeResult(OUT, results);
    return results;
  } finally {
    await ext.close();
    copy.remove();
    await proxy.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSyncBench();
  console.log(`${RESULTS_DIR}/${OUT}`);
}
