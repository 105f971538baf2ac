// NIP rules live in lib/domain/nip.ts (NOTES §11); this file keeps the catalog wording of a refused NIP.
import type { NipErrorCode } from '../domain/nip';
import { t, type Lang } from '../i18n/worker';

export { isValidNip, normalizeNip, validateNip, type NipErrorCode, type NipValidation } from '../domain/nip';

/** The catalog message for a refused NIP. */
export function nipErrorMessage(lang: Lang, code: NipErrorCode): string {
  return t(lang, code === 'NIP_FORMAT' ? 'nip_error_format' : 'nip_error_checksum');
}
