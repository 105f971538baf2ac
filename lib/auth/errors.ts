import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { hasErrorShape } from '../coded-error';

/**
 * Why a login failed, in terms a user can act on. Codes from the final auth status (NOTES §3.6: 415, 425,
 * 450, 460 split by its detail, 470, 480, 500, 550), from the synchronous rejection of the signed request
 * (21115, 9105, 21111, 21117), and from the login flow itself (LOGIN_PENDING, NO_TOKEN_KEY).
 */
export type AuthErrorCode =
  | 'NO_PERMISSIONS'
  | 'AUTH_REVOKED'
  | 'TOKEN_REJECTED'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_REVOKED'
  | 'CERTIFICATE_SUSPENDED'
  | 'CERTIFICATE_UNTRUSTED'
  | 'CERTIFICATE_INVALID'
  | 'DECEASED_PERSON'
  | 'BLOCKED'
  | 'KSEF_INTERNAL_ERROR'
  | 'CANCELLED_BY_SYSTEM'
  | 'UNKNOWN_STATUS'
  | 'CERTIFICATE_NOT_ACCEPTED'
  | 'SIGNATURE_REJECTED'
  | 'CHALLENGE_REJECTED'
  | 'SUBJECT_MISMATCH'
  | 'LOGIN_PENDING'
  | 'NO_TOKEN_KEY';

export const AUTH_ERROR_CODES: readonly AuthErrorCode[] = [
  'NO_PERMISSIONS',
  'AUTH_REVOKED',
  'TOKEN_REJECTED',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_REVOKED',
  'CERTIFICATE_SUSPENDED',
  'CERTIFICATE_UNTRUSTED',
  'CERTIFICATE_INVALID',
  'DECEASED_PERSON',
  'BLOCKED',
  'KSEF_INTERNAL_ERROR',
  'CANCELLED_BY_SYSTEM',
  'UNKNOWN_STATUS',
  'CERTIFICATE_NOT_ACCEPTED',
  'SIGNATURE_REJECTED',
  'CHALLENGE_REJECTED',
  'SUBJECT_MISMATCH',
  'LOGIN_PENDING',
  'NO_TOKEN_KEY',
];

export function authErrorMessage(lang: Lang, code: AuthErrorCode, data: Params = {}): string {
  return t(lang, `auth_error_${code}` as MessageKey, data);
}

/**
 * A login that KSeF refused or did not finish. `message` is Polish, `messageEn` English; `data` holds what
 * the message names (NIP, KSeF's detail, dates). `ksefStatus` is the auth status code (415, 460, …) or
 * `exceptionCode` the synchronous one (21115, …). Branch on `code` or `name === 'AuthError'`.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly data: Params;
  readonly ksefStatus: number | undefined;
  readonly exceptionCode: number | undefined;
  readonly messageEn: string;

  constructor(
    code: AuthErrorCode,
    data: Params = {},
    options: { cause?: unknown; ksefStatus?: number; exceptionCode?: number } = {},
  ) {
    super(authErrorMessage('pl', code, data), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.data = data;
    this.ksefStatus = options.ksefStatus;
    this.exceptionCode = options.exceptionCode;
    this.messageEn = authErrorMessage('en', code, data);
  }

  messageIn(lang: Lang): string {
    return authErrorMessage(lang, this.code, this.data);
  }

  toJSON() {
    const { name, code, data, ksefStatus, exceptionCode, message, messageEn } = this;
    return { name, code, data, ksefStatus, exceptionCode, message, messageEn };
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return hasErrorShape(value, 'AuthError', AUTH_ERROR_CODES);
}
