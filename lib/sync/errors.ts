// Failures of the sync that a page shows to the user (through the worker's message answers): a stable code
// and the message in Polish and English from the catalog (STYLE rules 8–10).
import { t, type Lang, type MessageKey, type Params } from '../i18n/shared';
import { catalogError, errorGuard } from '../core/errors';

export const SYNC_ERROR_CODES = [
  'PROFILE_NOT_FOUND',
  'NO_CREDENTIALS',
  'INVOICE_NOT_FOUND',
  'BLOCKED',
  'STORAGE_FULL', // the browser refused to store invoices: the disk or the extension's storage quota is full
  'UNEXPECTED',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

const syncErrorMessage = (lang: Lang, code: SyncErrorCode, data: Params) => t(lang, `sync_error_${code}` as MessageKey, data);

export class SyncError extends catalogError('SyncError', SYNC_ERROR_CODES, syncErrorMessage) {}

export const isSyncError = errorGuard<SyncError>('SyncError', SYNC_ERROR_CODES);
