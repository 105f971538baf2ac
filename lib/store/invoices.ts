// Writing invoices. Each function is one transaction, so a worker killed at any await either stored a batch
// with its notification state (and the sync mark that covers it) or stored nothing (issue 5; RELIABILITY §2.3).
import { checkId, parseForWrite, requireProfile, transact, type StoreContext } from './context';
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
import { searchTermsOf } from './search-terms';
import { addLogRecord } from './log';
import { setAsideLogRecord, setAsideOf, withSetAside, type SetAside } from './set-aside';

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
): InvoiceRecord {
  return {
    profileId,
    ksefNumber: invoiceKey(profileId, metadata.ksefNumber)[1],
    subjectType,
    metadata,
    issueDate: metadata.issueDate.slice(0, 10),
    permanentStorageDate: new Date(metadata.permanentStorageDate).toISOString(),
    state: 'new',
    notified: 0,
    hasXml: 0,
    receivedAt,
    searchTerms: searchTermsOf(metadata),
  };
}

export function invoiceFunctions({ db, now }: StoreContext) {
  /**
   * Stores the invoices not stored yet for this profile (dedupe by normalised KSeF number, also within the
   * batch) and returns those, in the order given. Stored invoices keep their state. With `syncState`, the mark
   * moves in the same transaction as the invoices it covers (RELIABILITY §2.3 item 3). The profile must exist.
   * With `setAside`, a record that fails the schema is logged by its KSeF number and counted in the sync
   * state instead of failing the batch (set-aside.ts); without it, the batch fails with INVALID_RECORD.
   */
  async function putNewInvoices(
    profileId: string,
    subjectType: SubjectType,
    metadata: readonly InvoiceMetadata[],
    options: { syncState?: SyncState; setAside?: boolean } = {},
  ): Promise<InvoiceRecord[]> {
    checkId('profileId', profileId);
    if (!SUBJECT_TYPES.includes(subjectType)) {
      throw new TypeError(`"subjectType" must be one of ${SUBJECT_TYPES.join(', ')}`);
    }
    if (!Array.isArray(metadata) || metadata.length > MAX_BATCH) {
      throw new TypeError(`"metadata" must be an array of at most ${MAX_BATCH} invoice metadata objects`);
    }
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
        record = toRecord(profileId, subjectType, parseForWrite(invoiceMetadataSchema, item, `putNewInvoices [${i}]`), receivedAt);
      } catch (error) {
        // One refused record must not stop every later invoice for good (issue 10): set it aside, store the rest.
        if (!options.setAside) throw error;
        refused.push(setAsideOf(item, error));
        return;
      }
      if (!batch.has(record.ksefNumber)) batch.set(record.ksefNumber, record);
    });
    const candidates = [...batch.values()];
    return transact(await db(), ['profiles', 'invoices', 'syncState', 'log'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), profileId, 'putNewInvoices');
      const invoices = tx.objectStore('invoices');
      const existing = await Promise.all(candidates.map((r) => invoices.getKey([r.profileId, r.ksefNumber])));
      const fresh = candidates.filter((_, i) => existing[i] === undefined);
      await Promise.all(fresh.map((record) => invoices.add(record)));
      let newlyAside = refused;
      if (syncState) {
        const stored = await tx.objectStore('syncState').get([profileId, subjectType]);
        const merged = withSetAside(syncState, stored, refused);
        newlyAside = merged.fresh;
        await tx.objectStore('syncState').put(merged.state);
      }
      for (const entry of newlyAside) {
        await addLogRecord(tx.objectStore('log'), setAsideLogRecord(profileId, subjectType, entry, receivedAt));
      }
      return fresh;
    });
  }

  async function getInvoice(profileId: string, ksefNumber: string): Promise<InvoiceRecord | undefined> {
    return (await db()).get('invoices', invoiceKey(profileId, ksefNumber));
  }

  /** Applies `change` to each named invoice in one transaction; returns how many changed. Unknown keys are skipped. */
  async function updateEach(
    keys: readonly InvoiceKey[],
    change: (record: InvoiceRecord) => InvoiceRecord | null,
  ): Promise<number> {
    checkKeys(keys);
    const primaryKeys = keys.map((key) => invoiceKey(key?.profileId, key?.ksefNumber));
    return transact(await db(), ['invoices'], 'readwrite', async (tx) => {
      const store = tx.objectStore('invoices');
      const records = await Promise.all(primaryKeys.map((key) => store.get(key)));
      const changed = records.flatMap((record) => {
        const next = record && change(record);
        return next ? [next] : [];
      });
      await Promise.all(changed.map((record) => store.put(record)));
      return changed.length;
    });
  }

  /** Records that the notification announcing these invoices was raised. */
  function markNotified(keys: readonly InvoiceKey[]): Promise<number> {
    return updateEach(keys, (record) => (record.notified === 1 ? null : { ...record, notified: 1 }));
  }

  /**
   * Marks every unannounced invoice of the profile up to `through` (in announcement order: storage date, then
   * KSeF number) as announced, in one transaction, optionally with the sync state (the first-sync flag), so
   * a worker killed around it either announced-and-marked or will announce the same batch again.
   */
  async function markNotifiedThrough(
    profileId: string,
    through: Pick<InvoiceRecord, 'permanentStorageDate' | 'ksefNumber'>,
    options: { syncState?: SyncState } = {},
  ): Promise<number> {
    checkId('profileId', profileId);
    if (typeof through?.permanentStorageDate !== 'string' || typeof through.ksefNumber !== 'string') {
      throw new TypeError('"through" must be an invoice record');
    }
    const syncState = options.syncState && parseForWrite(syncStateSchema, options.syncState, 'markNotifiedThrough');
    if (syncState && syncState.profileId !== profileId) {
      throw new TypeError('"options.syncState" must belong to the same profile');
    }
    const range = IDBKeyRange.bound([profileId, 0], [profileId, 0, through.permanentStorageDate, through.ksefNumber]);
    return transact(await db(), ['profiles', 'invoices', 'syncState'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), profileId, 'markNotifiedThrough');
      let marked = 0;
      let cursor = await tx.objectStore('invoices').index('byProfileNotified').openCursor(range);
      while (cursor) {
        await cursor.update({ ...cursor.value, notified: 1 });
        marked += 1;
        cursor = await cursor.continue();
      }
      if (syncState) await tx.objectStore('syncState').put(syncState);
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
