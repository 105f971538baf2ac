// Profiles: one organisation in one KSeF environment, with its preferences.
import { warsawDay } from '../core/time';
import { DEFAULT_INTERVAL_MINUTES } from '../domain/limits';
import { refuseSimulatorInRelease } from '../platform/release';
import { checkId, parseForWrite, parseRead, transact, type StoreContext } from './context';
import { profileSchema, SUBJECT_TYPES, type Preferences, type Profile, type ProfileInput } from './records';
import { assertNoSecretFields } from './secrets';
import { PROFILE_STORES } from './schema';

/** Issue 5: the first sync imports from the first day of the current month (Europe/Warsaw) by default. */
export function defaultPreferences(now: Date = new Date()): Preferences {
  const month = warsawDay(now).slice(0, 7);
  return {
    autoSync: true,
    intervalMinutes: DEFAULT_INTERVAL_MINUTES,
    subjectTypes: ['Subject2'],
    firstSyncFrom: `${month}-01`,
    notifications: true,
    language: 'pl',
  };
}

/** Subject2 always, each type once, in KSeF's order. */
function normaliseSubjectTypes(types: unknown): unknown {
  if (!Array.isArray(types)) return types;
  return SUBJECT_TYPES.filter((type) => type === 'Subject2' || types.includes(type));
}

export function profileFunctions({ db, now }: StoreContext) {
  /** Creates or replaces a profile; keeps its `createdAt`, sets `updatedAt`. */
  async function saveProfile(input: ProfileInput): Promise<Profile> {
    if (typeof input !== 'object' || input === null) throw new TypeError('"profile" must be an object');
    checkId('profile.id', input.id);
    assertNoSecretFields('saveProfile', input);
    refuseSimulatorInRelease(input.environment);
    const preferences =
      typeof input.preferences === 'object' && input.preferences !== null
        ? { ...input.preferences, subjectTypes: normaliseSubjectTypes(input.preferences.subjectTypes) }
        : input.preferences;
    const at = now().toISOString();
    return transact(await db(), ['profiles'], 'readwrite', async (tx) => {
      const existing = await tx.objectStore('profiles').get(input.id);
      const record = parseForWrite(
        profileSchema,
        // "Odnawiaj automatycznie" is set on its own (setAutoRenew); a save of the form keeps it.
        { ...(existing?.autoRenew !== undefined ? { autoRenew: existing.autoRenew } : {}), ...input, preferences, createdAt: existing?.createdAt ?? at, updatedAt: at },
        'saveProfile',
      );
      await tx.objectStore('profiles').put(record);
      return record;
    });
  }

  async function getProfile(profileId: string): Promise<Profile | undefined> {
    checkId('profileId', profileId);
    const record = await (await db()).get('profiles', profileId);
    return record === undefined ? undefined : parseRead(profileSchema, record, `getProfile "${profileId}"`);
  }

  /** Every profile, oldest first (the order the user added them). */
  async function listProfiles(): Promise<Profile[]> {
    const records = await (await db()).getAll('profiles');
    return records
      .map((record) => parseRead(profileSchema, record, 'listProfiles'))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /**
   * Deletes the profile with its key, tokens, invoices, sync state and outbox in one transaction (DESIGN.md,
   * Security rules). The activity log is kept: it holds no secrets and records the deletion. Returns whether
   * the profile existed.
   */
  async function deleteProfileAndData(profileId: string): Promise<boolean> {
    checkId('profileId', profileId);
    const ofProfile = IDBKeyRange.bound([profileId], [profileId, []]);
    return transact(await db(), [...PROFILE_STORES], 'readwrite', async (tx) => {
      const existed = (await tx.objectStore('profiles').getKey(profileId)) !== undefined;
      const outbox = tx.objectStore('outbox');
      const outboxKeys = await outbox.index('byProfileCreated').getAllKeys(ofProfile);
      const sessions = tx.objectStore('sendSessions');
      const sessionKeys = await sessions.index('byProfile').getAllKeys(ofProfile);
      await Promise.all([
        tx.objectStore('profiles').delete(profileId),
        tx.objectStore('credentials').delete(profileId),
        tx.objectStore('tokens').delete(profileId),
        tx.objectStore('invoices').delete(ofProfile),
        tx.objectStore('invoiceXml').delete(ofProfile),
        tx.objectStore('syncState').delete(ofProfile),
        tx.objectStore('invoiceCounts').delete(profileId),
        ...outboxKeys.map((key) => outbox.delete(key)),
        ...sessionKeys.map((key) => sessions.delete(key)),
      ]);
      return existed;
    });
  }

  return { saveProfile, getProfile, listProfiles, deleteProfileAndData };
}
