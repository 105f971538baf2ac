// Switching custody between 'file' and 'locked' (lib/custody/locked-custody.ts) and what the store then holds:
// in locked mode only the sealed key file, never a usable key; wrong passwords counted and named.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockProfile, unlockToFileCustody, unsealPrivateKey } from '../../lib/custody/locked-custody';
import { MANY_WRONG_PASSWORDS } from '../../lib/custody/locked-errors';
import { defaultPreferences } from '../../lib/store/profiles';
import { findSecretFields } from '../../lib/store/secrets';
import { createStore, type Store } from '../../lib/store/store';
import { personCredentials } from '../worker/fakes';
import { pkiExpected } from '../ksef-sim/kit';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/pki/${name}`, import.meta.url)));
const PASSWORD = pkiExpected.password;

let factory: IDBFactory;
let store: Store;

beforeEach(async () => {
  factory = new IDBFactory();
  store = createStore({ indexedDB: factory, now: () => new Date('2026-12-07T10:00:00Z') });
  await store.saveProfile({
    id: 'org', name: 'Biuro Nowak', nip: pkiExpected.nips.person, environment: 'simulator', baseUrl: 'http://127.0.0.1:1/v2',
    preferences: defaultPreferences(new Date('2026-12-07T10:00:00Z')),
  });
  await store.saveCredentials('org', await personCredentials());
});

/** The credentials record exactly as IndexedDB holds it. */
async function rawDb() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('ksef-pilot');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = <T>(mode: IDBTransactionMode, work: (os: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const request = work(db.transaction('credentials', mode).objectStore('credentials'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  return { db, get: () => run('readonly', (os) => os.get('org')) as Promise<Record<string, unknown>>, put: (v: unknown) => run('readwrite', (os) => os.put(v)) };
}

async function rawRecord(): Promise<Record<string, unknown>> {
  const raw = await rawDb();
  const record = await raw.get();
  raw.db.close();
  return record;
}

function cryptoKeysIn(value: unknown): number {
  if (value instanceof CryptoKey) return 1;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return 0;
  return Object.values(value).reduce<number>((sum, v) => sum + cryptoKeysIn(v), 0);
}

async function expectCode(work: Promise<unknown>, name: string, code: string): Promise<Error & { code: string; messageEn?: string }> {
  const error = (await work.then(() => undefined, (e: unknown) => e)) as Error & { code: string; name: string };
  expect(error, 'expected a rejection').toBeDefined();
  expect({ name: error.name, code: error.code }).toEqual({ name, code });
  return error;
}

describe('locking a profile', () => {
  it('a record written before issue 14 reads as custody "file"', async () => {
    expect(await rawRecord()).toHaveProperty('custody', 'file');
    const raw = await rawDb();
    const { custody: _c, ...old } = await raw.get();
    await raw.put(old);
    raw.db.close();
    expect(await store.getCredentials('org')).toMatchObject({ custody: 'file', failedUnlocks: 0 });
  });

  it('keeps only the sealed key file: no usable key, no password, same certificate and storedAt', async () => {
    const before = await store.getCredentials('org');
    await store.saveTokens('org', {
      accessToken: 'a', accessValidUntil: '2026-12-07T10:15:00.000Z', refreshToken: 'r', refreshValidUntil: '2026-12-14T10:00:00.000Z',
    });
    const locked = await lockProfile(store, 'org', fixture('person-tinpl-ec.key'), PASSWORD);
    expect(locked).toMatchObject({ custody: 'locked', storedAt: before!.storedAt, failedUnlocks: 0 });
    expect(locked.privateKey).toBeUndefined();
    const raw = await rawRecord();
    expect(raw).not.toHaveProperty('privateKey');
    expect(cryptoKeysIn(raw)).toBe(0);
    expect(findSecretFields(raw)).toEqual([]);
    expect(raw.sealedKey).toMatchObject({ scheme: 'pbkdf2-sha256/aes-256-gcm', iterations: 600_000 });
    expect(JSON.stringify(raw)).not.toContain(PASSWORD);
    expect(raw.certificateDer).toEqual(before!.certificate.der);
    // The tokens it earned are still the profile's: locking is not a new certificate.
    expect(await store.getTokens('org')).toMatchObject({ refreshToken: 'r' });
  });

  it('refuses what cannot be locked, each with its code', async () => {
    await expectCode(lockProfile(store, 'org', undefined, PASSWORD), 'LockError', 'KEY_FILE_MISSING');
    await expectCode(lockProfile(store, 'org', fixture('person-tinpl-ec.key'), ''), 'LockError', 'PASSWORD_EMPTY');
    await expectCode(lockProfile(store, 'org', fixture('person-tinpl-ec.key'), 'zle-haslo'), 'PkiError', 'WRONG_PASSWORD');
    await expectCode(lockProfile(store, 'org', fixture('person-rsa2048.key'), PASSWORD), 'PkiError', 'KEY_CERT_MISMATCH');
    await expectCode(lockProfile(store, 'ghost', fixture('person-tinpl-ec.key'), PASSWORD), 'LockError', 'NO_CREDENTIALS');
    expect((await store.getCredentials('org'))?.custody).toBe('file');
    await lockProfile(store, 'org', fixture('person-tinpl-ec.key'), PASSWORD);
    await expectCode(lockProfile(store, 'org', fixture('person-tinpl-ec.key'), PASSWORD), 'LockError', 'ALREADY_LOCKED');
  });

  it('a key born in the browser cannot be locked: there is no file and no password', async () => {
    const { certificate, privateKey } = await personCredentials();
    await store.saveCredentials('org', { certificate, privateKey, custody: 'browser' });
    const error = await expectCode(lockProfile(store, 'org', fixture('person-tinpl-ec.key'), PASSWORD), 'LockError', 'BROWSER_KEY');
    expect(error.message).toContain('klucz powstał w przeglądarce');
  });
});

describe('unsealing for one login', () => {
  beforeEach(async () => {
    await lockProfile(store, 'org', fixture('person-tinpl-ec.key'), PASSWORD);
  });

  it('counts wrong passwords in the record and names the attempt; the right one gives a non-extractable key', async () => {
    const first = await expectCode(unsealPrivateKey(store, 'org', 'zle'), 'LockError', 'WRONG_PASSWORD');
    expect(first.message).toMatch(/^Nieprawidłowe hasło \(1\. próba\)/);
    const second = await expectCode(unsealPrivateKey(store, 'org', 'tez-zle'), 'LockError', 'WRONG_PASSWORD');
    expect(second.message).toMatch(/^Nieprawidłowe hasło \(2\. próba\)/);
    expect(second.messageEn).toMatch(/^Wrong password \(attempt 2\)/);
    expect((await store.getCredentials('org'))?.failedUnlocks).toBe(2);
    const { privateKey } = await unsealPrivateKey(store, 'org', PASSWORD);
    expect(privateKey).toMatchObject({ type: 'private', extractable: false, usages: ['sign'] });
    // Unsealing stores nothing: still no usable key at rest.
    expect(cryptoKeysIn(await rawRecord())).toBe(0);
    await store.clearUnlockNeeded('org');
    expect((await store.getCredentials('org'))?.failedUnlocks).toBe(0);
  });

  it('many wrong passwords delete nothing: the sealed key stays and the right password still opens it', async () => {
    for (let i = 0; i < MANY_WRONG_PASSWORDS + 2; i += 1) await expectCode(unsealPrivateKey(store, 'org', `zle-${i}`), 'LockError', 'WRONG_PASSWORD');
    expect(await store.getCredentials('org')).toMatchObject({ custody: 'locked', failedUnlocks: MANY_WRONG_PASSWORDS + 2, sealedKey: expect.anything() });
    await expect(unsealPrivateKey(store, 'org', PASSWORD)).resolves.toMatchObject({ privateKey: expect.any(CryptoKey) });
  });

  it('back to custody "file" with the password: the key kept non-extractable again, the seal dropped', async () => {
    await expectCode(unlockToFileCustody(store, 'org', 'zle'), 'LockError', 'WRONG_PASSWORD');
    const back = await unlockToFileCustody(store, 'org', PASSWORD);
    expect(back).toMatchObject({ custody: 'file', failedUnlocks: 0 });
    expect(back.privateKey?.extractable).toBe(false);
    const raw = await rawRecord();
    expect(raw).not.toHaveProperty('sealedKey');
    expect(cryptoKeysIn(raw)).toBe(1);
    await expectCode(unsealPrivateKey(store, 'org', PASSWORD), 'LockError', 'NOT_LOCKED');
  });
});
