// Issue 10 item 4: X-System-Warning kept in the activity log, once a day per profile and warning.
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSystemWarningLog,
  latestSystemWarnings,
  SYSTEM_WARNING_LOG_CODE,
  SYSTEM_WARNING_REPEAT_MS,
} from '../../lib/diagnostics/system-warnings';
import { systemWarningVerdict } from '../../lib/diagnostics/warning-verdict';
import type { SystemWarning } from '../../lib/ksef/system-warning';
import { createStore, type Store } from '../../lib/store/store';

const T0 = Date.parse('2026-09-01T08:00:00Z');
const SIG: SystemWarning = { code: 'sig-001', message: 'Format podpisu niezgodny z akceptowanymi profilami XAdES', operation: 'POST /auth/xades-signature' };
const OTHER: SystemWarning = { code: 'abc-7', message: 'Inne ostrzezenie', operation: 'POST /invoices/query/metadata' };

let now: number;
let store: Store;
const warningsIn = async (profileId = 'p1') =>
  (await store.listLog({ profileId })).filter((e) => e.code === SYSTEM_WARNING_LOG_CODE);

beforeEach(() => {
  now = T0;
  store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(now) });
});

describe('createSystemWarningLog', () => {
  it('logs a warning repeated on every poll once, with KSeF\'s code, and again after a day', async () => {
    const log = createSystemWarningLog({ store, profileId: 'p1', now: () => now });
    for (let i = 0; i < 5; i += 1) log(SIG);
    log(OTHER);
    await expect.poll(async () => (await warningsIn()).length, { timeout: 10_000 }).toBe(2);
    const entries = await warningsIn();
    expect(entries.map((e) => [e.level, e.message])).toEqual([
      ['warn', '[abc-7]: Inne ostrzezenie (POST /invoices/query/metadata)'],
      ['warn', '[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES (POST /auth/xades-signature)'],
    ]);
    now += SYSTEM_WARNING_REPEAT_MS - 1;
    log(SIG);
    now += 2;
    log(SIG);
    await expect.poll(async () => (await warningsIn()).length, { timeout: 10_000 }).toBe(3);
  });

  it('remembers through the store: a restarted worker does not log the same warning again', async () => {
    createSystemWarningLog({ store, profileId: 'p1', now: () => now })(SIG);
    await expect.poll(async () => (await warningsIn()).length, { timeout: 10_000 }).toBe(1);
    now += 3_600_000;
    const restarted = createSystemWarningLog({ store, profileId: 'p1', now: () => now });
    restarted(SIG);
    restarted({ ...SIG, operation: 'POST /auth/challenge' }); // the same warning on another call
    createSystemWarningLog({ store, profileId: 'p2', now: () => now })(SIG); // another profile keeps its own
    await expect.poll(async () => (await warningsIn('p2')).length, { timeout: 10_000 }).toBe(1);
    expect(await warningsIn('p1')).toHaveLength(1);
  });

  it('logs once when two clients of the profile (a sync and a verify) meet the warning at the same moment', async () => {
    const sync = createSystemWarningLog({ store, profileId: 'p1', now: () => now });
    const verify = createSystemWarningLog({ store, profileId: 'p1', now: () => now });
    sync(SIG);
    verify(SIG);
    await expect.poll(async () => (await warningsIn()).length, { timeout: 10_000 }).toBe(1);
    // A fresh store (another test, another worker) starts with its own memory.
    store = createStore({ indexedDB: new IDBFactory(), now: () => new Date(now) });
    createSystemWarningLog({ store, profileId: 'p1', now: () => now })(SIG);
    await expect.poll(async () => (await warningsIn()).length, { timeout: 10_000 }).toBe(1);
  });

  it('never throws into the call that carried the warning, and retries after a failed write', async () => {
    let fail = true;
    const flaky = { listLog: store.listLog, appendLog: (e: Parameters<Store['appendLog']>[0]) => (fail ? Promise.reject(new Error('disk full')) : store.appendLog(e)) };
    const log = createSystemWarningLog({ store: flaky, profileId: 'p1', now: () => now });
    expect(() => log(SIG)).not.toThrow();
    fail = false;
    await expect.poll(async () => {
      log(SIG);
      return (await warningsIn()).length;
    }, { timeout: 10_000 }).toBe(1);
  });

  it('checks its arguments', () => {
    expect(() => createSystemWarningLog({ store: {} as Store, profileId: 'p1', now: () => now })).toThrow(new TypeError('"deps.store" must be a Store'));
    expect(() => createSystemWarningLog({ store, profileId: '', now: () => now })).toThrow(new TypeError('"deps.profileId" must be a non-empty string'));
  });
});

describe('latestSystemWarnings', () => {
  it('reads the newest distinct warnings back from the log', async () => {
    await store.appendLog({ profileId: 'p1', level: 'warn', code: SYSTEM_WARNING_LOG_CODE, message: '[sig-001]: Stary (POST /auth/xades-signature)' });
    await store.appendLog({ profileId: 'p1', level: 'info', code: 'SYNC_OK', message: 'ok' });
    now += 60_000;
    await store.appendLog({ profileId: 'p1', level: 'warn', code: SYSTEM_WARNING_LOG_CODE, message: 'bez kodu (GET /invoices/ksef/{ksefNumber})' });
    await store.appendLog({ profileId: 'p1', level: 'warn', code: SYSTEM_WARNING_LOG_CODE, message: '[sig-001]: Stary (POST /auth/challenge)' });
    expect(latestSystemWarnings(await store.listLog({ profileId: 'p1' }))).toEqual([
      { code: 'sig-001', message: 'Stary', operation: 'POST /auth/challenge', at: new Date(T0 + 60_000).toISOString() },
      { code: null, message: 'bez kodu', operation: 'GET /invoices/ksef/{ksefNumber}', at: new Date(T0 + 60_000).toISOString() },
    ]);
  });
});

describe('systemWarningVerdict', () => {
  it('explains sig-001 in plain words, quoting KSeF', () => {
    const v = systemWarningVerdict(SIG);
    expect(v).toMatchObject({ code: 'KSEF_SYSTEM_WARNING', severity: 'warning', data: { code: 'sig-001' } });
    expect(v.title).toEqual({ pl: 'KSeF ostrzega (kod sig-001)', en: 'KSeF warning (code sig-001)' });
    expect(v.cause.pl).toBe(
      'KSeF dołączył ostrzeżenie przy logowaniu: „Format podpisu niezgodny z akceptowanymi profilami XAdES”. Dotyczy podpisu, którym rozszerzenie loguje się do KSeF: KSeF zapowiada, że przestanie przyjmować podpisy w tym formacie. Logowanie na razie działa.',
    );
    expect(v.fix.en).toBe('Update the extension to the newest version before KSeF starts refusing the login. If the warning does not go away, report the problem and quote the code sig-001.');
  });

  it.each<[SystemWarning, string, string]>([
    [OTHER, 'KSeF ostrzega (kod abc-7)', 'Nic nie musisz robić od razu. Jeśli ostrzeżenie się powtarza, zaktualizuj rozszerzenie; gdy to nie pomoże, zgłoś problem, podając kod abc-7.'],
    [{ code: null, message: 'x', operation: 'GET /rate-limits' }, 'KSeF ostrzega', 'Nic nie musisz robić od razu. Jeśli ostrzeżenie się powtarza, zaktualizuj rozszerzenie; gdy to nie pomoże, zgłoś problem, podając treść ostrzeżenia.'],
  ])('words other warnings generally (%#)', (w, title, fix) => {
    const v = systemWarningVerdict(w);
    expect(v.title.pl).toBe(title);
    expect(v.fix.pl).toBe(fix);
    expect(v.cause.pl).toContain(`„${w.message}”`);
  });
});
