// "Unieważnij poprzedni certyfikat" (issue 14 point 1): offered after a switch only when KSeF issued the
// certificate replaced (enrol-ops.ts isKsefIssued); revoked with reason Superseded [OA#CertificateRevocationReason]
// over the profile's login, which now uses the new certificate of the same identity (KSeF lets a subject revoke
// its own certificates, [OA:POST /certificates/{certificateSerialNumber}/revoke]).
import { CERTIFICATE_EXCEPTIONS } from '../ksef/api-certificates';
import { isKsefError } from '../ksef/errors';
import type { Store } from '../store';
import type { CertificateOps } from './enrol-ops';
import { EnrolError } from './enrol-errors';

export interface RevokeDeps {
  store: Pick<Store, 'getPendingEnrolment' | 'savePendingEnrolment' | 'appendLog'>;
  ksef: Pick<CertificateOps, 'revoke'>;
}

export async function revokeReplaced(deps: RevokeDeps, profileId: string, serialNumber: string): Promise<{ revoked: true }> {
  const pending = await deps.store.getPendingEnrolment(profileId);
  const replaced = pending?.step === 'switched' ? pending.replaced : undefined;
  if (!pending || !replaced || replaced.serialNumber !== serialNumber || replaced.revoked) throw new EnrolError('NOT_REVOCABLE');
  try {
    await deps.ksef.revoke(serialNumber, 'Superseded');
  } catch (error) {
    // 25009: already revoked (a repeat after a lost answer, or revoked in Aplikacja Podatnika): the goal is met.
    const codes = isKsefError(error) && error.status === 400 ? error.exceptionCodes : [];
    if (codes.includes(CERTIFICATE_EXCEPTIONS.certificateNotFound)) throw new EnrolError('NOT_REVOCABLE', {}, { cause: error });
    if (!codes.includes(CERTIFICATE_EXCEPTIONS.cannotRevoke)) throw error;
  }
  await deps.store.savePendingEnrolment(profileId, { ...pending, replaced: { ...replaced, revoked: true } }, pending.id);
  await deps.store.appendLog({ profileId, level: 'info', code: 'CERTIFICATE_REVOKED', message: `previous KSeF certificate ${serialNumber} revoked (Superseded)` });
  return { revoked: true };
}
