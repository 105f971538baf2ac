// Sync progress per profile and subject type: the high-water mark and the back-off that a restarted worker
// must respect (NOTES §7.2; RELIABILITY §2.3 items 3, 4 and 7).
import { checkId, parseForWrite, parseRead, requireProfile, transact, type StoreContext } from './context';
import { SUBJECT_TYPES, syncStateSchema, type SubjectType, type SyncState } from './records';

/** What `patchSyncState` may change: bookkeeping beside the mark, never the mark itself. */
export type SyncStatePatch = Partial<Pick<SyncState, 'rateLimiter' | 'nextSyncAt' | 'notices'>>;

function checkSubjectType(value: unknown): asserts value is SubjectType {
  if (!SUBJECT_TYPES.includes(value as SubjectType)) {
    throw new TypeError(`"subjectType" must be one of ${SUBJECT_TYPES.join(', ')}`);
  }
}

/** The state before the first sync: the window starts at `windowFrom` (the first-sync date as a date-time). */
export function initialSyncState(profileId: string, subjectType: SubjectType, windowFrom: string | null): SyncState {
  checkId('profileId', profileId);
  checkSubjectType(subjectType);
  return parseForWrite(
    syncStateSchema,
    {
      profileId,
      subjectType,
      hwm: null,
      windowFrom,
      lastSyncAt: null,
      lastSuccessAt: null,
      nextSyncAt: null,
      consecutiveFailures: 0,
      blockedUntil: null,
      rateLimiter: null,
      firstSyncDone: false,
    },
    'initialSyncState',
  );
}

export function syncStateFunctions({ db }: StoreContext) {
  async function getSyncState(profileId: string, subjectType: SubjectType): Promise<SyncState | undefined> {
    checkId('profileId', profileId);
    checkSubjectType(subjectType);
    const record = await (await db()).get('syncState', [profileId, subjectType]);
    return record === undefined
      ? undefined
      : parseRead(syncStateSchema, record, `getSyncState "${profileId}" ${subjectType}`);
  }

  /** Every subject type's state of one profile, in KSeF's order of subject types. */
  async function listSyncStates(profileId: string): Promise<SyncState[]> {
    checkId('profileId', profileId);
    const records = await (await db()).getAll('syncState', IDBKeyRange.bound([profileId], [profileId, []]));
    return records
      .map((record) => parseRead(syncStateSchema, record, `listSyncStates "${profileId}"`))
      .sort((a, b) => SUBJECT_TYPES.indexOf(a.subjectType) - SUBJECT_TYPES.indexOf(b.subjectType));
  }

  /** Replaces one state. The profile must exist. To move the mark with the invoices it covers, see `putNewInvoices`. */
  async function putSyncState(state: SyncState): Promise<SyncState> {
    const record = parseForWrite(syncStateSchema, state, 'putSyncState');
    await transact(await db(), ['profiles', 'syncState'], 'readwrite', async (tx) => {
      await requireProfile(tx.objectStore('profiles'), record.profileId, 'putSyncState');
      await tx.objectStore('syncState').put(record);
    });
    return record;
  }

  /**
   * Changes only the given bookkeeping fields of one state, reading and writing in one transaction, so it never
   * undoes a mark that a sync moved meanwhile. A missing record is created (window from the first-sync day,
   * which the engine fills in) when the profile exists. Returns false when the profile does not.
   */
  async function patchSyncState(
    profileId: string,
    subjectType: SubjectType,
    patch: SyncStatePatch,
  ): Promise<boolean> {
    checkId('profileId', profileId);
    checkSubjectType(subjectType);
    if (typeof patch !== 'object' || patch === null) throw new TypeError('"patch" must be an object');
    return transact(await db(), ['profiles', 'syncState'], 'readwrite', async (tx) => {
      if ((await tx.objectStore('profiles').getKey(profileId)) === undefined) return false;
      const store = tx.objectStore('syncState');
      const record = (await store.get([profileId, subjectType])) ?? initialSyncState(profileId, subjectType, null);
      await store.put(parseForWrite(syncStateSchema, { ...record, ...patch }, 'patchSyncState'));
      return true;
    });
  }

  /** The rate limiter is per context: its state lives in the profile's Subject2 record. */
  function saveRateLimiterState(profileId: string, rateLimiter: unknown): Promise<boolean> {
    return patchSyncState(profileId, 'Subject2', { rateLimiter });
  }

  return { getSyncState, listSyncStates, putSyncState, patchSyncState, saveRateLimiterState };
}
