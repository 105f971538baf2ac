// Why making a certificate in the browser stopped: a stable code and both languages (STYLE rules 8–10), the
// words in the catalog (custody_error_*). Each says what happened to the profile's credentials (they stay as
// they were unless the switch succeeded) and what to do.
import { catalogError, errorGuard } from '../core/errors';
import { t, type Lang, type MessageKey, type Params } from '../i18n/worker';
import { isKsefError } from '../ksef/errors';

export const ENROL_ERROR_CODES = [
  'NO_CREDENTIALS', // the profile has no certificate to log in with, so KSeF cannot be asked for one
  'NO_USABLE_KEY', // locked mode without a login in force: the password is needed first
  'ALREADY_RUNNING', // another attempt of this profile is in flight
  'LIMIT_REACHED', // /certificates/limits canRequest false, or 25006/25007
  'TOKEN_LOGIN', // the login was by KSeF token (25001/25002): only a signature login may enrol (NOTES §4.3)
  'DN_MISMATCH', // 25003: the request's subject differs from the login certificate's
  'CSR_REFUSED', // 25004/25010/25011: KSeF refused the request's format, key or signature
  'ENROLMENT_REFUSED', // the enrolment ended 400/500/550
  'ENROLMENT_PENDING', // still being processed after the polls: continued later
  'ENROLMENT_EXPIRED', // 410 or older than KSeF keeps it (30 days)
  'CERTIFICATE_NOT_RETURNED', // /certificates/retrieve did not return the serial issued
  'KEY_MISMATCH', // the certificate's public key is not ours
  'NOT_AUTHENTICATION', // keyUsage is not digitalSignature alone (an Offline certificate)
  'CERTIFICATE_INVALID', // not valid now or for this environment (lib/pki checkCertificate)
  'NEW_LOGIN_FAILED', // the login with the new certificate failed: the previous one stays in use
  'SUPERSEDED', // the profile's credentials were replaced meanwhile (other files saved, or abandoned)
  'NOT_REVOCABLE', // the previous certificate is not one KSeF issued, or was revoked already
] as const;
export type EnrolErrorCode = (typeof ENROL_ERROR_CODES)[number];

const message = (lang: Lang, code: EnrolErrorCode, data: Params) => t(lang, `custody_error_${code}` as MessageKey, data);

export class EnrolError extends catalogError('EnrolError', ENROL_ERROR_CODES, message) {}

export const isEnrolError = errorGuard<EnrolError>('EnrolError', ENROL_ERROR_CODES);

/** KSeF's refusals of the certificate operations [OA: 400 tables of /certificates/*] as our codes. */
const KSEF_REFUSALS: Record<number, EnrolErrorCode> = {
  25001: 'TOKEN_LOGIN', 25002: 'TOKEN_LOGIN', 25003: 'DN_MISMATCH', 25004: 'CSR_REFUSED', 25006: 'LIMIT_REACHED',
  25007: 'LIMIT_REACHED', 25010: 'CSR_REFUSED', 25011: 'CSR_REFUSED',
};

export function refusalOf(error: unknown): { code: EnrolErrorCode; ksefCode: number } | null {
  if (!isKsefError(error) || error.status !== 400) return null;
  const ksefCode = error.exceptionCodes.find((c) => c in KSEF_REFUSALS);
  return ksefCode === undefined ? null : { code: KSEF_REFUSALS[ksefCode]!, ksefCode };
}

