// The one place that decides whether a request may go now (STYLE 15). `acquire` never sleeps: it books the
// request or says how long to wait, and the caller decides (the client waits only a few seconds, otherwise
// it throws RATE_LIMITED with `retryAt`, so a service worker never sleeps minutes inside a request).
import { z } from 'zod';
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
  /** Called after every change, so the worker can persist the state before it may be stopped. */
  onChange?: (state: RateLimitState) => void;
}

export function createRateLimiter(options: RateLimiterOptions = {}) {
  const skew = options.skewMs ?? DEFAULT_SKEW_MS;
  const budgets: Record<RateLimitGroup, RateLimitBudget> = { ...DEFAULT_BUDGETS, ...options.budgets };
  const restored = StateSchema.safeParse(options.state);
  const state: RateLimitState = restored.success ? structuredClone(restored.data) : { version: 1, windows: {}, blockedUntil: {} };

  function changed() {
    options.onChange?.(toJSON());
  }

  /** Drops requests that no longer count; a timestamp in the future (clock moved back) counts as now. */
  function live(key: string, now: number): number[] {
    const horizon = Math.max(...WINDOWS.map((w) => w.ms)) + skew;
    const times = (state.windows[key] ?? []).map((t) => Math.min(t, now)).filter((t) => t > now - horizon);
    if (times.length) state.windows[key] = times;
    else delete state.windows[key];
    return times;
  }

  function check(key: string, now: number): AcquireResult {
    if (typeof key !== 'string' || !key) throw new TypeError('"key" must be a non-empty string');
    if (!Number.isFinite(now)) throw new TypeError('"now" must be a finite number');
    const blocked = state.blockedUntil[key];
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
      changed();
    }
    return result;
  }

  /** Honours a 429: nothing is sent on this counter before `until` (epoch ms). */
  function block(key: string, until: number) {
    if (!Number.isFinite(until)) throw new TypeError('"until" must be a finite number');
    state.blockedUntil[key] = Math.max(state.blockedUntil[key] ?? 0, until);
    changed();
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

  return { check, acquire, block, setBudgets, toJSON, budgetOf: (key: string) => ({ ...budgets[groupOfKey(key)] }) };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
