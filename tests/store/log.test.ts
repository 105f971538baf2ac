import { describe, expect, it } from 'vitest';
import { LOG_LIMIT } from '../../lib/store/log';
import { redactLogMessage } from '../../lib/store/secrets';
import { caught, dumpAll, freshStore, NOW } from './helpers';

describe('appendLog and listLog', () => {
  it('stores entries with an id and the time, newest first, for one profile or all', async () => {
    const { store } = freshStore();
    const first = await store.appendLog({ profileId: 'p1', level: 'info', code: 'SYNC_OK', message: '3 nowe faktury' });
    await store.appendLog({ level: 'warn', code: 'OFFLINE', message: 'KSeF nie odpowiada' });
    await store.appendLog({ profileId: 'p1', level: 'error', code: 'LOGIN_FAILED', message: '415', at: '2026-02-10T13:00:00Z' });
    expect(first).toEqual({ id: 1, at: NOW.toISOString(), profileId: 'p1', level: 'info', code: 'SYNC_OK', message: '3 nowe faktury' });
    expect((await store.listLog()).map((e) => e.code)).toEqual(['LOGIN_FAILED', 'OFFLINE', 'SYNC_OK']);
    expect((await store.listLog({ profileId: 'p1', limit: 1 })).map((e) => e.code)).toEqual(['LOGIN_FAILED']);
    expect((await store.listLog({ profileId: 'p1' }))[0]!.at).toBe('2026-02-10T13:00:00Z');
  });

  it(`keeps only the newest ${LOG_LIMIT} entries`, async () => {
    const { store, factory } = freshStore();
    const total = LOG_LIMIT + 37;
    for (let i = 0; i < total; i++) await store.appendLog({ level: 'info', code: 'TICK', message: String(i) });
    const stored = (await dumpAll(factory)).log as { message: string }[];
    expect(stored).toHaveLength(LOG_LIMIT);
    expect(stored[0]!.message).toBe(String(total - LOG_LIMIT));
    expect(stored[stored.length - 1]!.message).toBe(String(total - 1));
    expect(await store.listLog({ limit: 2 })).toMatchObject([{ message: String(total - 1) }, { message: String(total - 2) }]);
  });

  it('stores no token or PEM block that slipped into a message', async () => {
    const { store } = freshStore();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl';
    const entry = await store.appendLog({
      level: 'error',
      code: 'AUTH',
      message: `refresh failed for ${jwt}; key -----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY----- end`,
    });
    expect(entry.message).toBe('refresh failed for [token]; key [pem] end');
  });

  it('clearLog empties the log', async () => {
    const { store } = freshStore();
    await store.appendLog({ level: 'info', code: 'X', message: 'x' });
    await store.clearLog();
    expect(await store.listLog()).toEqual([]);
  });

  it.each([
    ['an unknown level', { level: 'debug', code: 'X', message: 'x' }, '"level" must be one of info, warn, error'],
    ['an empty code', { level: 'info', code: '', message: 'x' }, '"code" must be a non-empty string of at most 100 characters'],
    ['a message that is not text', { level: 'info', code: 'X', message: { token: 'a' } }, '"message" must be a string'],
    ['a time that is not a date', { level: 'info', code: 'X', message: 'x', at: 'teraz' }, '"at" must be an ISO date-time'],
  ])('checks its entry (%s)', async (_name, entry, message) => {
    const { store } = freshStore();
    expect(await caught(store.appendLog(entry as never))).toMatchObject({ name: 'TypeError', message });
  });
});

describe('redactLogMessage', () => {
  it.each([
    ['plain text stays', 'Pobrano 3 faktury', 'Pobrano 3 faktury'],
    ['a JWT', 'token eyJhbGciOiJFUzI1NiJ9.eyJhIjoxfQ.sig-_x done', 'token [token] done'],
    ['an unterminated PEM block', 'x -----BEGIN PRIVATE KEY-----\nMIIE', 'x [pem]'],
    ['a long message is cut', 'a'.repeat(5000), `${'a'.repeat(999)}…`],
  ])('%s', (_name, input, expected) => {
    expect(redactLogMessage(input)).toBe(expected);
  });
});
