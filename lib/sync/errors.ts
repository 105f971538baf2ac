// Failures of the sync that a page shows to the user (through the worker's message answers): a stable code
// and the message in Polish and English from the catalog (STYLE rules 8–10).
import { t, type MessageKey, type Params } from '../i18n';
import { hasErrorShape } from '../coded-error';

export type SyncErrorCode = 'PROFILE_NOT_FOUND' | 'NO_CREDENTIALS' | 'INVOICE_NOT_FOUND' | 'BLOCKED' | 'UNEXPECTED';

export const SYNC_ERROR_CODES: readonly SyncErrorCode[] = [
  'PROFILE_NOT_FOUND',
  'NO_CREDENTIALS',
  'INVOICE_NOT_FOUND',
  'BLOCKED',
  'UNEXPECTED',
];

export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly code: SyncErrorCode;
  readonly messageEn: string;
  readonly data: Params;

  constructor(code: SyncErrorCode, data: Params = {}, options?: { cause?: unknown }) {
    const key = `sync_error_${code}` as MessageKey;
    super(t('pl', key, data), options);
    this.code = code;
    this.messageEn = t('en', key, data);
    this.data = data;
  }
}

export function isSyncError(value: unknown): value is SyncError {
  return hasErrorShape(value, 'SyncError', SYNC_ERROR_CODES);
}
