// Sync progress per profile and subject type: the high-water mark and the back-off that a restarted worker
// must respect (NOTES §7.2; RELIABILITY §2.3 items 3, 4 and 7).
import { checkId, parseForWrite, parseRead, requireProfile, transact, type StoreContext } from './context';
import { SUBJECT_TYPES, syncStateSchema, type SubjectType, type SyncState } from './records';

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
   * Writes only the rate limiter's state into the profile's Subject2 record (the limiter is per context, so one
   * record holds it). Read and write happen in one transaction, so this never undoes a mark moved meanwhile.
   * Returns false when there is no record yet (the next full write carries the state).
   */
  async function saveRateLimiterState(profileId: string, rateLimiter: unknown): Promise<boolean> {
    checkId('profileId', profileId);
    return transact(await db(), ['syncState'], 'readwrite', async (tx) => {
      const store = tx.objectStore('syncState');
      const record = await store.get([profileId, 'Subject2']);
      if (!record) return false;
      await store.put(parseForWrite(syncStateSchema, { ...record, rateLimiter }, 'saveRateLimiterState'));
      return true;
    });
  }

  return { getSyncState, listSyncStates, putSyncState, saveRateLimiterState };
}
