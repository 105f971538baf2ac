// What a certificate KSeF issued must be before the profile may use it (issue 14 point 1): its public key is the
// one generated in the browser (lib/pki key-match: a signature made with our key verifies), it is an
// Authentication certificate (keyUsage digitalSignature, NOTES §4.3), and lib/pki's local checks find no error.
import { KSEF_ENVIRONMENTS } from '../domain/environments';
import { checkCertificate } from '../pki/check';
import { keyMatchesCertificate } from '../pki/key-match';
import type { CertificateInfo, KsefEnvironment } from '../pki/types';
import type { EnrolErrorCode } from './enrol-errors';

export async function whyNotUsable(
  certificate: CertificateInfo,
  privateKey: CryptoKey,
  context: { now: Date; environment: string; nip: string },
): Promise<EnrolErrorCode | null> {
  if (!(await keyMatchesCertificate(privateKey, certificate.der))) return 'KEY_MISMATCH';
  if (certificate.purpose !== 'authentication') return 'NOT_AUTHENTICATION';
  const environment = KSEF_ENVIRONMENTS.includes(context.environment as KsefEnvironment) ? (context.environment as KsefEnvironment) : undefined;
  const findings = checkCertificate(certificate, { now: context.now, organizationNip: context.nip, ...(environment ? { environment } : {}) });
  return findings.some((f) => f.severity === 'error') ? 'CERTIFICATE_INVALID' : null;
}
