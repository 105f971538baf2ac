// What each way a login fails means for the user (issue 10), next to the codes themselves: the compiler refuses
// a new AuthErrorCode until it is classified here, so the sync's notices and stalls cannot miss one.
import type { AuthErrorCode } from './errors';

/**
 * - login: the user must act on the certificate, token or KSeF access (notice "login is failing");
 * - permission: the login works, but the context grants nothing to read (NOTES §6);
 * - ksef: KSeF did not finish the login on its side (NOTES §3.6: 500, 550, an unknown status); retried.
 */
export type LoginProblemKind = 'login' | 'permission' | 'ksef';

export const AUTH_PROBLEM_KINDS: Readonly<Record<AuthErrorCode, LoginProblemKind>> = {
  NO_PERMISSIONS: 'permission',
  AUTH_REVOKED: 'login',
  TOKEN_REJECTED: 'login',
  CERTIFICATE_EXPIRED: 'login',
  CERTIFICATE_NOT_YET_VALID: 'login',
  CERTIFICATE_REVOKED: 'login',
  CERTIFICATE_SUSPENDED: 'login',
  CERTIFICATE_UNTRUSTED: 'login',
  CERTIFICATE_INVALID: 'login',
  DECEASED_PERSON: 'login',
  BLOCKED: 'login',
  KSEF_INTERNAL_ERROR: 'ksef',
  CANCELLED_BY_SYSTEM: 'ksef',
  UNKNOWN_STATUS: 'ksef',
  CERTIFICATE_NOT_ACCEPTED: 'login',
  SIGNATURE_REJECTED: 'login',
  CHALLENGE_REJECTED: 'login',
  SUBJECT_MISMATCH: 'login',
  LOGIN_PENDING: 'ksef',
  NO_TOKEN_KEY: 'login',
};

/** The same meaning from plain HTTP answers after the login: 401 (the token refused), 403 (no permission). */
const HTTP_PROBLEM_KINDS: Readonly<Record<string, LoginProblemKind>> = { HTTP_401: 'login', HTTP_403: 'permission' };

/** The kind of a failure code kept in a sync state, or undefined when it is no login problem. */
export function loginProblemKind(code: string | undefined): LoginProblemKind | undefined {
  if (code === undefined) return undefined;
  if (Object.hasOwn(AUTH_PROBLEM_KINDS, code)) return AUTH_PROBLEM_KINDS[code as AuthErrorCode];
  return Object.hasOwn(HTTP_PROBLEM_KINDS, code) ? HTTP_PROBLEM_KINDS[code] : undefined;
}
