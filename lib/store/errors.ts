// The store has no user-facing text: a StoreError is a programming or data fault that the worker logs and
// lib/diagnostics maps by `code` (STYLE rules 8 and 9: branch on `code` or `name`, not on instanceof).
import { errorGuard, KsefPilotError } from '../core/errors';

export const STORE_ERROR_CODES = [
  'INVALID_RECORD', // a record given to a write function does not match its schema
  'CORRUPT_RECORD', // a record read from IndexedDB does not match its schema (a bug or an unknown version)
  'PROFILE_NOT_FOUND', // a write names a profile that does not exist (deleted meanwhile): nothing is written
  'NOT_FOUND', // an update names a record that does not exist
  'SECRET_FIELD', // a field named like a password, PIN or secret: such values are never stored
  'EXTRACTABLE_KEY', // a private key that could be exported: only non-extractable signing keys are stored
  'OPEN_FAILED', // the database could not be opened (or was opened by a newer version of the extension)
  'STORAGE_FULL', // the browser refused a write because the disk or the storage quota is full
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A failed store operation. `message` names the operation and the target, never a stored value. */
export class StoreError extends KsefPilotError<StoreErrorCode> {
  static override readonly codes = STORE_ERROR_CODES;
  override readonly name = 'StoreError';

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, {}, options);
  }
}

export const isStoreError = errorGuard<StoreError>('StoreError', STORE_ERROR_CODES);

/** DOMException names of a refused write for lack of space (Firefox before 2019 used its own). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * True when the disk or the storage quota refused a write, however the error arrives: the DOMException
 * itself (idb rejects with the request's or transaction's `error`), an AbortError whose cause is one, or a
 * StoreError that wraps one. Branches on `name`/`code` only (STYLE rule 9); follows at most 5 causes.
 */
export function isQuotaExceeded(value: unknown): boolean {
  let current: unknown = value;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const e = current as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
    if (e.name === 'StoreError' && e.code === 'STORAGE_FULL') return true;
    // DOMException's legacy numeric code 22 is QUOTA_EXCEEDED_ERR.
    if (typeof DOMException !== 'undefined' && current instanceof DOMException && e.code === 22) return true;
    current = e.cause;
  }
  return false;
}
