// Failures of locked mode (issue 14 point 3) the user reads: a stable code and both languages (STYLE rules 8–10).
// UNLOCK_NEEDED also travels through the sync as its failure code (lib/worker/unlock-handlers.ts), so its message
// comes from the worker's catalog.
import { t, type Lang, type MessageKey, type Params } from '../i18n/worker';
import { catalogError, errorGuard } from '../core/errors';

export const LOCK_ERROR_CODES = [
  'WRONG_PASSWORD', // data.attempt: the wrong tries since the last good password, counted in the record
  'UNLOCK_NEEDED', // a new login needs the key and the profile is locked: the worker does not sign, it asks
  'PASSWORD_EMPTY',
  'KEY_FILE_MISSING', // locking needs the key file again: the page did not keep it after set-up
  'BROWSER_KEY', // a key born in the browser has no file and no password: it cannot be locked
  'NOT_LOCKED',
  'ALREADY_LOCKED',
  'NO_CREDENTIALS',
] as const;
export type LockErrorCode = (typeof LOCK_ERROR_CODES)[number];

const lockErrorMessage = (lang: Lang, code: LockErrorCode, data: Params) => t(lang, `lock_error_${code}` as MessageKey, data);

export class LockError extends catalogError('LockError', LOCK_ERROR_CODES, lockErrorMessage) {}

export const isLockError = errorGuard<LockError>('LockError', LOCK_ERROR_CODES);

/**
 * After this many wrong passwords in a row the page also says how to start over with the files. Nothing is
 * deleted and nothing slows down: the sealed key at rest can be attacked offline anyway, so a lock-out would only
 * hurt the owner; the defence is the 600 000-iteration derivation (locked-seal.ts).
 */
export const MANY_WRONG_PASSWORDS = 5;
