// Writing invoices. Each function is one transaction, so a worker killed at any await either stored a batch
// with its notification state (and the sync mark that covers it) or stored nothing (issue 5; RELIABILITY §2.3).
import { unwrap } from 'idb';
import { checkId, parseForWrite, requireProfile, transact, type StoreContext } from './context';
import { StoreError } from './errors';
import { withStateChange, zeroCounts, type InvoiceCounts } from './invoice-counts';
import {
  invoiceKey,
  invoiceMetadataSchema,
  type InvoiceKey,
  type InvoiceMetadata,
  type InvoiceRecord,
} from './invoice-record';
import {
  INVOICE_STATES,
  SUBJECT_TYPES,
  syncStateSchema,
  type InvoiceState,
  type SubjectType,
  type SyncState,
} from './records';
import { MAX_TERM, searchTermsOf } from './search-terms';
import { addLogRecord } from './log';
import { setAsideLogRecord, setAsideOf, withSetAside, type SetAside } from './set-aside';
import { initialSyncState } from './sync-state';

/** KSeF returns at most 10 000 records per filter set (NOTES §7.1): no batch is larger. */
export const MAX_BATCH = 10_000;

function checkKeys(keys: unknown): asserts keys is InvoiceKey[] {
  if (!Array.isArray(keys) || keys.length > MAX_BATCH) {
    throw new TypeError(`"keys" must be an array of at most ${MAX_BATCH} { profileId, ksefNumber }`);
  }
}

function toRecord(
  profileId: string,
  subjectType: SubjectType,
  metadata: InvoiceMetadata,
  receivedAt: string,
  state: InvoiceState,
): InvoiceRecord {
  return {
    profileId,
    ksefNumber: invoiceKey(profileId, metadata.ksefNumber)[1],
    subjectType,
    metadata,
    issueDate: metadata.issueDate.slice(0, 10),
    permanentStorageDate: new Date(metadata.permanentStorageDate).toISOString(),
    state,
    hasXml: 0,
    receivedAt,
    // Set in the transaction, where the profile's NIP is known (searchTermsOf's `ownNip`).
    searchTerms: [],
  };
}

/**
 * Which of a page's invoices are stored already, by one key range over their KSeF storage dates (an invoice's
 * storage date never changes): one index read per page instead of a read per invoice, which was about a fifth of
 * a page's write time in Chromium (issue 15).
 */
async function storedAmong(
  byStorageDate: { getAllKeys(range: IDBKeyRange): Promise<[string, string][]> },
  profileId: string,
  records: readonly InvoiceRecord[],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const dates = records.map((r) => r.permanentStorageDate).sort();
  const keys = await byStorageDate.getAllKeys(IDBKeyRange.bound([profileId, dates[0]!], [profileId, dates[dates.length - 1]!, []]));
  return new Set(keys.map(([, ksefNumber]) => ksefNumber));
}

/**
 * Adds the record unless its key is taken (then resolves false): the safety net for an invoice stored under
 * another storage date, which storedAmong cannot see. The refused add must neither abort the page's
 * transaction (preventDefault) nor reach idb's `done` (stopPropagation).
 */
function addUnlessStored(store: IDBObjectStore, record: InvoiceRecord): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = store.add(record);
    request.onsuccess = () => resolve(true);
    request.onerror = (event) => {
      if (request.error?.name !== 'ConstraintError') return reject(request.error);
      event.preventDefault();
      event.stopPropagation();
      resolve(false);
    };
  });
}

/** What `putNewInvoices` may be told besides the invoices. */
export interface PutInvoicesOptions {
  /** The sync mark that covers this page, written in the same transaction (RELIABILITY §2.3 item 3). */
  syncState?: SyncState;
  /** Set a record the schema refuses aside (set-aside.ts) instead of failing the batch. */
  setAside?: boolean;
  /** Store them already announced (no `seq`): invoices that are not news, e.g. older ones (issue 16). */
  announced?: boolean;
  /** Their state when stored; 'new' unless given. */
  state?: InvoiceState;
  /**
   * The rate limiter's state (lib/ksef `toJSON`), written into the profile's Subject2 state in the same
   * transaction, so the page's request needs no write of its own (issue 15, review §3.1).
   */
  rateLimiter?: unknown;
}

export function invoiceFunctions({ db, now }: StoreContext) {
  /**
   * Stores the invoices not stored yet for this profile (dedupe by normalised KSeF number, also within the
   * batch) and returns those, in the order given. Stored invoices keep their state. With `syncState`, the mark
   * moves in the same transaction as the invoices it covers (RELIABILITY §2.3 item 3). The profile must exist.
   * With `setAside`, a record that fails the schema is logged by its KSeF number and counted in the sync
   * state instead of failing the batch (set-aside.ts); without it, the batch fails with INVALID_RECORD. The
   * profile's counters (invoice-counts.ts) move in the same transaction.
   */
  async function putNewInvoices(
    profileId: string,
    subjectType: SubjectType,
    metadata: readonly InvoiceMetadata[],
    options: PutInvoicesOptions = {},
  ): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    if (!SUBJECT_TYPES.includes(subjectType)) {
      throw new TypeError(`"subjectType" must be one of ${SUBJECT_TYPES.join(', ')}`);
    }
    if (!Array.isArray(metadata) || metadata.length > MAX_BATCH) {
      throw new TypeError(`"metadata" must be an array of at most ${MAX_BATCH} invoice metadata objects`);
    }
    const state = options.state ?? 'new';
    if (!INVOICE_STATES.includes(state)) throw new TypeError(`"options.state" must be one of ${INVOICE_STATES.join(', ')}`);
    const syncState = options.syncState && parseForWrite(syncStateSchema, options.syncState, 'putNewInvoices');
    if (syncState && syncState.profileId !== profileId) {
      throw new TypeError('"options.syncState" must belong to the same profile');
    }
    const receivedAt = now().toISOString();
    const batch = new Map<string, InvoiceRecord>();
    const refused: SetAside[] = [];
    metadata.forEach((item, i) => {
      let record: InvoiceRecord;
      try {
        record = toRecord(profileId, subjectType, parseForWrite(invoiceMetadataSchema, item, `putNewInvoices [${i}]`), receivedAt, state);
      } catch (error) {
        // One refused record must not stop every later invoice for good (issue 10): set it aside, store the rest.
        if (!options.setAside) throw error;
        refused.push(setAsideOf(item, error));
        return;
      }
      if (!batch.has(record.ksefNumber)) batch.set(record.ksefNumber, record);
    });
    const candidates = [...batch.values()];
    const stores = ['profiles', 'invoices', 'syncState', 'log', 'invoiceCounts'] as const;
    return transact(await db(), [...stores], 'readwrite', async (tx) => {
      const profile = await tx.objectStore('profiles').get(profileId);
      if (!profile) throw new StoreError('PROFILE_NOT_FOUND', `putNewInvoices: no profile "${profileId}"`);
      const invoices = tx.objectStore('invoices');
      const [known, before] = await Promise.all([
        storedAmong(invoices.index('byProfileStorageDate'), profileId, candidates),
        tx.objectStore('invoiceCounts').get(profileId),
      ]);
      const counts: InvoiceCounts = { ...(before ?? zeroCounts(profileId)) };
      const unknown = candidates.filter((r) => !known.has(r.ksefNumber));
      for (const record of unknown) record.searchTerms = searchTermsOf(record.metadata, MAX_TERM, profile.nip);
      if (!options.announced) for (const record of unknown) record.seq = ++counts.lastSeq;
      const added = await Promise.all(unknown.map((record) => addUnlessStored(unwrap(invoices), record)));
      const fresh = unknown.filter((_, i) => added[i]);
      // A number given to an invoice that was stored after all is a gap in the sequence: counted as withdrawn.
      counts.withdrawn += unknown.filter((r, i) => !added[i] && r.seq !== undefined).length;
      counts[state] += fresh.length;
      const writes: Promise<unknown>[] = [];
      if (unknown.length > 0) writes.push(tx.objectStore('invoiceCounts').put(counts));
      let newlyAside = refused;
      const states = tx.objectStore('syncState');
      if (syncState) {
        const merged = withSetAside(syncState, await states.get([profileId, subjectType]), refused);
        newlyAside = merged.fresh;
        const own = subjectType === 'Subject2' && options.rateLimiter !== undefined;
        writes.push(states.put(own ? { ...merged.state, rateLimiter: options.rateLimiter } : merged.state));
      }
      if (options.rateLimiter !== undefined && !(syncState && subjectType === 'Subject2')) {
        // The limiter is per context: it lives in the Subject2 state whichever subject type this page is.
        const subject2 = (await states.get([profileId, 'Subject2'])) ?? initialSyncState(profileId, 'Subject2', null);
        writes.push(states.put({ ...subject2, rateLimiter: options.rateLimiter }));
      }
      for (const entry of newlyAside) {
        writes.push(addLogRecord(tx.objectStore('log'), setAsideLogRecord(profileId, subjectType, entry, receivedAt)));
      }
      await Promise.all(writes);
      return fresh;
    });
  }

  async function getInvoice(profileId: string, ksefNumber: string): Promise<InvoiceRecord | undefined> {
    return (await db()).get('invoices', invoiceKey(profileId, ksefNumber));
  }

  /**
   * Applies `change` to each named invoice in one transaction, with the counters of the states it changes;
   * returns how many changed. Unknown keys are skipped.
   */
  async function updateEach(
    keys: readonly InvoiceKey[],
    change: (record: InvoiceRecord) => InvoiceRecord | null,
  ): Promise<number> {
    checkKeys(keys);
    const primaryKeys = keys.map((key) => invoiceKey(key?.profileId, key?.ksefNumber));
    return transact(await db(), ['invoices', 'invoiceCounts'], 'readwrite', async (tx) => {
      const store = tx.objectStore('invoices');
      const records = await Promise.all(primaryKeys.map((key) => store.get(key)));
      const changed: InvoiceRecord[] = [];
      const moves: [profileId: string, from: InvoiceState, to: InvoiceState][] = [];
      const seen = new Set<string>();
      records.forEach((record) => {
        const id = record && JSON.stringify([record.profileId, record.ksefNumber]);
        if (!record || !id || seen.has(id)) return;
        seen.add(id);
        const next = change(record);
        if (!next) return;
        changed.push(next);
        if (next.state !== record.state) moves.push([record.profileId, record.state, next.state]);
      });
      const counters = tx.objectStore('invoiceCounts');
      const profileIds = [...new Set(moves.map(([profileId]) => profileId))];
      const before = await Promise.all(profileIds.map((profileId) => counters.get(profileId)));
      const after = new Map(profileIds.map((profileId, i) => [profileId, before[i] ?? zeroCounts(profileId)]));
      for (const [profileId, from, to] of moves) after.set(profileId, withStateChange(after.get(profileId)!, from, to));
      await Promise.all([...changed.map((record) => store.put(record)), ...[...after.values()].map((c) => counters.put(c))]);
      return changed.length;
    });
  }

  /**
   * Marks every invoice of the profile stored to be announced up to `through` (the newest one the notice
   * covered, in storing order) as announced: one counter write, no record rewritten (issue 15). Optionally with
   * the sync state (the first-sync flag) in the same transaction, so a worker killed around it either
   * announced-and-marked or will announce the same batch again. Returns how many it marked.
   */
  async function markNotifiedThrough(
    profileId: string,
    through: Pick<InvoiceRecord, 'seq'>,
    options: { syncState?: SyncState } = {},
  ): Promise<number> {
    checkId('profileId', profileId);
    const seq = through?.seq;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) {
      throw new TypeError('"through" must be an invoice record stored to be announced');
    }
    const syncState = options.syncState && parseForWrite(syncStateSchema, options.syncState, 'markNotifiedThrough');
    if (syncState && syncState.profileId !== profileId) {
      throw new TypeError('"options.syncState" must belong to the same profile');
    }
    return transact(await db(), ['profiles', 'invoices', 'invoiceCounts', 'syncState'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), profileId, 'markNotifiedThrough');
      const counters = tx.objectStore('invoiceCounts');
      const counts = (await counters.get(profileId)) ?? zeroCounts(profileId);
      const announcedSeq = Math.max(counts.announcedSeq, Math.min(seq, counts.lastSeq));
      let marked = announcedSeq - counts.announcedSeq;
      let withdrawn = counts.withdrawn;
      if (marked > 0 && withdrawn > 0) {
        // Only after markNotified took some out of the sequence: count what is left in the batch (its size, not the store's).
        const range = IDBKeyRange.bound([profileId, counts.announcedSeq], [profileId, announcedSeq], true, false);
        const left = await tx.objectStore('invoices').index('byProfileSeq').count(range);
        withdrawn -= marked - left;
        marked = left;
      }
      await Promise.all([
        ...(announcedSeq > counts.announcedSeq ? [counters.put({ ...counts, announcedSeq, withdrawn })] : []),
        ...(syncState ? [tx.objectStore('syncState').put(syncState)] : []),
      ]);
      return marked;
    });
  }

  /**
   * Records that these invoices were announced, each on its own (seeding, tests; the sync announces by
   * `markNotifiedThrough`). Each one still awaiting a notice loses its `seq` and is counted as withdrawn, in one
   * transaction. Returns how many were still awaiting one; unknown keys are skipped.
   */
  async function markNotified(keys: readonly InvoiceKey[]): Promise<number> {
    checkKeys(keys);
    const primaryKeys = keys.map((key) => invoiceKey(key?.profileId, key?.ksefNumber));
    return transact(await db(), ['invoices', 'invoiceCounts'], 'readwrite', async (tx) => {
      const store = tx.objectStore('invoices');
      const counters = tx.objectStore('invoiceCounts');
      const records = await Promise.all(primaryKeys.map((key) => store.get(key)));
      const profileIds = [...new Set(records.flatMap((record) => (record?.seq !== undefined ? [record.profileId] : [])))];
      const before = await Promise.all(profileIds.map((profileId) => counters.get(profileId)));
      const counts = new Map(profileIds.map((profileId, i) => [profileId, { ...(before[i] ?? zeroCounts(profileId)) }]));
      const writes: Promise<unknown>[] = [];
      let marked = 0;
      const done = new Set<string>();
      for (const record of records) {
        const own = record && counts.get(record.profileId);
        if (!record || !own || record.seq === undefined || record.seq <= own.announcedSeq) continue;
        const id = JSON.stringify([record.profileId, record.ksefNumber]);
        if (done.has(id)) continue;
        done.add(id);
        const { seq: _announced, ...rest } = record;
        own.withdrawn += 1;
        marked += 1;
        writes.push(store.put(rest));
      }
      for (const own of counts.values()) writes.push(counters.put(own));
      await Promise.all(writes);
      return marked;
    });
  }

  /** Opening an invoice: 'new' becomes 'seen'; 'booked' stays. */
  function markSeen(keys: readonly InvoiceKey[]): Promise<number> {
    return updateEach(keys, (record) => (record.state === 'new' ? { ...record, state: 'seen' } : null));
  }

  /** The user's choice ("zaksięgowana" and back), whatever the state was. */
  function setInvoiceState(keys: readonly InvoiceKey[], state: InvoiceState): Promise<number> {
    if (!INVOICE_STATES.includes(state)) throw new TypeError(`"state" must be one of ${INVOICE_STATES.join(', ')}`);
    return updateEach(keys, (record) => (record.state === state ? null : { ...record, state }));
  }

  return {
    putNewInvoices,
    getInvoice,
    markNotified,
    markNotifiedThrough,
    markSeen,
    setInvoiceState,
  };
}
