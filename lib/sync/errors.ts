// Failures of the sync that a page shows to the user (through the worker's message answers): a stable code
// and the message in Polish and English from the catalog (STYLE rules 8–10).
import { t, type MessageKey, type Params } from '../i18n/shared';
import { errorGuard, KsefPilotError } from '../core/errors';

export const SYNC_ERROR_CODES = [
  'PROFILE_NOT_FOUND',
  'NO_CREDENTIALS',
  'INVOICE_NOT_FOUND',
  'BLOCKED',
  'STORAGE_FULL', // the browser refused to store invoices: the disk or the extension's storage quota is full
  'UNEXPECTED',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export class SyncError extends KsefPilotError<SyncErrorCode> {
  override readonly name = 'SyncError';
  declare readonly messageEn: string;

  constructor(code: SyncErrorCode, data: Params = {}, options?: { cause?: unknown }) {
    super(code, (lang) => t(lang, `sync_error_${code}` as MessageKey, data), data, options);
  }
}

export const isSyncError = errorGuard<SyncError>('SyncError', SYNC_ERROR_CODES);
