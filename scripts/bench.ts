// Speed figures, written to bench-results/bench.json (never asserted in tests). Median of repeated runs.
import 'reflect-metadata';
// The sync figures run lib/store in Node: idb needs the IndexedDB globals (IDBRequest, IDBKeyRange, …).
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCredentials, readCertificate } from '../lib/pki';
import { readPrivateKey } from '../lib/pki/private-key';
import { signAuthTokenRequest, verifyXadesSignature } from '../lib/xades';
import { createAuthTokenSigner } from '../lib/xades/sign';
import { createAuthSession, createMemoryTokenStore } from '../lib/auth';
import { createKsefClient, type Clock } from '../lib/ksef';
import { startSimulator } from '../tests/ksef-sim';
import { benchBackfill } from './bench-backfill';

const FIX = 'tests/fixtures/pki';
const password: string = JSON.parse(readFileSync(`${FIX}/expected.json`, 'utf8')).password;

async function median(runs: number, fn: () => Promise<unknown>): Promise<{ medianMs: number; runs: number }> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const m = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs: Math.round(m * 1000) / 1000, runs };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  note: 'Node.js WebCrypto on this machine; medians in milliseconds',
};

const pkiFigures: Record<string, unknown> = {};
for (const iterations of [2048, 100000, 600000]) {
  const pem = readFileSync(`${FIX}/bench-ec-iter-${iterations}.key`, 'utf8');
  pkiFigures[`readPrivateKey_ap_ec_p256_pbkdf2_${iterations}`] = await median(iterations > 100000 ? 5 : 15, () =>
    readPrivateKey(pem, password),
  );
}
const cert = readFileSync(`${FIX}/person-tinpl-ec.crt`, 'utf8');
pkiFigures.readCertificate_pem = await median(200, () => readCertificate(cert));
results.pki = pkiFigures;

const xadesFigures: Record<string, unknown> = {};
for (const [label, name] of [['ec_p256', 'person-tinpl-ec'], ['rsa_2048', 'person-rsa2048']] as const) {
  const { certificate, privateKey } = await loadCredentials({
    certificate: readFileSync(`${FIX}/${name}.crt`, 'utf8'),
    privateKey: readFileSync(`${FIX}/${name}.key`, 'utf8'),
    password,
  });
  const args = {
    challenge: '20261124-CR-0123456789-ABCDEF0123-4F',
    contextIdentifier: { type: 'Nip' as const, value: '5265877635' },
    subjectIdentifierType: 'certificateSubject' as const,
    certificate,
    privateKey,
  };
  // A login with credentials already signed with in this process: the full self-check ran once, at the first one
  // (lib/xades/self-check.ts); the first, with a fresh signer each run, is the second figure. Chromium: bench-sign.ts.
  xadesFigures[`signAuthTokenRequest_${label}`] = await median(30, () => signAuthTokenRequest(args));
  xadesFigures[`signAuthTokenRequest_first_${label}`] = await median(15, () => createAuthTokenSigner()(args));
  const signed = await signAuthTokenRequest(args);
  xadesFigures[`verifyXadesSignature_${label}`] = await median(30, () => verifyXadesSignature(signed));
}
results.xades = xadesFigures;

// Issue 4: HTTP requests per operation against the simulator (the idle poll's target is exactly 1).
{
  // Long-lived access tokens keep every idle poll on a valid token, as the metric asks.
  const sim = await startSimulator({ port: 0, seed: 'bench', rateLimits: false, tokenLifetimes: { accessMs: 24 * 3_600_000 } });
  // The session's waits between status polls move the simulator's clock instead of sleeping.
  const clock: Clock = { now: () => sim.state.clock.now(), sleep: async (ms) => void sim.admin.advanceClock(ms) };
  const credentials = await loadCredentials({
    certificate: readFileSync(`${FIX}/person-tinpl-ec.crt`, 'utf8'),
    privateKey: readFileSync(`${FIX}/person-tinpl-ec.key`, 'utf8'),
    password,
  });
  const client = createKsefClient({ baseUrl: sim.baseUrl }, { clock });
  const nip = '5265877635';
  const newSession = () =>
    createAuthSession({ client, tokenStore: createMemoryTokenStore(), credentials, context: { type: 'Nip', value: nip }, clock });
  const counted = async (fn: () => Promise<unknown>) => {
    sim.admin.clearRequests();
    await fn();
    return sim.admin.requests().length;
  };
  const idleSession = newSession();
  const token = await idleSession.getAccessToken();
  // KSeF allows 20 metadata queries an hour (NOTES §9): the bench moves the clock 3 minutes per poll, as the
  // worker's schedule would, so the client's own budget never holds a poll back.
  const poll = () => {
    sim.admin.advanceClock(181_000);
    return client.invoices.queryMetadata(
      {
        subjectType: 'Subject2',
        dateRange: { dateType: 'PermanentStorage', from: new Date(clock.now() - 3_600_000).toISOString(), restrictToPermanentStorageHwmDate: true },
      },
      { pageOffset: 0, pageSize: 250, sortOrder: 'Asc' },
      token,
    );
  };
  const refreshSession = newSession();
  await refreshSession.getAccessToken();
  results.ksef = {
    login: { requests: await counted(() => newSession().getAccessToken()), ...(await median(10, () => newSession().getAccessToken())) },
    refresh: {
      requests: await counted(() => refreshSession.getAccessToken({ forceRefresh: true })),
      ...(await median(20, () => refreshSession.getAccessToken({ forceRefresh: true }))),
    },
    idleMetadataPoll: { requests: await counted(poll), target: 1, ...(await median(15, poll)) },
    note: 'requests counted by the simulator; times include the simulator in the same process',
  };
  await sim.stop();
}

// Issue 5: the sync engine (lib/sync) against the simulator, storing in IndexedDB (fake-indexeddb in Node):
// requests per idle poll (target 1) and storing one page of 250 invoices. The backfill (with KSeF's full-size
// 10 000-record truncation) is in bench-backfill.ts.
{
  const { IDBFactory } = await import('fake-indexeddb');
  const { createStore, defaultPreferences } = await import('../lib/store');
  const { syncProfile } = await import('../lib/sync');
  const { createRateLimiter } = await import('../lib/ksef');
  const nips = JSON.parse(readFileSync(`${FIX}/expected.json`, 'utf8')).nips as { person: string; seal: string };
  const sim = await startSimulator({ port: 0, seed: 'bench-sync', rateLimits: false, freezeClock: true, now: '2026-02-10T12:00:00Z', tokenLifetimes: { accessMs: 24 * 3_600_000 } });
  const clock: Clock = { now: () => sim.state.clock.now(), sleep: async (ms) => void sim.admin.advanceClock(ms) };
  const token = sim.admin.issueTokens({ context: nips.person }).accessToken.token;
  const fresh = async () => {
    const store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(clock.now()) });
    const profile = await store.saveProfile({
      id: 'bench',
      name: 'Bench',
      nip: nips.person,
      environment: 'simulator',
      baseUrl: sim.baseUrl,
      preferences: { ...defaultPreferences(new Date(clock.now())), firstSyncFrom: '2026-02-01' },
    });
    // The simulator's limits are off; the client's own budget is lifted the same way the worker does for it.
    const limiter = createRateLimiter({ budgets: { invoiceMetadata: { perSecond: 1000 }, invoiceDownload: { perSecond: 1000 } } });
    const client = createKsefClient({ baseUrl: sim.baseUrl }, { clock, rateLimiter: limiter });
    const deps = { store, client, session: { getAccessToken: async () => token }, clock, notifier: { newInvoices: async () => undefined } };
    return { store, profile, deps, run: () => syncProfile(deps, profile) };
  };
  const counted = async (fn: () => Promise<unknown>) => {
    sim.admin.clearRequests();
    const t0 = performance.now();
    await fn();
    return { requests: sim.admin.requests().length, ms: Math.round((performance.now() - t0) * 10) / 10 };
  };

  const idle = await fresh();
  sim.admin.advanceClock(60_000);
  await idle.run();
  const idlePoll = async () => {
    sim.admin.advanceClock(15 * 60_000);
    return idle.run();
  };
  const idleRequests = (await counted(idlePoll)).requests;

  sim.admin.addInvoices({ sellerNip: nips.seal, buyerNip: nips.person, count: 250, spacingMs: 10 });
  sim.admin.advanceClock(60_000);
  const page = await createKsefClient({ baseUrl: sim.baseUrl }, { clock }).invoices.queryMetadata(
    { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: '2026-02-01T00:00:00Z', restrictToPermanentStorageHwmDate: true } },
    { pageOffset: 0, pageSize: 250 },
    token,
  );
  const storePage = await median(10, async () => {
    const { store } = await fresh();
    await store.putNewInvoices('bench', 'Subject2', page.invoices);
    store.close();
  });

  results.sync = {
    idlePoll: { requests: idleRequests, target: 1, ...(await median(15, idlePoll)) },
    storePageOf250: { ...storePage, note: 'putNewInvoices of one metadata page into a fresh store, incl. opening it' },
    note: 'requests counted by the simulator; fake-indexeddb in Node, so store times are not browser times',
  };
  await sim.stop();
}

// Issue 10: requests and runs of a 14-month first sync under KSeF's budget, crossing the 10 000-record cap.
results.backfill14Months = await benchBackfill();

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
