// The outbox (Sending §3): the user's invoices on their way to KSeF, one record per invoice, every step
// of the engine written before and after each await (issue 12). Pages read it; only the worker writes.
import { checkId, checkLimit, parseForWrite, parseRead, requireProfile, transact, type StoreContext } from './context';
import { StoreError } from './errors';
import { readChecked } from './record-access';
import { outboxItemSchema, type InvoiceFacts, type OutboxItem, type OutboxPatch } from './outbox-records';

/** An item as a list shows it: everything but the invoice text, which only the detail view and the engine read. */
export type OutboxSummary = Omit<OutboxItem, 'xml'>;

function summaryOf(value: unknown, operation: string): OutboxSummary {
  const { xml: _text, ...summary } = parseRead(outboxItemSchema, value, operation);
  return summary;
}

const FIXED = ['id', 'profileId', 'batchId', 'createdAt', 'updatedAt'];
/** Most files one `queueOutboxBatch` takes (Sending §2: 1..50). */
export const MAX_OUTBOX_BATCH = 50;

export interface OutboxFile {
  fileName: string;
  xml: string;
  facts: InvoiceFacts;
}

export function outboxFunctions({ db, now }: StoreContext) {
  function merge(current: unknown, patch: OutboxPatch, at: string, operation: string): OutboxItem {
    if (typeof patch !== 'object' || patch === null) throw new TypeError('"patch" must be an object');
    for (const field of FIXED) if (field in patch) throw new TypeError(`"patch" must not change ${field}`);
    const merged: Record<string, unknown> = { ...(current as object), ...patch, updatedAt: at };
    for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
    return parseForWrite(outboxItemSchema, merged, operation);
  }

  /** The files of one "Wyślij", stored `queued` in ONE transaction (Sending §2), in the order given. */
  async function queueOutboxBatch(profileId: string, batchId: string, files: readonly OutboxFile[]): Promise<OutboxItem[]> {
    checkId('profileId', profileId);
    checkId('batchId', batchId);
    if (!Array.isArray(files) || files.length < 1 || files.length > MAX_OUTBOX_BATCH) {
      throw new TypeError(`"files" must be an array of 1 to ${MAX_OUTBOX_BATCH} files`);
    }
    const start = now().getTime();
    // One millisecond apart, so the batch lists in the order the user chose (createdAt is the index's order).
    const items = files.map((file, i) => {
      const at = new Date(start + i).toISOString();
      const record = { id: crypto.randomUUID(), profileId, batchId, fileName: file?.fileName, createdAt: at, updatedAt: at, step: 'queued', xml: file?.xml, facts: file?.facts, unfinished: at };
      return parseForWrite(outboxItemSchema, record, 'queueOutboxBatch');
    });
    await transact(await db(), ['profiles', 'outbox'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), profileId, 'queueOutboxBatch');
      await Promise.all(items.map((item) => tx.objectStore('outbox').add(item)));
    });
    return items;
  }

  async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
    checkId('id', id);
    return readChecked(await db(), 'outbox', id, outboxItemSchema, `getOutboxItem "${id}"`);
  }

  /**
   * Newest first: one profile's items, or every profile's when `profileId` is absent, WITHOUT their XML (up to
   * 1000 invoices of up to 1 MB each): the send view's list and the CSV need the facts; the detail view reads
   * its one item with `getOutboxItem`.
   */
  async function listOutbox(profileId?: string, options: { limit?: number } = {}): Promise<OutboxSummary[]> {
    if (profileId !== undefined) checkId('profileId', profileId);
    const { limit = 1000 } = options;
    checkLimit('limit', limit, 1000);
    const tx = (await db()).transaction('outbox');
    let cursor =
      profileId === undefined
        ? await tx.store.index('byCreated').openCursor(null, 'prev')
        : await tx.store.index('byProfileCreated').openCursor(IDBKeyRange.bound([profileId], [profileId, []]), 'prev');
    const items: OutboxSummary[] = [];
    while (cursor && items.length < limit) {
      items.push(summaryOf(cursor.value, 'listOutbox'));
      cursor = await cursor.continue();
    }
    return items;
  }

  /**
   * The items the engine still owes something (a step, a UPO, the notification), oldest first, WITHOUT their
   * XML: the worker reads one invoice's text at a time, when it encrypts it (issue 12).
   */
  async function listUnfinishedOutbox(profileId: string): Promise<OutboxSummary[]> {
    checkId('profileId', profileId);
    const index = (await db()).transaction('outbox').store.index('byProfileUnfinished');
    const items: OutboxSummary[] = [];
    let cursor = await index.openCursor(IDBKeyRange.bound([profileId], [profileId, []]));
    while (cursor) {
      items.push(summaryOf(cursor.value, 'listUnfinishedOutbox'));
      cursor = await cursor.continue();
    }
    return items;
  }

  /** Items of any step with this seller NIP, RodzajFaktury and P_2 (the "already sent" check, NOTES §8.4). */
  async function findOutboxByInvoice(sellerNip: string, kind: string, number: string): Promise<OutboxSummary[]> {
    for (const [name, value] of Object.entries({ sellerNip, kind, number })) {
      if (typeof value !== 'string' || value === '') throw new TypeError(`"${name}" must be a non-empty string`);
    }
    const records = await (await db()).getAllFromIndex('outbox', 'byInvoice', [sellerNip, kind, number]);
    return records.map((record) => summaryOf(record, 'findOutboxByInvoice'));
  }

  /**
   * Changes some fields of one item in one transaction; a field given as undefined is removed. Answers WITHOUT the
   * XML, like every read but `getOutboxItem`: the engine holds one invoice's text at a time (issue 12).
   */
  async function updateOutboxItem(id: string, patch: OutboxPatch): Promise<OutboxSummary> {
    const [item] = await updateOutboxItems([{ id, patch }]);
    return item!;
  }

  /** Several items' changes in ONE transaction: all are written or none. */
  async function updateOutboxItems(changes: readonly { id: string; patch: OutboxPatch }[]): Promise<OutboxSummary[]> {
    if (!Array.isArray(changes)) throw new TypeError('"changes" must be an array');
    for (const change of changes) checkId('id', change?.id);
    const at = now().toISOString();
    return transact(await db(), ['outbox'], 'readwrite', async (tx) => {
      const out: OutboxSummary[] = [];
      for (const { id, patch } of changes) {
        const current = await tx.objectStore('outbox').get(id);
        if (!current) throw new StoreError('NOT_FOUND', `updateOutboxItem: no outbox item "${id}"`);
        const next = merge(current, patch, at, 'updateOutboxItem');
        await tx.objectStore('outbox').put(next);
        const { xml: _text, ...summary } = next;
        out.push(summary);
      }
      return out;
    });
  }

  async function deleteOutboxItem(id: string): Promise<void> {
    checkId('id', id);
    await (await db()).delete('outbox', id);
  }

  return {
    queueOutboxBatch,
    getOutboxItem,
    listOutbox,
    listUnfinishedOutbox,
    findOutboxByInvoice,
    updateOutboxItem,
    updateOutboxItems,
    deleteOutboxItem,
  };
}

