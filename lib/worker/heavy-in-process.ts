// HeavyWork done here, in this context (lib/worker/heavy.ts): in Chrome's offscreen document, in Firefox's event
// page (imported lazily by entrypoints/background.ts) and in Node's tests. It reads the keys it is told about from
// the store itself, so the caller never holds or sends one for it.
import { buildCsr, generateEnrolmentKey } from '../custody/csr';
import { whyNotUsable } from '../custody/enrol-check';
import { readCertificate } from '../pki/certificate';
import { checkInvoiceBasics } from '../send/check/basic';
import { earlierSendFinder } from '../send/earlier';
import type { Credentials, PendingEnrolment, Store } from '../store';
import { signAuthTokenRequest } from '../xades';
import type { HeavyWork, KeyRef } from './heavy';

type HeavyStore = Pick<Store, 'getCredentials' | 'getPendingEnrolment' | 'savePendingEnrolment' | 'getProfile'> & Parameters<typeof earlierSendFinder>[0];

/** Why a stored key was not there: the caller's record changed under it (a developer message: no user sees it). */
function missingKey(ref: KeyRef): TypeError {
  return new TypeError(`no stored key for ${ref.source} of profile "${ref.profileId}"`);
}

export function createInProcessHeavyWork(store: HeavyStore, options: { generateKey?: () => Promise<CryptoKeyPair> } = {}): HeavyWork {
  async function enrolment(profileId: string, enrolmentId: string): Promise<PendingEnrolment & { privateKey: CryptoKey }> {
    const pending = await store.getPendingEnrolment(profileId);
    if (pending?.id !== enrolmentId || !pending.privateKey) throw missingKey({ profileId, source: 'enrolment', enrolmentId });
    return pending as PendingEnrolment & { privateKey: CryptoKey };
  }

  async function signingCredentials(ref: KeyRef): Promise<Pick<Credentials, 'certificate'> & { privateKey: CryptoKey }> {
    if (ref.source === 'credentials') {
      const credentials = await store.getCredentials(ref.profileId);
      if (!credentials?.privateKey) throw missingKey(ref);
      return { certificate: credentials.certificate, privateKey: credentials.privateKey };
    }
    const pending = await enrolment(ref.profileId, ref.enrolmentId);
    if (!pending.certificateDer) throw missingKey(ref);
    return { certificate: await readCertificate(pending.certificateDer), privateKey: pending.privateKey };
  }

  return {
    async sign(request) {
      const { certificate, privateKey } = await signingCredentials(request.key);
      return signAuthTokenRequest({
        challenge: request.challenge,
        contextIdentifier: { ...request.contextIdentifier },
        subjectIdentifierType: request.subjectIdentifierType,
        certificate,
        privateKey,
        signingTime: new Date(request.signingTime),
      });
    },

    async startEnrolment(profileId, pending, dn) {
      const keys = await (options.generateKey ?? generateEnrolmentKey)();
      const csr = await buildCsr(dn, keys);
      const saved = await store.savePendingEnrolment(profileId, { ...pending, privateKey: keys.privateKey, csr }, null);
      return saved ? csr : null;
    },

    async checkIssued(request) {
      const pending = await enrolment(request.profileId, request.enrolmentId);
      const certificate = await readCertificate(request.certificate);
      const why = await whyNotUsable(certificate, pending.privateKey, { now: new Date(request.now), environment: request.environment, nip: request.nip });
      return { certificate, why };
    },

    readCertificate: (der) => readCertificate(der),

    async checkSendFile({ profileId, fileName, xml, now }) {
      const profile = await store.getProfile(profileId);
      if (!profile) throw new TypeError(`no profile "${profileId}"`);
      const ctx = { profiles: [{ id: profile.id, nip: profile.nip, name: profile.name }], profileId, now: new Date(now), findEarlier: earlierSendFinder(store) };
      const result = await checkInvoiceBasics({ name: fileName, bytes: new TextEncoder().encode(xml) }, ctx);
      return { ok: result.ok && result.facts !== undefined, codes: result.problems.map((p) => p.code), ...(result.facts ? { facts: result.facts } : {}) };
    },
  };
}
