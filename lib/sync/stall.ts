// Every way the sync can stop, named once (issue 10): the status the pages show and the notices both start
// from the code of the last failure kept in the Subject2 state. Some stalls resolve on their own (KSeF's
// pause, KSeF failing, no connection): the user hears of them only when they last. The others need the user.
import { loginProblemKind } from '../auth/login-problems';

export type StallCode =
  | 'RATE_LIMITED'
  | 'KSEF_ERRORS'
  | 'OFFLINE'
  | 'STORAGE_FULL'
  | 'LOGIN_REFUSED'
  | 'PERMISSIONS_LOST'
  | 'UNEXPECTED';

export const STALL_CODES: readonly StallCode[] = [
  'RATE_LIMITED',
  'KSEF_ERRORS',
  'OFFLINE',
  'STORAGE_FULL',
  'LOGIN_REFUSED',
  'PERMISSIONS_LOST',
  'UNEXPECTED',
];

/** Resolve on their own: retried with back-off, announced only when they last STALL_NOTICE_AFTER_MS. */
export const SELF_RESOLVING: ReadonlySet<StallCode> = new Set(['RATE_LIMITED', 'KSEF_ERRORS', 'OFFLINE', 'UNEXPECTED']);

/**
 * A stall that resolves on their own is announced once when no run has succeeded for this long: long enough
 * that KSeF's usual maintenance breaks and a laptop's lost Wi-Fi pass in silence, short enough that the office
 * hears of it on the same working day.
 */
export const STALL_NOTICE_AFTER_MS = 4 * 3_600_000;

// Which codes mean "login failing" or "permissions lost" is lib/auth/login-problems.ts, next to the codes.
export function isPermissionProblem(code: string | undefined): boolean {
  return loginProblemKind(code) === 'permission';
}

export function isLoginProblem(code: string | undefined): boolean {
  return loginProblemKind(code) === 'login';
}

/** KSeF's own failures: 5xx, answers of a shape openapi.json does not allow, login steps KSeF did not finish. */
const KSEF_SIDE = new Set(['SCHEMA', 'HASH_MISMATCH']);

/** The stall a failure code (backoff.ts `classifyFailure`) puts the profile in. */
export function stallOf(code: string): StallCode {
  if (code === 'RATE_LIMITED' || code === 'HTTP_429') return 'RATE_LIMITED';
  if (code === 'NETWORK' || code === 'TIMEOUT') return 'OFFLINE';
  if (code === 'STORAGE_FULL') return 'STORAGE_FULL';
  if (isPermissionProblem(code)) return 'PERMISSIONS_LOST';
  if (isLoginProblem(code)) return 'LOGIN_REFUSED';
  // Any other status KSeF answered with (a 400 to a query we build from openapi.json is KSeF's contract, too).
  if (KSEF_SIDE.has(code) || loginProblemKind(code) === 'ksef' || /^HTTP_\d{3}$/.test(code)) return 'KSEF_ERRORS';
  return 'UNEXPECTED';
}
