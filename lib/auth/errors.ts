import { t, type Lang, type MessageKey, type Params } from '../i18n/worker';
import { catalogError, errorGuard } from '../core/errors';

/**
 * Why a login failed, in terms a user can act on. Codes from the final auth status (NOTES §3.6: 415, 425,
 * 450, 460 split by its detail, 470, 480, 500, 550), from the synchronous rejection of the signed request
 * (21115, 9105, 21111, 21117), and from the login flow itself (LOGIN_PENDING, NO_TOKEN_KEY).
 */
export const AUTH_ERROR_CODES = [
  'NO_PERMISSIONS', 'AUTH_REVOKED', 'TOKEN_REJECTED', 'CERTIFICATE_EXPIRED', 'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_REVOKED', 'CERTIFICATE_SUSPENDED', 'CERTIFICATE_UNTRUSTED', 'CERTIFICATE_INVALID', 'DECEASED_PERSON',
  'BLOCKED', 'KSEF_INTERNAL_ERROR', 'CANCELLED_BY_SYSTEM', 'UNKNOWN_STATUS', 'CERTIFICATE_NOT_ACCEPTED',
  'SIGNATURE_REJECTED', 'CHALLENGE_REJECTED', 'SUBJECT_MISMATCH', 'LOGIN_PENDING', 'NO_TOKEN_KEY',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export function authErrorMessage(lang: Lang, code: AuthErrorCode, data: Params = {}): string {
  return t(lang, `auth_error_${code}` as MessageKey, data);
}

/**
 * A login that KSeF refused or did not finish. `data` holds what the message names (NIP, KSeF's detail,
 * dates). `ksefStatus` is the auth status code (415, 460, …) or `exceptionCode` the synchronous one (21115, …).
 */
export class AuthError extends catalogError('AuthError', AUTH_ERROR_CODES, authErrorMessage) {
  readonly ksefStatus: number | undefined;
  readonly exceptionCode: number | undefined;

  constructor(
    code: AuthErrorCode,
    data: Params = {},
    options: { cause?: unknown; ksefStatus?: number; exceptionCode?: number } = {},
  ) {
    super(code, data, options);
    this.ksefStatus = options.ksefStatus;
    this.exceptionCode = options.exceptionCode;
  }

  override toJSON() {
    return { ...super.toJSON(), ksefStatus: this.ksefStatus, exceptionCode: this.exceptionCode };
  }
}

export const isAuthError = errorGuard<AuthError>('AuthError', AUTH_ERROR_CODES);
