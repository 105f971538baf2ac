// The store has no user-facing text: a StoreError is a programming or data fault that the worker logs and
// lib/diagnostics maps by `code` (STYLE rules 8 and 9: branch on `code` or `name`, not on instanceof).
import { hasErrorShape } from '../coded-error';

export type StoreErrorCode =
  /** A record given to a write function does not match its schema. */
  | 'INVALID_RECORD'
  /** A record read from IndexedDB does not match its schema (written by a bug or an unknown version). */
  | 'CORRUPT_RECORD'
  /** A write names a profile that does not exist (deleted meanwhile): nothing is written. */
  | 'PROFILE_NOT_FOUND'
  /** An update names a record that does not exist. */
  | 'NOT_FOUND'
  /** A field named like a password, PIN or secret: such values are never stored. */
  | 'SECRET_FIELD'
  /** A private key that could be exported: only non-extractable signing keys are stored. */
  | 'EXTRACTABLE_KEY'
  /** The database could not be opened (or was opened by a newer version of the extension). */
  | 'OPEN_FAILED';

export const STORE_ERROR_CODES: readonly StoreErrorCode[] = [
  'INVALID_RECORD',
  'CORRUPT_RECORD',
  'PROFILE_NOT_FOUND',
  'NOT_FOUND',
  'SECRET_FIELD',
  'EXTRACTABLE_KEY',
  'OPEN_FAILED',
];

/** A failed store operation. `message` names the operation and the target, never a stored value. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isStoreError(value: unknown): value is StoreError {
  return hasErrorShape(value, 'StoreError', STORE_ERROR_CODES);
}
