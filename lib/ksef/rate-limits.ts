// The one place that decides whether a request may go now (STYLE 15). `acquire` never sleeps: it books the
// request or says how long to wait, and the caller decides (the client waits only a few seconds, otherwise
// it throws RATE_LIMITED with `retryAt`, so a service worker never sleeps minutes inside a request).
import * as z from 'zod/mini';
import {
  DEFAULT_BUDGETS,
  RATE_LIMIT_GROUPS,
  groupOfKey,
  type RateLimitBudget,
  type RateLimitGroup,
} from './rate-limit-budgets';

const WINDOWS = [
  { field: 'perSecond', ms: 1_000 },
  { field: 'perMinute', ms: 60_000 },
  { field: 'perHour', ms: 3_600_000 },
] as const;

/**
 * Our clock and KSeF's differ and a request is counted when it arrives, so each window is held a little
 * longer than its nominal length; sending the 21st metadata query exactly an hour after the 1st could
 * otherwise land inside KSeF's hour.
 */
export const DEFAULT_SKEW_MS = 500;

/** A block longer than a day is not honoured as a wait (RELIABILITY §5.3: "> 24 h → blocked, tell the user"). */
export const MAX_BLOCK_MS = 24 * 3_600_000;

const StateSchema = z.object({
  version: z.literal(1),
  windows: z.record(z.string(), z.array(z.number())),
  blockedUntil: z.record(z.string(), z.number()),
});
export type RateLimitState = z.infer<typeof StateSchema>;

export type AcquireResult = { ok: true } | { ok: false; waitMs: number; reason: 'budget' | 'blocked' };

export interface RateLimiterOptions {
  /** A state saved earlier with `toJSON()`; anything unreadable starts afresh. */
  state?: unknown;
  budgets?: Partial<Record<RateLimitGroup, RateLimitBudget>>;
  skewMs?: number;
  /**
   * Called after every change, so the worker can persist the state before it may be stopped. `change` says
   * what changed: a request booked on a group, a 429 block, or blocks re-anchored by `settle`; a caller that
   * stores some bookings with its own writes saves only the rest (issue 15, review §3.1).
   */
  onChange?: (state: RateLimitState, change: RateLimitChange) => void;
}

export type RateLimitChange =
  | { cause: 'acquire'; group: RateLimitGroup }
  | { cause: 'block'; group: RateLimitGroup }
  | { cause: 'settle' };

export function createRateLimiter(options: RateLimiterOptions = {}) {
  const skew = options.skewMs ?? DEFAULT_SKEW_MS;
  const budgets: Record<RateLimitGroup, RateLimitBudget> = { ...DEFAULT_BUDGETS, ...options.budgets };
  const restored = StateSchema.safeParse(options.state);
  const state: RateLimitState = restored.success ? structuredClone(restored.data) : { version: 1, windows: {}, blockedUntil: {} };

  function changed(change: RateLimitChange) {
    options.onChange?.(toJSON(), change);
  }

  /** Drops requests that no longer count; a timestamp in the future (clock moved back) counts as now. */
  function live(key: string, now: number): number[] {
    const horizon = Math.max(...WINDOWS.map((w) => w.ms)) + skew;
    const times = (state.windows[key] ?? []).map((t) => Math.min(t, now)).filter((t) => t > now - horizon);
    if (times.length) state.windows[key] = times;
    else delete state.windows[key];
    return times;
  }

  /**
   * When the block of `key` ends. A block is set from Retry-After just after a booked request; a clock set back
   * leaves both in the future, so the block then holds only as long as it was given, counted from that request,
   * and never beyond MAX_BLOCK_MS (RELIABILITY §5.3; issue 10: a month-long block after a clock change).
   */
  function blockEnd(key: string, now: number): number | undefined {
    const blocked = state.blockedUntil[key];
    if (blocked === undefined) return undefined;
    const booked = Math.max(-Infinity, ...(state.windows[key] ?? []));
    const given = booked > now && booked <= blocked ? blocked - booked : MAX_BLOCK_MS;
    const end = Math.min(blocked, now + Math.min(given, MAX_BLOCK_MS));
    if (end !== blocked) state.blockedUntil[key] = end;
    return end;
  }

  function check(key: string, now: number): AcquireResult {
    if (typeof key !== 'string' || !key) throw new TypeError('"key" must be a non-empty string');
    if (!Number.isFinite(now)) throw new TypeError('"now" must be a finite number');
    const blocked = blockEnd(key, now);
    if (blocked !== undefined && blocked > now) return { ok: false, waitMs: blocked - now, reason: 'blocked' };
    if (blocked !== undefined) delete state.blockedUntil[key];
    const times = live(key, now);
    const budget = budgets[groupOfKey(key)];
    let waitMs = 0;
    for (const w of WINDOWS) {
      const limit = budget[w.field];
      if (limit === undefined) continue;
      const inWindow = times.filter((t) => t > now - w.ms - skew);
      if (inWindow.length >= limit) {
        // The oldest requests must leave the window until one slot is free.
        const freeing = inWindow[inWindow.length - limit] as number;
        waitMs = Math.max(waitMs, freeing + w.ms + skew - now);
      }
    }
    return waitMs > 0 ? { ok: false, waitMs, reason: 'budget' } : { ok: true };
  }

  /** Books a request at `now` when the budgets allow it. */
  function acquire(key: string, now: number): AcquireResult {
    const result = check(key, now);
    if (result.ok) {
      (state.windows[key] ??= []).push(now);
      changed({ cause: 'acquire', group: groupOfKey(key) });
    }
    return result;
  }

  /** Honours a 429: nothing is sent on this counter before `until` (epoch ms). */
  function block(key: string, until: number) {
    if (!Number.isFinite(until)) throw new TypeError('"until" must be a finite number');
    state.blockedUntil[key] = Math.max(state.blockedUntil[key] ?? 0, until);
    changed({ cause: 'block', group: groupOfKey(key) });
  }

  /**
   * Applies blockEnd's clock rule to every block at once; the worker calls it as it wakes, so that blocks a
   * clock change stretched are re-anchored at the same moment as the sync state's own block (issue 10).
   */
  function settle(now: number) {
    if (!Number.isFinite(now)) throw new TypeError('"now" must be a finite number');
    const before = JSON.stringify(state.blockedUntil);
    for (const key of Object.keys(state.blockedUntil)) blockEnd(key, now);
    if (JSON.stringify(state.blockedUntil) !== before) changed({ cause: 'settle' });
  }

  /** Adopts the limits KSeF reports in `GET /rate-limits` (they may differ on TEST). */
  function setBudgets(next: Partial<Record<string, RateLimitBudget>>) {
    for (const group of RATE_LIMIT_GROUPS) {
      const b = next[group];
      if (b) budgets[group] = { ...budgets[group], ...b };
    }
  }

  /** A plain copy for storage; expired entries are pruned lazily by `check`. */
  function toJSON(): RateLimitState {
    return structuredClone(state);
  }

  return { check, acquire, block, settle, setBudgets, toJSON, budgetOf: (key: string) => ({ ...budgets[groupOfKey(key)] }) };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
