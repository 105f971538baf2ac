import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../lib/store/store';
import { DB_NAME, STORE_NAMES } from '../../lib/store/schema';
import { DB_VERSION, MIGRATIONS } from '../../lib/store/migrations';
import { openKsefPilotDb } from '../../lib/store/db';
import { caught, freshStore, profileInput } from './helpers';

describe('openKsefPilotDb', () => {
  it(`creates "${DB_NAME}" at version ${DB_VERSION} with every store`, async () => {
    const db = await openKsefPilotDb(new IDBFactory());
    expect([db.name, db.version]).toEqual([DB_NAME, DB_VERSION]);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    db.close();
  });

  it('has the search index: multiEntry over the search terms, not unique (issue 10 item 5)', async () => {
    const db = await openKsefPilotDb(new IDBFactory());
    const index = db.transaction('invoices').store.index('bySearchTerm');
    expect({ keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique }).toEqual({
      keyPath: 'searchTerms',
      multiEntry: true,
      unique: false,
    });
    db.close();
  });

  it.each([
    ['version 0', { version: 0 }, `"version" must be an integer from 1 to ${MIGRATIONS.length}`],
    ['a version with no migration', { version: MIGRATIONS.length + 1 }, `"version" must be an integer from 1 to ${MIGRATIONS.length}`],
  ])('refuses %s', (_name, options, message) => {
    expect(() => openKsefPilotDb(new IDBFactory(), options)).toThrow(new TypeError(message));
  });

  it('refuses something that is not an IDBFactory', () => {
    expect(() => openKsefPilotDb({} as IDBFactory)).toThrow(new TypeError('"indexedDB" must be an IDBFactory'));
    expect(() => createStore({ indexedDB: null as never })).toThrow(new TypeError('"indexedDB" must be an IDBFactory'));
  });

  it('fails with OPEN_FAILED when a newer version of the extension already upgraded the database', async () => {
    const factory = new IDBFactory();
    const newer = await openKsefPilotDb(factory, { migrations: [...MIGRATIONS, () => undefined] });
    newer.close();
    expect(await caught(createStore({ indexedDB: factory }).listProfiles())).toMatchObject({
      name: 'StoreError',
      code: 'OPEN_FAILED',
      message: `openKsefPilotDb: could not open "${DB_NAME}" at version ${DB_VERSION}`,
      cause: { name: 'VersionError' },
    });
  });
});

describe('createStore', () => {
  it('opens one connection and shares it between calls', async () => {
    const { factory, store } = freshStore();
    const open = vi.spyOn(factory, 'open');
    await Promise.all([store.listProfiles(), store.saveProfile(profileInput('p1')), store.countByState()]);
    await store.getProfile('p1');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens again after close', async () => {
    const { factory, store } = freshStore();
    const open = vi.spyOn(factory, 'open');
    await store.saveProfile(profileInput('p1'));
    await store.close();
    expect((await store.getProfile('p1'))?.id).toBe('p1');
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('does not block the upgrade of a newer version (another page after an update) and lets go of its connection', async () => {
    const { factory, store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const newer = await openKsefPilotDb(factory, { migrations: [...MIGRATIONS, () => undefined] });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    // This (older) store now meets a newer database: it says so instead of using a stale connection.
    expect(await caught(store.getProfile('p1'))).toMatchObject({ code: 'OPEN_FAILED' });
  });

  it('checks the clock', () => {
    expect(() => createStore({ indexedDB: new IDBFactory(), now: 'now' as never })).toThrow(
      new TypeError('"now" must be a function returning a Date'),
    );
  });
});
