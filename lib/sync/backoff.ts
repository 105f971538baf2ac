// What a failed run means for the next one (RELIABILITY §5.3): wait out Retry-After, otherwise exponential
// back-off with full jitter under a ceiling, for as long as it takes: a profile resumes on its own when KSeF
// answers again, and the status says what is going on meanwhile (issue 10: never a silent pause). The result
// is persisted in the sync state, so a restarted worker honours it before its first request.
import { t } from '../i18n/shared';
import { isQuotaExceeded, type SyncState } from '../store';
import { SyncError } from './errors';

export const BACKOFF_BASE_MS = 2 * 60_000;
/** Back-off never waits longer than this: the 5th failure in a row on waits up to half an hour. */
export const BACKOFF_CAP_MS = 30 * 60_000;
/** After this many failures in a row the status says how long it has been failing (the C# client's breaker: 5). */
export const PAUSE_AFTER_FAILURES = 5;
/** A Retry-After beyond this is "blocked, tell the user", not a wait (RELIABILITY §5.3). */
export const MAX_BLOCK_MS = 24 * 3_600_000;

/**
 * rate_limited: KSeF (or our own budget) said when. transient: the network, a timeout, 5xx, an answer of a
 * shape openapi.json does not allow. attention: the user must act (login refused, permissions gone).
 * storage: the browser refused to store what KSeF sent (disk or quota full). error: anything else (a bug).
 */
export type FailureKind = 'rate_limited' | 'transient' | 'attention' | 'storage' | 'error';

export interface Failure {
  kind: FailureKind;
  code: string;
  message: string;
  messageEn: string;
  retryAt?: number;
}

const TRANSIENT_AUTH = new Set(['KSEF_INTERNAL_ERROR', 'CANCELLED_BY_SYSTEM', 'LOGIN_PENDING', 'UNKNOWN_STATUS']);

/** Classifies by `name` and `code` (STYLE rule 9: errors lose their prototype across boundaries). */
export function classifyFailure(error: unknown): Failure {
  if (isQuotaExceeded(error)) {
    const full = new SyncError('STORAGE_FULL');
    return { kind: 'storage', code: 'STORAGE_FULL', message: full.message, messageEn: full.messageEn };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    code?: unknown;
    status?: unknown;
    message?: unknown;
    messageEn?: unknown;
    retryAt?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : 'UNEXPECTED';
  const coded = typeof e.code === 'string' && typeof e.message === 'string';
  const message = coded ? (e.message as string) : t('pl', 'sync_error_UNEXPECTED');
  const messageEn = coded && typeof e.messageEn === 'string' ? e.messageEn : t('en', 'sync_error_UNEXPECTED');
  const base = { code, message, messageEn };
  if (e.name === 'KsefError') {
    const status = typeof e.status === 'number' ? e.status : undefined;
    // 'HTTP' alone would not tell the status page a refused login (401) from lost permissions (403).
    if (code === 'HTTP' && status !== undefined) base.code = `HTTP_${status}`;
    if (code === 'RATE_LIMITED' && typeof e.retryAt === 'number') return { ...base, kind: 'rate_limited', retryAt: e.retryAt };
    if (code === 'NETWORK' || code === 'TIMEOUT' || code === 'RATE_LIMITED') return { ...base, kind: 'transient' };
    if (status !== undefined && (status >= 500 || status === 408)) return { ...base, kind: 'transient' };
    // KSeF answered 2xx with garbage (not JSON, or a shape openapi.json does not allow): retried like a 5xx.
    if (code === 'SCHEMA' || code === 'HASH_MISMATCH') return { ...base, kind: 'transient' };
    if (status === 401 || status === 403) return { ...base, kind: 'attention' };
    return { ...base, kind: 'error' };
  }
  if (e.name === 'AuthError') return { ...base, kind: TRANSIENT_AUTH.has(code) ? 'transient' : 'attention' };
  return { ...base, kind: 'error' };
}

/** Full jitter: random(0, min(cap, base·2^(n−1))) for the n-th failure in a row, at least 30 s. */
export function backoffDelayMs(failures: number, random: () => number): number {
  if (!Number.isInteger(failures) || failures < 1) throw new TypeError('"failures" must be an integer ≥ 1');
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30));
  return Math.max(30_000, Math.floor(random() * ceiling));
}

/**
 * When the block of `state` really ends, or null when there is none. A block never lasts longer than it was
 * given when it was set (Retry-After or back-off, counted from `lastError.at`), nor than MAX_BLOCK_MS: a clock
 * set back by a month would otherwise leave a stored `blockedUntil` a month ahead (issue 10).
 */
export function effectiveBlockedUntil(state: Pick<SyncState, 'blockedUntil' | 'lastError' | 'lastSyncAt'>, nowMs: number): number | null {
  const until = state.blockedUntil ? Date.parse(state.blockedUntil) : NaN;
  if (Number.isNaN(until) || until <= nowMs) return null;
  const setAt = Date.parse(state.lastError?.at ?? state.lastSyncAt ?? '');
  const given = Number.isNaN(setAt) || setAt > until ? MAX_BLOCK_MS : until - setAt;
  return Math.min(until, nowMs + Math.min(given, MAX_BLOCK_MS));
}

/**
 * The state with its block clamped as effectiveBlockedUntil says and re-anchored at now, to be written back, so
 * that a clamped block does not slide forward on every read; undefined when the stored block stands.
 */
export function rebasedBlock(state: SyncState, nowMs: number): SyncState | undefined {
  const until = effectiveBlockedUntil(state, nowMs);
  if (until === null || until === Date.parse(state.blockedUntil ?? '')) return undefined;
  const at = new Date(nowMs).toISOString();
  return {
    ...state,
    blockedUntil: new Date(until).toISOString(),
    lastSyncAt: notAfterNow(state.lastSyncAt, nowMs) ?? null,
    ...(state.failingSince ? { failingSince: notAfterNow(state.failingSince, nowMs) ?? null } : {}),
    ...(state.lastError ? { lastError: { ...state.lastError, at } } : {}),
  };
}

/** A time the store says lies in the future of `nowMs` by more than `slackMs` came from a clock set back. */
export function notAfterNow(iso: string | null | undefined, nowMs: number, slackMs = 0): string | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  return at > nowMs + slackMs ? new Date(nowMs).toISOString() : iso;
}

/** The state after a failed run: the failure recorded, and no request before `blockedUntil`. */
export function afterFailure(state: SyncState, failure: Failure, nowMs: number, random: () => number): SyncState {
  const failures = state.consecutiveFailures + 1;
  let until: number;
  if (failure.kind === 'rate_limited' && failure.retryAt !== undefined) {
    until = Math.min(Math.max(failure.retryAt, nowMs), nowMs + MAX_BLOCK_MS);
  } else {
    until = nowMs + backoffDelayMs(failures, random);
  }
  const at = new Date(nowMs).toISOString();
  return {
    ...state,
    consecutiveFailures: failure.kind === 'rate_limited' ? state.consecutiveFailures : failures,
    blockedUntil: new Date(until).toISOString(),
    lastSyncAt: at,
    runningSince: null,
    // The first failure of this stall; one from a clock since set back counts from now.
    failingSince: notAfterNow(state.failingSince, nowMs) ?? at,
    lastError: { code: failure.code, message: failure.message.slice(0, 2000), messageEn: failure.messageEn.slice(0, 2000), at },
  };
}
