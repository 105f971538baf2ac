// What a failed run means for the next one (RELIABILITY §5.3): wait out Retry-After, otherwise exponential
// back-off with full jitter, and a longer pause after repeated failures. The result is persisted in the sync
// state, so a restarted worker honours it before its first request.
import { t } from '../i18n';
import type { SyncState } from '../store';

export const BACKOFF_BASE_MS = 2 * 60_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** After this many failures in a row the profile pauses (the C# client's breaker opens after 5). */
export const PAUSE_AFTER_FAILURES = 5;
export const PAUSE_MS = 2 * 3_600_000;
/** A Retry-After beyond this is "blocked, tell the user", not a wait (RELIABILITY §5.3). */
export const MAX_BLOCK_MS = 24 * 3_600_000;

/**
 * rate_limited: KSeF (or our own budget) said when. transient: the network, a timeout, 5xx. attention: the
 * user must act (login refused, permissions gone). error: anything else (a contract failure, a bug).
 */
export type FailureKind = 'rate_limited' | 'transient' | 'attention' | 'error';

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
    if (status === 401 || status === 403) return { ...base, kind: 'attention' };
    return { ...base, kind: 'error' };
  }
  if (e.name === 'AuthError') return { ...base, kind: TRANSIENT_AUTH.has(code) ? 'transient' : 'attention' };
  return { ...base, kind: 'error' };
}

/** Full jitter: random(0, min(cap, base·2^(n−1))) for the n-th failure in a row. */
export function backoffDelayMs(failures: number, random: () => number): number {
  if (!Number.isInteger(failures) || failures < 1) throw new TypeError('"failures" must be an integer ≥ 1');
  if (failures >= PAUSE_AFTER_FAILURES) return PAUSE_MS;
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
  return Math.max(30_000, Math.floor(random() * ceiling));
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
    lastError: { code: failure.code, message: failure.message.slice(0, 2000), messageEn: failure.messageEn.slice(0, 2000), at },
  };
}
