// STYLE rule 23: each schema version has a golden fixture (tests/fixtures/store/v<N>.json, the same data as that
// version stores it), and one loop takes every fixture through the real migration steps to the current
// version, where it must equal the current version's fixture and read back through the store's functions.
import { readdirSync, readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../lib/store/store';
import { DB_NAME, STORE_NAMES } from '../../lib/store/schema';
import { DB_VERSION, MIGRATIONS, type Migration } from '../../lib/store/migrations';
import { openKsefPilotDb } from '../../lib/store/db';
import type { InvoiceState } from '../../lib/store/records';
import { searchTermsOf } from '../../lib/store/search-terms';
import { caught, ksefNumber, makeMetadata, profileInput, signsAndVerifies } from './helpers';

const FIXTURES = new URL('../fixtures/store/', import.meta.url);

interface Fixture {
  version: number;
  stores: Record<string, Record<string, unknown>[]>;
}

function fixtureVersions(): number[] {
  return readdirSync(FIXTURES)
    .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function loadFixture(version: number): Fixture {
  const fixture = JSON.parse(readFileSync(new URL(`v${version}.json`, FIXTURES), 'utf8')) as Fixture;
  expect(fixture.version).toBe(version);
  return fixture;
}

/** Turns the JSON markers into the values IndexedDB holds; remembers each generated key's public half. */
async function revive(value: unknown, publicKeys: Map<CryptoKey, CryptoKey>): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => revive(item, publicKeys)));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$bytes === 'string') return new Uint8Array(Buffer.from(record.$bytes, 'base64'));
  if (record.$cryptoKey === 'ECDSA P-256') {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    publicKeys.set(pair.privateKey, pair.publicKey);
    return pair.privateKey;
  }
  const entries = await Promise.all(Object.entries(record).map(async ([k, v]) => [k, await revive(v, publicKeys)] as const));
  return Object.fromEntries(entries);
}

/** The inverse of `revive`, for comparing stored content with a fixture. */
function toFixtureShape(value: unknown): unknown {
  if (value instanceof CryptoKey) {
    const { name, namedCurve } = value.algorithm as EcKeyAlgorithm;
    return value.type === 'private' && !value.extractable ? { $cryptoKey: `${name} ${namedCurve}` } : { $unexpectedKey: true };
  }
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toFixtureShape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toFixtureShape(v)]));
  }
  return value;
}

const byJson = (records: unknown[]) => [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Stores, key paths and indexes: what a migration path must end in. */
function describeSchema(db: IDBPDatabase<unknown>) {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  return {
    version: db.version,
    stores: names.map((name) => {
      const store = tx.objectStore(name);
      return {
        name,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: [...store.indexNames].map((indexName) => {
          const index = store.index(indexName);
          return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        }),
      };
    }),
  };
}

async function seed(factory: IDBFactory, fixture: Fixture, publicKeys: Map<CryptoKey, CryptoKey>, migrations?: readonly Migration[]) {
  // Revived before the transaction starts: key generation is not IndexedDB work (idb: transaction lifetime).
  const content = (await revive(fixture.stores, publicKeys)) as Record<string, unknown[]>;
  const db = (await openKsefPilotDb(factory, { version: fixture.version, migrations })) as unknown as IDBPDatabase<unknown>;
  const names = Object.keys(content);
  const tx = db.transaction(names, 'readwrite');
  await Promise.all(names.flatMap((name) => content[name]!.map((record) => tx.objectStore(name).put(record))));
  await tx.done;
  db.close();
  return content;
}

describe('golden fixtures', () => {
  it('exist for every schema version', () => {
    expect(fixtureVersions()).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('of the current version cover every store', () => {
    expect(Object.keys(loadFixture(DB_VERSION).stores).sort()).toEqual([...STORE_NAMES].sort());
  });
});

describe.each(fixtureVersions())('a version %i database opened by the current code', (version) => {
  it('upgrades to the current schema with its content intact and readable', async () => {
    const factory = new IDBFactory();
    const publicKeys = new Map<CryptoKey, CryptoKey>();
    const content = await seed(factory, loadFixture(version), publicKeys);

    const store = createStore({ indexedDB: factory });
    const profiles = await store.listProfiles(); // opens, and so runs the migrations from `version`

    const db = (await openKsefPilotDb(factory)) as unknown as IDBPDatabase<unknown>;
    const fresh = (await openKsefPilotDb(new IDBFactory())) as unknown as IDBPDatabase<unknown>;
    expect(describeSchema(db)).toEqual(describeSchema(fresh));
    fresh.close();

    const expected = loadFixture(DB_VERSION).stores;
    for (const name of STORE_NAMES) {
      const stored = toFixtureShape(await db.getAll(name)) as unknown[];
      expect({ name, records: byJson(stored) }).toEqual({ name, records: byJson(expected[name] ?? []) });
    }
    db.close();

    // Through the functions the pages and the worker use (zod-checked where they check).
    expect(profiles.map((p) => p.id)).toEqual(expected.profiles!.map((p) => p.id));
    for (const { id } of profiles) {
      await store.listSyncStates(id);
      await store.getTokens(id);
      await store.listOutbox(id);
      await store.listInvoicesPage({ profileId: id, direction: 'desc', limit: 100 });
    }
    // Every invoice is found by the search index, however old the version it was stored by.
    for (const invoice of expected.invoices as { profileId: string; ksefNumber: string; metadata: { invoiceNumber: string } }[]) {
      const page = await store.searchInvoicesPage({ profileId: invoice.profileId, direction: 'desc', limit: 10, search: invoice.ksefNumber });
      expect(page.items.map((r) => r.metadata.invoiceNumber)).toEqual([invoice.metadata.invoiceNumber]);
    }
    const total = Object.values(await store.countByState()).reduce((a, b) => a + b, 0);
    expect(total).toBe(expected.invoices!.length);
    expect((await store.listLog()).length).toBe(expected.log!.length);

    // The non-extractable key crossed the upgrade and still signs.
    const seeded = content.credentials as { profileId: string; privateKey: CryptoKey }[];
    expect(seeded.length).toBeGreaterThan(0);
    for (const { profileId, privateKey } of seeded) {
      const credentials = await store.getCredentials(profileId);
      expect(await signsAndVerifies(credentials!.privateKey!, publicKeys.get(privateKey)!)).toBe(true);
    }
    await store.close();
  });
});

describe('the migration loop', () => {
  /** Two later versions for the test only: an async data step and a schema step. */
  const later: Migration[] = [
    ...MIGRATIONS,
    async (_db, tx) => {
      let cursor = await tx.objectStore('profiles').openCursor();
      while (cursor) {
        await cursor.update({ ...(cursor.value as object), touchedBy: 'next' });
        cursor = await cursor.continue();
      }
    },
    (db, tx) => {
      db.createObjectStore('extra', { keyPath: 'id' });
      tx.objectStore('invoices').createIndex('byReceivedAt', 'receivedAt');
    },
  ];

  it('runs every step after the stored version, in order, awaiting the async ones', async () => {
    const factory = new IDBFactory();
    await seed(factory, loadFixture(1), new Map());
    const db = (await openKsefPilotDb(factory, { migrations: later })) as unknown as IDBPDatabase<unknown>;
    expect(db.version).toBe(MIGRATIONS.length + 2);
    expect(((await db.getAll('profiles')) as { touchedBy?: string }[]).map((p) => p.touchedBy)).toEqual(['next', 'next']);
    expect([...db.objectStoreNames]).toContain('extra');
    db.close();
  });

  it('aborts the whole upgrade when a step fails: the old version and its data stay', async () => {
    const factory = new IDBFactory();
    await seed(factory, loadFixture(1), new Map());
    const failing: Migration[] = [
      ...later.slice(0, -1),
      () => {
        throw new Error('last step broke');
      },
    ];
    const error = await caught(openKsefPilotDb(factory, { migrations: failing }));
    expect(error).toMatchObject({
      name: 'StoreError',
      code: 'OPEN_FAILED',
      message: `openKsefPilotDb: could not open "${DB_NAME}" at version ${failing.length}`,
      cause: new Error('last step broke'),
    });
    // Still at version 1 (opening at 1 fails with VersionError otherwise), with none of the later steps' data.
    const db = (await openKsefPilotDb(factory, { version: 1 })) as unknown as IDBPDatabase<unknown>;
    expect(db.version).toBe(1);
    expect(((await db.getAll('profiles')) as { touchedBy?: string }[]).map((p) => p.touchedBy)).toEqual([undefined, undefined]);
    expect(((await db.getAll('invoices')) as { searchTerms?: string[] }[]).every((r) => r.searchTerms === undefined)).toBe(true);
    db.close();
  });

  it('aborts when an async step rejects', async () => {
    const factory = new IDBFactory();
    await seed(factory, loadFixture(1), new Map());
    const failing: Migration[] = [...MIGRATIONS, async () => Promise.reject(new Error('async step broke'))];
    expect(await caught(openKsefPilotDb(factory, { migrations: failing }))).toMatchObject({
      code: 'OPEN_FAILED',
      cause: new Error('async step broke'),
    });
    expect((await openKsefPilotDb(factory, { version: 1 })).version).toBe(1);
  });
});

describe('version 4 (issue 15): counters, the announcement sequence, plain indexes', () => {
  /** A version-3 record as the v3 code stored it: `notified` on the record, no `seq`. */
  function v3Record(profileId: string, i: number, state: InvoiceState, notified: 0 | 1, storedAt: string) {
    const metadata = makeMetadata(i, { permanentStorageDate: storedAt });
    return {
      profileId,
      ksefNumber: metadata.ksefNumber,
      subjectType: 'Subject2',
      metadata,
      issueDate: metadata.issueDate,
      permanentStorageDate: new Date(storedAt).toISOString(),
      state,
      notified,
      hasXml: 0,
      receivedAt: '2026-02-10T12:00:00.000Z',
      searchTerms: searchTermsOf(metadata),
    };
  }

  it('counts the old data, gives the unannounced their order, and new writes carry on from there', async () => {
    const factory = new IDBFactory();
    const old = await openKsefPilotDb(factory, { version: 3 });
    const tx = old.transaction(['profiles', 'invoices'], 'readwrite');
    for (const id of ['a', 'b']) {
      const at = '2026-02-01T00:00:00.000Z';
      await tx.objectStore('profiles').put({ ...profileInput(id), createdAt: at, updatedAt: at } as never);
    }
    // Unannounced in 'a', stored in KSeF out of the order they were written: the announcement follows KSeF's date.
    const records = [
      v3Record('a', 1, 'new', 0, '2026-02-09T10:00:00Z'),
      v3Record('a', 2, 'new', 0, '2026-02-03T10:00:00Z'),
      v3Record('a', 3, 'seen', 0, '2026-02-05T10:00:00Z'),
      v3Record('a', 4, 'booked', 1, '2026-02-01T10:00:00Z'),
      v3Record('a', 5, 'new', 1, '2026-02-02T10:00:00Z'),
      v3Record('b', 6, 'seen', 1, '2026-02-02T10:00:00Z'),
    ];
    for (const record of records) await tx.objectStore('invoices').put(record as never);
    await tx.done;
    old.close();

    const store = createStore({ indexedDB: factory });
    expect(await store.countByState('a')).toEqual({ new: 3, seen: 1, booked: 1 });
    expect(await store.countByState('b')).toEqual({ new: 0, seen: 1, booked: 0 });
    expect(await store.countByState()).toEqual({ new: 3, seen: 2, booked: 1 });
    const summary = await store.unnotifiedSummary('a', 10);
    expect(summary.count).toBe(3);
    expect(summary.oldest.map((r) => [r.ksefNumber, r.seq])).toEqual([
      [ksefNumber(2), 1],
      [ksefNumber(3), 2],
      [ksefNumber(1), 3],
    ]);
    expect(summary.newest?.ksefNumber).toBe(ksefNumber(1));
    expect(await store.unnotifiedSummary('b', 10)).toEqual({ count: 0, oldest: [], newest: undefined });
    // Only the unannounced were rewritten; the others are as v3 left them.
    expect(await store.getInvoice('a', ksefNumber(4))).toEqual(records[3]);

    // A new invoice continues the sequence; announcing the three leaves exactly it.
    const [fresh] = await store.putNewInvoices('a', 'Subject2', [makeMetadata(7)]);
    expect(fresh?.seq).toBe(4);
    expect(await store.markNotifiedThrough('a', summary.newest!)).toBe(3);
    expect((await store.unnotifiedSummary('a', 10)).oldest.map((r) => r.ksefNumber)).toEqual([ksefNumber(7)]);
    expect(await store.countByState('a')).toEqual({ new: 4, seen: 1, booked: 1 });

    const db = (await openKsefPilotDb(factory)) as unknown as IDBPDatabase<unknown>;
    const invoices = describeSchema(db).stores.find((s) => s.name === 'invoices')!;
    expect(invoices.indexes.filter((index) => index.unique)).toEqual([]);
    expect(invoices.indexes.map((index) => index.name)).toContain('byProfileSeq');
    expect(invoices.indexes.map((index) => index.name)).not.toContain('byProfileNotified');
    for (const dropped of ['byIssueDate', 'byStateIssueDate', 'byStorageDate', 'byStateStorageDate']) {
      expect(invoices.indexes.map((index) => index.name)).not.toContain(dropped);
    }
    db.close();
    await store.close();
  });
});
