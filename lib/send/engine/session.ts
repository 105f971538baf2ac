// The batch's online session (NOTES §8.1–8.3): reused while open and valid (its key is in the store, so a
// restarted worker goes on in it), otherwise opened with a fresh key wrapped under KSeF's current
// SymmetricKeyEncryption key; 21470 (unknown or withdrawn key) fetches the keys again and retries once.
// A session opened whose answer is lost is harmless: it holds nothing and KSeF ends it after 12 h.
import { decodeBase64 } from '../../core/bytes';
import { pickPublicKey } from '../../ksef/public-keys';
import type { PublicKeyCertificate } from '../../ksef/schemas';
import type { Profile } from '../../store/records';
import { SendError } from '../errors';
import type { SendDeps } from '../types';
import { createSessionKey } from './crypto';
import { callKsef, isKsefCode } from './waits';

export const FA3_FORM_CODE = { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' } as const;
/** A session this close to its end is not used for another invoice (the POST and its status must fit). */
const VALIDITY_MARGIN_MS = 10 * 60_000;
/** Sessions one run may open for one batch: a KSeF that ends each at once must not make us open hundreds. */
export const MAX_SESSIONS_PER_RUN = 3;

export interface OpenSession {
  sessionRef: string;
  aesKey: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
}

async function publicKeys(deps: SendDeps, fresh: boolean): Promise<PublicKeyCertificate[]> {
  const cache = deps.keyCache ?? {};
  if (!fresh && cache.certificates) return cache.certificates;
  const certificates = await callKsef(deps, () => deps.client.security.publicKeyCertificates());
  cache.certificates = certificates;
  return certificates;
}

/** The stored IV (written by this engine as base64, so it reads back; a damaged record gives no session). */
const ivBytes = (base64: string) => decodeBase64(base64, { padding: 'required' }) ?? undefined;

/** The batch's usable session with its key, or undefined. */
export async function usableSession(deps: SendDeps, batchId: string): Promise<OpenSession | undefined> {
  const sessions = await deps.store.listSendSessions(batchId);
  const now = deps.clock.now();
  const open = sessions.filter((s) => !s.closedAt && !s.full && Date.parse(s.validUntil) - VALIDITY_MARGIN_MS > now).at(-1);
  if (!open) return undefined;
  const record = await deps.store.getSendSessionWithKey(open.sessionRef);
  const iv = record?.aesKey && record.iv ? ivBytes(record.iv) : undefined;
  if (!record?.aesKey || !iv) return undefined;
  return { sessionRef: record.sessionRef, aesKey: record.aesKey, iv };
}

export async function openSession(deps: SendDeps, profile: Profile, batchId: string): Promise<OpenSession> {
  for (let round = 0; ; round++) {
    const certificates = await publicKeys(deps, round > 0);
    const certificate = pickPublicKey(certificates, 'SymmetricKeyEncryption', deps.clock.now());
    if (!certificate) throw new SendError('NO_PUBLIC_KEY');
    const key = await createSessionKey(certificate.certificate);
    const encryption = {
      encryptedSymmetricKey: key.encryptedSymmetricKey,
      initializationVector: key.initializationVector,
      publicKeyId: certificate.publicKeyId,
    };
    let opened;
    try {
      opened = await callKsef(deps, (token) => deps.client.sessions.openOnline({ formCode: FA3_FORM_CODE, encryption }, token));
    } catch (error) {
      if (round === 0 && isKsefCode(error, 21470)) continue;
      throw error;
    }
    await deps.store.addSendSession({
      sessionRef: opened.referenceNumber,
      profileId: profile.id,
      batchId,
      openedAt: new Date(deps.clock.now()).toISOString(),
      validUntil: new Date(opened.validUntil).toISOString(),
      aesKey: key.aesKey,
      iv: key.initializationVector,
    });
    return { sessionRef: opened.referenceNumber, aesKey: key.aesKey, iv: key.iv };
  }
}

/** Closes every session of the batch not closed yet and drops its key; 21180/21173: KSeF ended it already. */
export async function closeSessions(deps: SendDeps, batchId: string): Promise<void> {
  for (const session of await deps.store.listSendSessions(batchId)) {
    if (session.closedAt) continue;
    try {
      await callKsef(deps, (token) => deps.client.sessions.closeOnline(session.sessionRef, token));
    } catch (error) {
      if (!isKsefCode(error, 21180, 21173)) throw error;
    }
    await deps.store.updateSendSession(session.sessionRef, { closedAt: new Date(deps.clock.now()).toISOString(), aesKey: undefined, iv: undefined });
  }
}
