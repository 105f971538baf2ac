// Versioned schema migrations (STYLE rules 18 and 23). Entry i takes the database from version i to i + 1;
// the database version is the length of the list. A step never changes once released: a new version is one
// new entry at the end, plus its golden fixture in tests/fixtures/store/v<N>.json.
//
// Steps are typed against an untyped database because each one sees the schema of its own time, not today's.
// A step that moves data may return a promise, but it may await only IndexedDB requests of `tx` (idb's
// transaction lifetime rule); if it rejects, the upgrade transaction is aborted and the open fails.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { InvoiceMetadata } from './invoice-record';
import { searchTermsOf } from './search-terms';

export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<unknown>, tx: UpgradeTransaction, oldVersion: number) => void | Promise<void>;

/** Version 1: every store of DESIGN.md. */
function createVersion1(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('profiles', { keyPath: 'id' });
  db.createObjectStore('credentials', { keyPath: 'profileId' });
  db.createObjectStore('tokens', { keyPath: 'profileId' });

  const invoices = db.createObjectStore('invoices', { keyPath: ['profileId', 'ksefNumber'] });
  for (const date of ['issueDate', 'permanentStorageDate'] as const) {
    const suffix = date === 'issueDate' ? 'IssueDate' : 'StorageDate';
    invoices.createIndex(`byProfile${suffix}`, ['profileId', date, 'ksefNumber'], { unique: true });
    invoices.createIndex(`byProfileState${suffix}`, ['profileId', 'state', date, 'ksefNumber'], { unique: true });
    invoices.createIndex(`by${suffix}`, [date, 'profileId', 'ksefNumber'], { unique: true });
    invoices.createIndex(`byState${suffix}`, ['state', date, 'profileId', 'ksefNumber'], { unique: true });
  }
  invoices.createIndex('byProfileNotified', ['profileId', 'notified', 'permanentStorageDate', 'ksefNumber'], {
    unique: true,
  });
  invoices.createIndex('byProfileHasXml', ['profileId', 'hasXml', 'permanentStorageDate', 'ksefNumber'], {
    unique: true,
  });

  db.createObjectStore('invoiceXml', { keyPath: ['profileId', 'ksefNumber'] });
  db.createObjectStore('syncState', { keyPath: ['profileId', 'subjectType'] });

  const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
  outbox.createIndex('byProfileCreated', ['profileId', 'createdAt']);
  outbox.createIndex('byProfileStatus', ['profileId', 'status', 'createdAt']);

  const log = db.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
  log.createIndex('byProfile', 'profileId');
}

/**
 * Version 2: the search index (issue 10 item 5). Not unique: many invoices share a seller's words. Fills the
 * terms of the stored invoices in the upgrade transaction, so a search never meets a record without them.
 */
async function addSearchTerms(_db: IDBPDatabase<unknown>, tx: UpgradeTransaction): Promise<void> {
  const invoices = tx.objectStore('invoices');
  invoices.createIndex('bySearchTerm', 'searchTerms', { unique: false, multiEntry: true });
  let cursor = await invoices.openCursor();
  while (cursor) {
    const record = cursor.value as { metadata: InvoiceMetadata };
    await cursor.update({ ...record, searchTerms: searchTermsOf(record.metadata) });
    cursor = await cursor.continue();
  }
}

/**
 * Version 3: sending (issue 12, Sending §3). The outbox's records change shape (`step`, `facts`, `batchId`)
 * and get the indexes the engine and the send view read; the sessions get their own store. No release ever had
 * a caller writing outbox records (issue 12: "no caller"), so any record of the old shape is a leftover of a test
 * and is removed rather than guessed into the new one.
 */
function addSending(db: IDBPDatabase<unknown>, tx: UpgradeTransaction): Promise<void> {
  const outbox = tx.objectStore('outbox');
  outbox.deleteIndex('byProfileStatus');
  outbox.createIndex('byCreated', 'createdAt');
  outbox.createIndex('byProfileStep', ['profileId', 'step', 'createdAt']);
  outbox.createIndex('byProfileUnfinished', ['profileId', 'unfinished']);
  outbox.createIndex('byBatch', ['batchId', 'createdAt']);
  outbox.createIndex('byInvoice', ['facts.sellerNip', 'facts.kind', 'facts.number']);
  const sessions = db.createObjectStore('sendSessions', { keyPath: 'sessionRef' });
  sessions.createIndex('byBatch', ['batchId', 'openedAt']);
  sessions.createIndex('byProfile', ['profileId', 'openedAt']);
  return outbox.clear();
}

/** Version 1's per-profile invoice indexes, all declared unique then; version 4 declares them again, not unique. */
const DATE_INDEXES: Record<string, string[]> = {
  byProfileIssueDate: ['profileId', 'issueDate', 'ksefNumber'],
  byProfileStateIssueDate: ['profileId', 'state', 'issueDate', 'ksefNumber'],
  byProfileStorageDate: ['profileId', 'permanentStorageDate', 'ksefNumber'],
  byProfileStateStorageDate: ['profileId', 'state', 'permanentStorageDate', 'ksefNumber'],
  byProfileHasXml: ['profileId', 'hasXml', 'permanentStorageDate', 'ksefNumber'],
};
/** Version 1's indexes over all profiles; version 4 drops them (pages of every profile merge the ones above). */
const ALL_PROFILE_INDEXES = ['byIssueDate', 'byStateIssueDate', 'byStorageDate', 'byStateStorageDate'];

/**
 * Version 4 (issue 15): counters and fewer, plain indexes. The per-profile invoice indexes are declared again
 * without `unique` (each key ends in the primary key, so uniqueness was never in doubt, and Chromium checked it
 * index by index on every write); the four over all profiles are dropped (every index entry is a cost on every
 * write; a page of all profiles merges the per-profile ranges instead, invoice-page.ts). Each profile gets its counters (invoice-counts.ts), counted once here through the indexes; the
 * invoices still to announce get their `seq` in the order the old index announced them (storage date, then KSeF
 * number), and `byProfileSeq` replaces `byProfileNotified`. Only those records are rewritten: the others keep
 * their old `notified` field, which nothing reads any more. Their search terms stay as version 2 computed them:
 * since version 4 a new invoice stores no buyer-NIP term equal to its profile's NIP (search-terms.ts), but the
 * search checks the buyer from the metadata either way, so an older record's extra term only costs its entry
 * (recomputing them would rewrite every invoice in the upgrade).
 */
async function addCounters(db: IDBPDatabase<unknown>, tx: UpgradeTransaction): Promise<void> {
  const invoices = tx.objectStore('invoices');
  for (const name of ALL_PROFILE_INDEXES) invoices.deleteIndex(name);
  for (const [name, keyPath] of Object.entries(DATE_INDEXES)) {
    invoices.deleteIndex(name);
    invoices.createIndex(name, keyPath);
  }
  invoices.createIndex('byProfileSeq', ['profileId', 'seq']);
  const counts = db.createObjectStore('invoiceCounts', { keyPath: 'profileId' });
  const profileIds = (await tx.objectStore('profiles').getAllKeys()) as string[];
  for (const profileId of profileIds) {
    const byState = invoices.index('byProfileStateIssueDate');
    const [fresh, seen, booked] = await Promise.all(
      (['new', 'seen', 'booked'] as const).map((state) => byState.count(IDBKeyRange.bound([profileId, state], [profileId, state, []]))),
    );
    let seq = 0;
    let cursor = await invoices.index('byProfileNotified').openCursor(IDBKeyRange.bound([profileId, 0], [profileId, 0, []]));
    while (cursor) {
      seq += 1;
      await cursor.update({ ...(cursor.value as object), seq });
      cursor = await cursor.continue();
    }
    await counts.put({ profileId, new: fresh, seen, booked, lastSeq: seq, announcedSeq: 0, withdrawn: 0 });
  }
  invoices.deleteIndex('byProfileNotified');
}

export const MIGRATIONS: readonly Migration[] = [createVersion1, addSearchTerms, addSending, addCounters];

/** The schema version this code opens. */
export const DB_VERSION = MIGRATIONS.length;

/**
 * Runs the steps from `oldVersion` up to `newVersion` inside the upgrade transaction, in order. Synchronous
 * steps run back to back in the `upgradeneeded` event; the first step that returns a promise is awaited
 * before the next one starts.
 */
export function runMigrations(
  db: IDBPDatabase<unknown>,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
  steps: readonly Migration[] = MIGRATIONS,
): Promise<void> | undefined {
  const runFrom = (first: number): Promise<void> | undefined => {
    for (let version = first; version < newVersion; version++) {
      const step = steps[version];
      if (!step) throw new RangeError(`no migration from version ${version} to ${version + 1}`);
      const pending = step(db, tx, oldVersion);
      if (pending) return pending.then(() => runFrom(version + 1));
    }
    return undefined;
  };
  return runFrom(oldVersion);
}
