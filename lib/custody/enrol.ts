// "Wygeneruj certyfikat KSeF w przeglądarce" (issue 14 points 1 and 2; NOTES §4.3): check the limits, read the
// enrolment data, generate a non-extractable EC P-256 key, build the CSR with exactly that DN, enrol, poll,
// retrieve, check the certificate against the key, log in with it, and only then switch the profile to it in
// one put of the credentials record. Every step is written to `pendingEnrolment` before the next await that
// depends on it, so a worker killed at any await resumes where it was (or abandons cleanly), and the profile's
// previous credentials stay its own until the new ones have logged in (RELIABILITY G7).
import type { Clock } from '../ksef/clock';
import { isKsefError } from '../ksef/errors';
import { base64ToBytes, bytesToBase64 } from '../ksef/encoding';
import type { CertificateInfo } from '../pki/types';
import type { Credentials, PendingEnrolment, Profile, Store } from '../store';
import type { HeavyWork } from '../worker/heavy';
import { EnrolError, refusalOf, type EnrolErrorCode } from './enrol-errors';
import { certificateName, isKsefIssued, ksefSerial, type CertificateOps } from './enrol-ops';
import { IN_FLIGHT } from './steps';

export { IN_FLIGHT } from './steps';

/** Status polls, about 40 s in all: KSeF answers 100 while it issues (OA#CertificateEnrollmentStatusResponse). */
export const ENROL_POLL_DELAYS_MS: readonly number[] = [1000, 2000, 3000, 4000, 5000, 5000, 5000, 5000, 5000, 5000];
/** KSeF keeps an enrolment's status 30 days (NOTES §2, 410 Gone after retention). */
export const ENROLMENT_RETENTION_MS = 30 * 86_400_000;

export type EnrolStore = Pick<
  Store,
  'getProfile' | 'getCredentials' | 'getPendingEnrolment' | 'savePendingEnrolment' | 'clearPendingEnrolment' | 'switchToEnrolled' | 'appendLog'
>;

export interface EnrolDeps {
  store: EnrolStore;
  /** The certificate operations, over the profile's current login (a signature login: NOTES §4.3). */
  ksef: Omit<CertificateOps, 'revoke'>;
  /**
   * Where the key, the CSR and the certificate checks are made (lib/worker/heavy.ts): pkijs stays out of the
   * service worker (issue 15). It reads the attempt's key from the store by `enrolmentId`.
   */
  heavy: Pick<HeavyWork, 'startEnrolment' | 'checkIssued' | 'readCertificate'>;
  /** A real XAdES login with these credentials (lib/auth), the key stored in attempt `enrolmentId`; resolves once KSeF issued tokens. */
  loginWith: (credentials: { certificate: CertificateInfo; privateKey: CryptoKey; enrolmentId: string }) => Promise<void>;
  clock: Clock;
  pollDelaysMs?: readonly number[];
  newId?: () => string;
}

export interface EnrolResult {
  credentials: Credentials;
  /** The certificate replaced, when KSeF can revoke it (the page offers to). */
  replaced?: PendingEnrolment['replaced'];
}

/** Without the key, the request and the bytes: what a settled attempt keeps. */
function settled(p: PendingEnrolment, patch: Partial<PendingEnrolment>): PendingEnrolment {
  const { privateKey: _k, csr: _c, certificateDer: _d, ...rest } = p;
  return { ...rest, ...patch };
}

export function createEnrolment(deps: EnrolDeps, profileId: string) {
  const { store, ksef, clock } = deps;
  const now = () => new Date(clock.now());

  async function advance(p: PendingEnrolment, patch: Partial<PendingEnrolment>): Promise<PendingEnrolment> {
    const next = { ...p, ...patch };
    if (!(await store.savePendingEnrolment(profileId, next, p.id))) throw new EnrolError('SUPERSEDED');
    return next;
  }

  /** A dead end: the attempt is kept without its key (the page shows why; an automatic renewal is not retried). */
  async function fail(p: PendingEnrolment, code: EnrolErrorCode, data: Record<string, string | number> = {}, cause?: unknown): Promise<never> {
    await store.savePendingEnrolment(profileId, settled(p, { step: 'failed', error: { code, at: now().toISOString() } }), p.id);
    await store.appendLog({ profileId, level: 'warn', code: `ENROL_${code}`, message: `certificate enrolment ${p.id} stopped` });
    throw new EnrolError(code, data, { cause });
  }

  /**
   * An automatic renewal that failed before anything was written (limits, enrolment data, no network) still
   * counts as tried for this certificate, so the next sync does not start it again (no loop).
   */
  async function noteFailedStart(trigger: PendingEnrolment['trigger'], current: Credentials, error: unknown): Promise<never> {
    if (trigger === 'auto') {
      const at = now().toISOString();
      const code = typeof (error as { code?: unknown })?.code === 'string' ? String((error as { code: string }).code) : 'UNEXPECTED';
      const id = (deps.newId ?? (() => crypto.randomUUID()))();
      await store.savePendingEnrolment(profileId, {
        id, step: 'failed', trigger, startedAt: at, updatedAt: at, replacing: current.certificate.fingerprintSha256,
        certificateName: certificateName(now(), id), error: { code, at },
      }, null).catch(() => false);
    }
    throw error;
  }

  async function start(trigger: PendingEnrolment['trigger'], current: Credentials): Promise<PendingEnrolment> {
    const limits = await ksef.limits();
    if (!limits.canRequest) throw new EnrolError('LIMIT_REACHED');
    let dn;
    try {
      dn = await ksef.enrollmentData();
    } catch (error) {
      const refusal = refusalOf(error);
      throw refusal ? new EnrolError(refusal.code, { code: refusal.ksefCode }, { cause: error }) : error;
    }
    const id = (deps.newId ?? (() => crypto.randomUUID()))();
    const at = now().toISOString();
    // The key and its CSR are made and written with the attempt in one put, where pkijs is (heavy.ts); the
    // record is read back for the key, which this context keeps only as the store's CryptoKey.
    const csr = await deps.heavy.startEnrolment(profileId, {
      id, step: 'key', trigger, startedAt: at, updatedAt: at, replacing: current.certificate.fingerprintSha256,
      certificateName: certificateName(now(), id),
    }, dn);
    if (!csr) throw new EnrolError('ALREADY_RUNNING');
    const pending = await store.getPendingEnrolment(profileId);
    if (pending?.id !== id) throw new EnrolError('SUPERSEDED');
    return pending;
  }

  async function submit(p: PendingEnrolment, resumed: boolean): Promise<PendingEnrolment> {
    if (resumed) {
      // The POST may have reached KSeF before the worker died: the unique name finds what it issued.
      const found = (await ksef.query({ name: p.certificateName })).certificates.find((c) => c.name === p.certificateName);
      if (found) return advance(p, { step: 'issued', serialNumber: found.certificateSerialNumber });
    }
    try {
      const body = { certificateName: p.certificateName, certificateType: 'Authentication' as const, csr: bytesToBase64(p.csr!) };
      const { referenceNumber } = await ksef.enroll(body);
      return await advance(p, { step: 'submitted', referenceNumber });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return fail(p, refusal.code, { code: refusal.ksefCode }, error);
      throw error;
    }
  }

  async function poll(p: PendingEnrolment): Promise<PendingEnrolment> {
    for (const delay of deps.pollDelaysMs ?? ENROL_POLL_DELAYS_MS) {
      await clock.sleep(delay);
      let answer;
      try {
        answer = await ksef.status(p.referenceNumber!);
      } catch (error) {
        if (isKsefError(error) && error.status === 410) return fail(p, 'ENROLMENT_EXPIRED', {}, error);
        throw error;
      }
      const { code, description } = answer.status;
      if (code === 100) continue;
      if (code === 200 && answer.certificateSerialNumber) return advance(p, { step: 'issued', serialNumber: answer.certificateSerialNumber });
      return fail(p, 'ENROLMENT_REFUSED', { code, description: [description, ...(answer.status.details ?? [])].join(' ') });
    }
    throw new EnrolError('ENROLMENT_PENDING');
  }

  async function retrieve(p: PendingEnrolment, profile: Profile): Promise<PendingEnrolment> {
    const { certificates } = await ksef.retrieve([p.serialNumber!]);
    const item = certificates.find((c) => c.certificateSerialNumber === p.serialNumber);
    if (!item) throw new EnrolError('CERTIFICATE_NOT_RETURNED');
    const der = base64ToBytes(item.certificate);
    const { certificate: info, why } = await deps.heavy.checkIssued({
      profileId, enrolmentId: p.id, certificate: der, now: now().toISOString(), environment: profile.environment, nip: profile.nip,
    });
    if (why) return fail(p, why as EnrolErrorCode);
    return advance(p, { step: 'retrieved', certificateDer: new Uint8Array(info.der) });
  }

  async function switchOver(p: PendingEnrolment, previous: Credentials): Promise<EnrolResult> {
    const certificate = await deps.heavy.readCertificate(p.certificateDer!);
    try {
      await deps.loginWith({ certificate, privateKey: p.privateKey!, enrolmentId: p.id });
    } catch (error) {
      // The certificate stays ready ('retrieved'): the next try only logs in again, no new request is made.
      const reason = (error as Error)?.message ?? String(error);
      await store.appendLog({ profileId, level: 'warn', code: 'ENROL_NEW_LOGIN_FAILED', message: `login with the new certificate failed (${(error as { code?: string })?.code ?? 'error'})` });
      throw new EnrolError('NEW_LOGIN_FAILED', { reason }, { cause: error });
    }
    const old = previous.certificate;
    const serial = ksefSerial(old.serialNumberHex);
    const replaced = isKsefIssued(old) && serial
      ? { serialNumber: serial, commonName: old.subject.commonName ?? old.subjectDn, notAfter: old.notAfter.toISOString() }
      : undefined;
    const credentials = await store.switchToEnrolled(profileId, p.id, certificate, settled(p, { step: 'switched', ...(replaced ? { replaced } : {}) }));
    if (!credentials) throw new EnrolError('SUPERSEDED');
    await store.appendLog({ profileId, level: 'info', code: 'CERTIFICATE_ENROLLED', message: `switched to the certificate made in the browser (serial ${p.serialNumber})` });
    return { credentials, ...(replaced ? { replaced } : {}) };
  }

  /** Starts a new attempt, or resumes the one in flight; resolves once the profile uses the new certificate. */
  async function run(trigger: PendingEnrolment['trigger'] = 'user'): Promise<EnrolResult> {
    const profile = await store.getProfile(profileId);
    const current = await store.getCredentials(profileId);
    if (!profile || !current) throw new EnrolError('NO_CREDENTIALS');
    const found = await store.getPendingEnrolment(profileId);
    const resuming = found !== undefined && IN_FLIGHT.has(found.step);
    let p = resuming ? found : await start(trigger, current).catch((error: unknown) => noteFailedStart(trigger, current, error));
    if (resuming && clock.now() - Date.parse(p.startedAt) > ENROLMENT_RETENTION_MS) return fail(p, 'ENROLMENT_EXPIRED');
    if (p.step === 'key') p = await advance(p, { step: 'submitting' });
    else if (p.step === 'submitting') p = await submit(p, true);
    if (p.step === 'submitting') p = await submit(p, false);
    if (p.step === 'submitted') p = await poll(p);
    if (p.step === 'issued') p = await retrieve(p, profile);
    return switchOver(p, current);
  }

  return {
    run,

    /** A worker's restart: continues the attempt in flight, if any (null when there is none). */
    async resume(): Promise<EnrolResult | null> {
      const found = await store.getPendingEnrolment(profileId);
      return found && IN_FLIGHT.has(found.step) ? run(found.trigger) : null;
    },

    abandon: () => abandonEnrolment(store, profileId),
  };
}

/** Drops the attempt (its key with it); the profile's credentials stay as they are. */
export async function abandonEnrolment(store: Pick<EnrolStore, 'getPendingEnrolment' | 'clearPendingEnrolment' | 'appendLog'>, profileId: string): Promise<boolean> {
  const found = await store.getPendingEnrolment(profileId);
  if (!found) return false;
  const cleared = await store.clearPendingEnrolment(profileId, found.id);
  if (cleared) await store.appendLog({ profileId, level: 'info', code: 'ENROL_ABANDONED', message: `certificate enrolment ${found.id} abandoned at ${found.step}` });
  return cleared;
}
