// Maps KSeF's login outcomes to AuthError codes (NOTES §3.6 "Practical mapping").
import { isKsefError, type StatusInfo } from '../ksef';
import { AuthError, type AuthErrorCode } from './errors';

export interface StatusFacts {
  /** The organisation's NIP (the login context). */
  nip: string;
  /** Validity of the certificate used, to tell "expired" from "not yet valid" in a 460. */
  certificate?: { notBefore: Date; notAfter: Date };
  now: number;
}

const SIMPLE_STATUS: Partial<Record<number, AuthErrorCode>> = {
  415: 'NO_PERMISSIONS',
  425: 'AUTH_REVOKED',
  450: 'TOKEN_REJECTED',
  470: 'DECEASED_PERSON',
  480: 'BLOCKED',
  500: 'KSEF_INTERNAL_ERROR',
  550: 'CANCELLED_BY_SYSTEM',
};

// 460 details as listed in [OA#AuthenticationOperationStatusResponse] (Polish), with English equivalents.
const CERTIFICATE_DETAILS: readonly [RegExp, AuthErrorCode][] = [
  [/odwołan|revoked/i, 'CERTIFICATE_REVOKED'],
  [/zawieszon|suspended/i, 'CERTIFICATE_SUSPENDED'],
  [/łańcuch|chain|untrusted/i, 'CERTIFICATE_UNTRUSTED'],
  [/not yet valid/i, 'CERTIFICATE_NOT_YET_VALID'],
  [/expired/i, 'CERTIFICATE_EXPIRED'],
];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function certificateCode(detail: string, facts: StatusFacts): AuthErrorCode {
  const named = CERTIFICATE_DETAILS.find(([pattern]) => pattern.test(detail));
  if (named) return named[1];
  // "Nieważny certyfikat" covers both ends of the validity period; our copy of the certificate says which.
  const cert = facts.certificate;
  if (cert && facts.now > cert.notAfter.getTime()) return 'CERTIFICATE_EXPIRED';
  if (cert && facts.now < cert.notBefore.getTime()) return 'CERTIFICATE_NOT_YET_VALID';
  return 'CERTIFICATE_INVALID';
}

/** The error for a final auth status other than 200 (100 is not final and must not be passed). */
export function authStatusError(status: StatusInfo, facts: StatusFacts): AuthError {
  const detail = (status.details ?? []).join(' ').trim() || status.description;
  const data = { nip: facts.nip, detail, code: status.code, description: status.description };
  const options = { ksefStatus: status.code };
  if (status.code === 460) {
    const code = certificateCode(detail, facts);
    const date =
      code === 'CERTIFICATE_EXPIRED' && facts.certificate
        ? isoDate(facts.certificate.notAfter)
        : code === 'CERTIFICATE_NOT_YET_VALID' && facts.certificate
          ? isoDate(facts.certificate.notBefore)
          : '';
    return new AuthError(code, { ...data, date }, options);
  }
  return new AuthError(SIMPLE_STATUS[status.code] ?? 'UNKNOWN_STATUS', data, options);
}

const SUBMIT_EXCEPTIONS: Partial<Record<number, AuthErrorCode>> = {
  21115: 'CERTIFICATE_NOT_ACCEPTED',
  9105: 'SIGNATURE_REJECTED',
  21111: 'CHALLENGE_REJECTED',
  21117: 'SUBJECT_MISMATCH',
};

/**
 * A synchronous rejection of the signed request (or token request) as an AuthError; anything else (network,
 * rate limit, an unlisted code) is returned unchanged for the caller to rethrow.
 */
export function submitError(error: unknown, nip: string): unknown {
  if (!isKsefError(error) || error.status !== 400) return error;
  for (const exception of error.exceptions) {
    const code = SUBMIT_EXCEPTIONS[exception.code];
    if (code) {
      const detail = exception.details.join(' ').trim() || exception.description;
      return new AuthError(code, { nip, detail }, { cause: error, exceptionCode: exception.code });
    }
  }
  return error;
}
