// A certificate made in the browser (issue 14, lib/custody/enrol.ts): its progress lives in the credentials
// record's `pendingEnrolment`, and the switch to it is ONE put of that record, so the profile always has
// either its previous working credentials or the new ones, never neither. Each write names the attempt it
// belongs to; a write for an attempt that is no longer the record's (the user saved other files meanwhile,
// or abandoned it) changes nothing and answers false.
import type { CertificateInfo } from '../pki';
import { checkId, transact, type StoreContext } from './context';
import { checkCertificate, checkPrivateKey, describeKeyAlgorithm, fromRecord, toStored, type Credentials } from './credentials';
import { StoreError } from './errors';
import type { CredentialsRecord, PendingEnrolment } from './records';
import { assertNoSecretFields } from './secrets';

/** Steps after which nothing is in flight: a new attempt may replace them. */
const SETTLED = new Set<PendingEnrolment['step']>(['switched', 'failed']);

export function enrolmentFunctions({ db, now }: StoreContext) {
  async function change(
    profileId: string,
    operation: string,
    body: (record: CredentialsRecord) => CredentialsRecord | null,
  ): Promise<CredentialsRecord | null> {
    checkId('profileId', profileId);
    return transact(await db(), ['profiles', 'credentials'], 'readwrite', async (tx) => {
      if ((await tx.objectStore('profiles').getKey(profileId)) === undefined) {
        throw new StoreError('PROFILE_NOT_FOUND', `${operation}: no profile "${profileId}"`);
      }
      const store = tx.objectStore('credentials');
      const record = await store.get(profileId);
      if (!record) throw new StoreError('NOT_FOUND', `${operation}: no credentials for "${profileId}"`);
      const next = body(record);
      if (next) {
        assertNoSecretFields(operation, next);
        await store.put(next);
      }
      return next;
    });
  }

  function checkPending(pending: PendingEnrolment) {
    if (typeof pending !== 'object' || pending === null || typeof pending.id !== 'string' || !pending.id) {
      throw new TypeError('"pending" must be a PendingEnrolment');
    }
    if (pending.privateKey !== undefined) checkPrivateKey(pending.privateKey);
  }

  return {
    async getPendingEnrolment(profileId: string): Promise<PendingEnrolment | undefined> {
      checkId('profileId', profileId);
      return (await (await db()).get('credentials', profileId))?.pendingEnrolment;
    },

    /**
     * Writes the attempt's progress. `expected`: the id the record's attempt must have (null: a new attempt,
     * allowed only when none is in flight). False when the record holds another attempt: nothing written.
     */
    async savePendingEnrolment(profileId: string, pending: PendingEnrolment, expected: string | null): Promise<boolean> {
      checkPending(pending);
      const written = await change(profileId, 'savePendingEnrolment', (record) => {
        const current = record.pendingEnrolment;
        const ours = expected === null ? !current || SETTLED.has(current.step) : current?.id === expected;
        return ours ? { ...record, pendingEnrolment: { ...pending, updatedAt: now().toISOString() } } : null;
      });
      return written !== null;
    },

    /** Forgets the attempt `id` (its key goes with it); the profile's credentials stay as they are. */
    async clearPendingEnrolment(profileId: string, id: string): Promise<boolean> {
      const written = await change(profileId, 'clearPendingEnrolment', (record) => {
        if (record.pendingEnrolment?.id !== id) return null;
        const { pendingEnrolment: _gone, ...rest } = record;
        return rest;
      });
      return written !== null;
    },

    /**
     * The switch: the attempt's certificate and key become the profile's (custody 'browser'), in one put that
     * also replaces the previous key, sealed key and unlock state. Null when the record holds another attempt.
     */
    async switchToEnrolled(profileId: string, id: string, certificate: CertificateInfo, after: PendingEnrolment): Promise<Credentials | null> {
      checkCertificate(certificate);
      checkPending(after);
      const written = await change(profileId, 'switchToEnrolled', (record) => {
        const pending = record.pendingEnrolment;
        if (pending?.id !== id || !pending.privateKey) return null;
        checkPrivateKey(pending.privateKey);
        const at = now().toISOString();
        return {
          profileId,
          certificate: toStored(certificate),
          certificateDer: new Uint8Array(certificate.der),
          privateKey: pending.privateKey,
          keyAlgorithm: describeKeyAlgorithm(pending.privateKey.algorithm),
          storedAt: at,
          custody: 'browser',
          pendingEnrolment: { ...after, updatedAt: at },
        };
      });
      return written === null ? null : fromRecord(written);
    },

    /** "Odnawiaj automatycznie" on or off for one profile. */
    async setAutoRenew(profileId: string, on: boolean): Promise<void> {
      checkId('profileId', profileId);
      if (typeof on !== 'boolean') throw new TypeError('"on" must be a boolean');
      await transact(await db(), ['profiles'], 'readwrite', async (tx) => {
        const profile = await tx.objectStore('profiles').get(profileId);
        if (!profile) throw new StoreError('PROFILE_NOT_FOUND', `setAutoRenew: no profile "${profileId}"`);
        await tx.objectStore('profiles').put({ ...profile, autoRenew: on });
      });
    },
  };
}
