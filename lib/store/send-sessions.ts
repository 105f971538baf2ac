// Online sessions of the outbox (NOTES §8.3, SEND-CONTRACT §3): when each opened and closed, KSeF's last status,
// the collective UPO pages, and while open the session's AES key as a non-extractable CryptoKey. Pages get the
// record without the key (`getSendSession`); only the engine asks for the key.
import * as z from 'zod/mini';
import { checkId, requireProfile, transact, type StoreContext } from './context';
import { StoreError } from './errors';
import { sendSessionSchema, type SendSession, type SendSessionPatch } from './outbox-records';

/** What a page sees of a session: everything but the key material. */
export type SendSessionView = Omit<SendSession, 'aesKey' | 'iv'>;

function checked(value: unknown, operation: string, code: 'INVALID_RECORD' | 'CORRUPT_RECORD'): SendSession {
  const result = z.safeParse(sendSessionSchema, value);
  if (result.success) return result.data;
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(record)'))];
  const what = code === 'INVALID_RECORD' ? 'invalid' : 'stored record has invalid';
  throw new StoreError(code, `${operation}: ${what} ${fields.join(', ')}`, { cause: result.error });
}

function withoutKey(record: SendSession): SendSessionView {
  const { aesKey: _key, iv: _iv, ...view } = record;
  return view;
}

export function sendSessionFunctions({ db }: StoreContext) {
  /** A session KSeF has just opened (201), with its key. The profile must exist. */
  async function addSendSession(record: SendSession): Promise<void> {
    const session = checked(record, 'addSendSession', 'INVALID_RECORD');
    await transact(await db(), ['profiles', 'sendSessions'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), session.profileId, 'addSendSession');
      await tx.objectStore('sendSessions').put(session);
    });
  }

  async function getSendSession(sessionRef: string): Promise<SendSessionView | undefined> {
    checkId('sessionRef', sessionRef);
    const record = await (await db()).get('sendSessions', sessionRef);
    return record === undefined ? undefined : withoutKey(checked(record, `getSendSession "${sessionRef}"`, 'CORRUPT_RECORD'));
  }

  /** The engine's view, key included. */
  async function getSendSessionWithKey(sessionRef: string): Promise<SendSession | undefined> {
    checkId('sessionRef', sessionRef);
    const record = await (await db()).get('sendSessions', sessionRef);
    return record === undefined ? undefined : checked(record, `getSendSessionWithKey "${sessionRef}"`, 'CORRUPT_RECORD');
  }

  /** Every session opened for one batch, oldest first, without keys. */
  async function listSendSessions(batchId: string): Promise<SendSessionView[]> {
    checkId('batchId', batchId);
    const records = await (await db()).getAllFromIndex('sendSessions', 'byBatch', IDBKeyRange.bound([batchId], [batchId, []]));
    return records.map((r) => withoutKey(checked(r, 'listSendSessions', 'CORRUPT_RECORD')));
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
      const next = checked(merged, 'updateSendSession', 'INVALID_RECORD');
      await tx.objectStore('sendSessions').put(next);
      return withoutKey(next);
    });
  }

  return { addSendSession, getSendSession, getSendSessionWithKey, listSendSessions, updateSendSession };
}
