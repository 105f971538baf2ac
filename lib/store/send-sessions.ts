// Online sessions of the outbox (NOTES §8.3, Sending §3): when each opened and closed, KSeF's last status,
// the collective UPO pages, and while open the session's AES key as a non-extractable CryptoKey. Pages get the
// record without the key (`getSendSession`); only the engine asks for the key.
import { checkId, parseForWrite, parseRead, transact, type StoreContext } from './context';
import { StoreError } from './errors';
import { readChecked, writeForProfile } from './record-access';
import { sendSessionSchema, type SendSession, type SendSessionPatch } from './outbox-records';

/** What a page sees of a session: everything but the key material. */
export type SendSessionView = Omit<SendSession, 'aesKey' | 'iv'>;

function withoutKey(record: SendSession): SendSessionView {
  const { aesKey: _key, iv: _iv, ...view } = record;
  return view;
}

export function sendSessionFunctions({ db }: StoreContext) {
  /** A session KSeF has just opened (201), with its key. The profile must exist. */
  async function addSendSession(record: SendSession): Promise<void> {
    await writeForProfile(await db(), 'sendSessions', parseForWrite(sendSessionSchema, record, 'addSendSession'), 'addSendSession');
  }

  async function getSendSession(sessionRef: string): Promise<SendSessionView | undefined> {
    checkId('sessionRef', sessionRef);
    const record = await readChecked(await db(), 'sendSessions', sessionRef, sendSessionSchema, `getSendSession "${sessionRef}"`);
    return record === undefined ? undefined : withoutKey(record);
  }

  /** The engine's view, key included. */
  async function getSendSessionWithKey(sessionRef: string): Promise<SendSession | undefined> {
    checkId('sessionRef', sessionRef);
    return readChecked(await db(), 'sendSessions', sessionRef, sendSessionSchema, `getSendSessionWithKey "${sessionRef}"`);
  }

  /** Every session opened for one batch, oldest first, without keys. */
  async function listSendSessions(batchId: string): Promise<SendSessionView[]> {
    checkId('batchId', batchId);
    const records = await (await db()).getAllFromIndex('sendSessions', 'byBatch', IDBKeyRange.bound([batchId], [batchId, []]));
    return records.map((r) => withoutKey(parseRead(sendSessionSchema, r, 'listSendSessions')));
  }

  /** Changes some fields in one transaction; a field given as undefined is removed (the key, once closed). */
  async function updateSendSession(sessionRef: string, patch: SendSessionPatch): Promise<SendSessionView> {
    checkId('sessionRef', sessionRef);
    if (typeof patch !== 'object' || patch === null) throw new TypeError('"patch" must be an object');
    for (const field of ['sessionRef', 'profileId', 'batchId', 'openedAt']) {
      if (field in patch) throw new TypeError(`"patch" must not change ${field}`);
    }
    return transact(await db(), ['sendSessions'], 'readwrite', async (tx) => {
      const current = await tx.objectStore('sendSessions').get(sessionRef);
      if (!current) throw new StoreError('NOT_FOUND', `updateSendSession: no session "${sessionRef}"`);
      const merged: Record<string, unknown> = { ...current, ...patch };
      for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
      const next = parseForWrite(sendSessionSchema, merged, 'updateSendSession');
      await tx.objectStore('sendSessions').put(next);
      return withoutKey(next);
    });
  }

  return { addSendSession, getSendSession, getSendSessionWithKey, listSendSessions, updateSendSession };
}
