// The user's own invoices on their way to KSeF: draft → queued → sending → sent | failed, with the
// references and the UPO that prove the sending (NOTES §8).
import { checkId, checkLimit, parseForWrite, parseRead, requireProfile, transact, type StoreContext } from './context';
import { StoreError } from './errors';
import { OUTBOX_STATUSES, outboxItemSchema, type OutboxItem, type OutboxPatch, type OutboxStatus } from './records';

export function outboxFunctions({ db, now }: StoreContext) {
  /** A new draft with a fresh id. The profile must exist. */
  async function createOutboxDraft(
    profileId: string,
    draft: { xml: string; invoiceNumber: string },
  ): Promise<OutboxItem> {
    checkId('profileId', profileId);
    if (typeof draft !== 'object' || draft === null) throw new TypeError('"draft" must be an object');
    const at = now().toISOString();
    const item = parseForWrite(
      outboxItemSchema,
      {
        id: crypto.randomUUID(),
        profileId,
        createdAt: at,
        updatedAt: at,
        status: 'draft',
        xml: draft.xml,
        invoiceNumber: draft.invoiceNumber,
      },
      'createOutboxDraft',
    );
    await transact(await db(), ['profiles', 'outbox'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), profileId, 'createOutboxDraft');
      await tx.objectStore('outbox').add(item);
    });
    return item;
  }

  async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
    checkId('id', id);
    const record = await (await db()).get('outbox', id);
    return record === undefined ? undefined : parseRead(outboxItemSchema, record, `getOutboxItem "${id}"`);
  }

  /** One profile's items, newest first, optionally only those in one status. */
  async function listOutbox(
    profileId: string,
    options: { status?: OutboxStatus; limit?: number } = {},
  ): Promise<OutboxItem[]> {
    checkId('profileId', profileId);
    const { status, limit = 1000 } = options;
    if (status !== undefined && !OUTBOX_STATUSES.includes(status)) {
      throw new TypeError(`"status" must be one of ${OUTBOX_STATUSES.join(', ')}`);
    }
    checkLimit('limit', limit, 1000);
    const prefix = status === undefined ? [profileId] : [profileId, status];
    const indexName = status === undefined ? 'byProfileCreated' : 'byProfileStatus';
    const index = (await db()).transaction('outbox').store.index(indexName);
    const items: OutboxItem[] = [];
    let cursor = await index.openCursor(IDBKeyRange.bound(prefix, [...prefix, []]), 'prev');
    while (cursor) {
      items.push(parseRead(outboxItemSchema, cursor.value, `listOutbox "${profileId}"`));
      if (items.length >= limit) break;
      cursor = await cursor.continue();
    }
    return items;
  }

  /** Changes some fields of one item in one transaction; a field given as undefined is removed. */
  async function updateOutboxItem(id: string, patch: OutboxPatch): Promise<OutboxItem> {
    checkId('id', id);
    if (typeof patch !== 'object' || patch === null) throw new TypeError('"patch" must be an object');
    for (const field of ['id', 'profileId', 'createdAt', 'updatedAt']) {
      if (field in patch) throw new TypeError(`"patch" must not change ${field}`);
    }
    const at = now().toISOString();
    return transact(await db(), ['outbox'], 'readwrite', async (tx) => {
      const current = await tx.objectStore('outbox').get(id);
      if (!current) throw new StoreError('NOT_FOUND', `updateOutboxItem: no outbox item "${id}"`);
      const merged: Record<string, unknown> = { ...current, ...patch, updatedAt: at };
      for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
      const next = parseForWrite(outboxItemSchema, merged, 'updateOutboxItem');
      await tx.objectStore('outbox').put(next);
      return next;
    });
  }

  async function deleteOutboxItem(id: string): Promise<void> {
    checkId('id', id);
    await (await db()).delete('outbox', id);
  }

  return { createOutboxDraft, getOutboxItem, listOutbox, updateOutboxItem, deleteOutboxItem };
}
