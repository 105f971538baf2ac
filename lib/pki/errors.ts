import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { hasErrorShape } from '../coded-error';

/** Every way reading a certificate or a key can fail; each has a message in both languages. */
export type PkiErrorCode =
  | 'WRONG_PASSWORD'
  | 'PASSWORD_REQUIRED'
  | 'NOT_A_CERTIFICATE'
  | 'NOT_A_PRIVATE_KEY'
  | 'UNSUPPORTED_KEY_FORMAT'
  | 'UNSUPPORTED_ALGORITHM'
  | 'LEGACY_ENCRYPTION'
  | 'CORRUPT_FILE'
  | 'KEY_CERT_MISMATCH'
  | 'FILE_TOO_LARGE'
  | 'EMPTY_FILE'
  | 'PKCS12_INCOMPLETE';

export const PKI_ERROR_CODES: readonly PkiErrorCode[] = [
  'WRONG_PASSWORD',
  'PASSWORD_REQUIRED',
  'NOT_A_CERTIFICATE',
  'NOT_A_PRIVATE_KEY',
  'UNSUPPORTED_KEY_FORMAT',
  'UNSUPPORTED_ALGORITHM',
  'LEGACY_ENCRYPTION',
  'CORRUPT_FILE',
  'KEY_CERT_MISMATCH',
  'FILE_TOO_LARGE',
  'EMPTY_FILE',
  'PKCS12_INCOMPLETE',
];

/** What a PKCS12_INCOMPLETE file lacks; the message names it in the reader's language. */
export type MissingPart = 'key' | 'certificate';

export function pkiErrorMessage(lang: Lang, code: PkiErrorCode, data: Params = {}): string {
  const params =
    code === 'PKCS12_INCOMPLETE' && (data.missing === 'key' || data.missing === 'certificate')
      ? { ...data, missing: t(lang, `pki_missing_${data.missing}`) }
      : data;
  return t(lang, `pki_error_${code}` as MessageKey, params);
}

/**
 * A failure to read the user's certificate or key. `message` is Polish (what the user reads first),
 * `messageEn` English; both say what to do. `data` holds the values the message names.
 * Branch on `code` (or `name === 'PkiError'`), never on instanceof alone: errors cross message boundaries.
 */
export class PkiError extends Error {
  override readonly name = 'PkiError';
  readonly code: PkiErrorCode;
  readonly data: Params;
  readonly messageEn: string;

  constructor(code: PkiErrorCode, data: Params = {}, options?: { cause?: unknown }) {
    super(pkiErrorMessage('pl', code, data), options);
    this.code = code;
    this.data = data;
    this.messageEn = pkiErrorMessage('en', code, data);
  }

  messageIn(lang: Lang): string {
    return pkiErrorMessage(lang, this.code, this.data);
  }
}

export function isPkiError(value: unknown): value is PkiError {
  return hasErrorShape(value, 'PkiError', PKI_ERROR_CODES);
}

/** Upper bound for any file the user hands us; AP's .crt and .key are a few kilobytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
