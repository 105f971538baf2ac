import { t, type Lang, type MessageKey, type Params } from '../i18n/worker';
import { catalogError, errorGuard } from '../core/errors';

/** Every way reading a certificate or a key can fail; each has a message in both languages. */
export const PKI_ERROR_CODES = [
  'WRONG_PASSWORD', 'PASSWORD_REQUIRED', 'NOT_A_CERTIFICATE', 'NOT_A_PRIVATE_KEY', 'UNSUPPORTED_KEY_FORMAT',
  'UNSUPPORTED_ALGORITHM', 'LEGACY_ENCRYPTION', 'CORRUPT_FILE', 'KEY_CERT_MISMATCH', 'FILE_TOO_LARGE',
  'EMPTY_FILE', 'PKCS12_INCOMPLETE',
] as const;
export type PkiErrorCode = (typeof PKI_ERROR_CODES)[number];

/** What a PKCS12_INCOMPLETE file lacks; the message names it in the reader's language. */
export type MissingPart = 'key' | 'certificate';

export function pkiErrorMessage(lang: Lang, code: PkiErrorCode, data: Params = {}): string {
  const params =
    code === 'PKCS12_INCOMPLETE' && (data.missing === 'key' || data.missing === 'certificate')
      ? { ...data, missing: t(lang, `pki_missing_${data.missing}`) }
      : data;
  return t(lang, `pki_error_${code}` as MessageKey, params);
}

/** A failure to read the user's certificate or key; both messages say what to do. */
export class PkiError extends catalogError('PkiError', PKI_ERROR_CODES, pkiErrorMessage) {}

export const isPkiError = errorGuard<PkiError>('PkiError', PKI_ERROR_CODES);

/** Upper bound for any file the user hands us; AP's .crt and .key are a few kilobytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
