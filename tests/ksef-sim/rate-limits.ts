// KSeF's rate limits (NOTES §9): per (context, client IP), sliding windows of 1 s, 60 s and 60 min that all
// apply at once; a violation answers 429 with Retry-After, and repeated violations lengthen the block.
import type { SimClock } from './clock';

/**
 * The groups of GET /rate-limits (EffectiveApiRateLimits), plus the login and public-key endpoints and
 * session close, which has its own limits since the limits page of 14.09.2026 (CIRFMF/ksef-api
 * limity/limity-api.md, shared/ksef/SOURCES.md) but is not among the groups GET /rate-limits reports.
 */
export const RATE_LIMIT_GROUPS = [
  'onlineSession',
  'onlineSessionClose',
  'batchSession',
  'batchSessionClose',
  'invoiceSend',
  'invoiceStatus',
  'sessionList',
  'sessionInvoiceList',
  'sessionMisc',
  'invoiceMetadata',
  'invoiceExport',
  'invoiceExportStatus',
  'invoiceDownload',
  'other',
  'auth',
  'publicKeys',
] as const;
export type RateLimitGroup = (typeof RATE_LIMIT_GROUPS)[number];

export interface RateLimitValues {
  perSecond: number;
  perMinute: number;
  perHour: number;
}

export type RateLimitTable = Record<RateLimitGroup, RateLimitValues>;

/** The groups GET /rate-limits answers with (openapi EffectiveApiRateLimits, required properties). */
export const REPORTED_GROUPS = [
  'onlineSession',
  'batchSession',
  'invoiceSend',
  'invoiceStatus',
  'sessionList',
  'sessionInvoiceList',
  'sessionMisc',
  'invoiceMetadata',
  'invoiceExport',
  'invoiceExportStatus',
  'invoiceDownload',
  'other',
] as const satisfies readonly RateLimitGroup[];

const NONE = Number.POSITIVE_INFINITY;

/** Production values (NOTES §9 table; TEST was aligned with production in 2.5.0). */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimitTable> = {
  onlineSession: { perSecond: 10, perMinute: 30, perHour: 120 },
  onlineSessionClose: { perSecond: 20, perMinute: 60, perHour: 240 },
  batchSession: { perSecond: 10, perMinute: 20, perHour: 60 },
  batchSessionClose: { perSecond: 20, perMinute: 40, perHour: 120 },
  invoiceSend: { perSecond: 10, perMinute: 30, perHour: 180 },
  invoiceStatus: { perSecond: 30, perMinute: 120, perHour: 1200 },
  sessionList: { perSecond: 5, perMinute: 10, perHour: 60 },
  sessionInvoiceList: { perSecond: 10, perMinute: 20, perHour: 200 },
  sessionMisc: { perSecond: 10, perMinute: 120, perHour: 1200 },
  invoiceMetadata: { perSecond: 8, perMinute: 16, perHour: 20 },
  invoiceExport: { perSecond: 8, perMinute: 16, perHour: 20 },
  invoiceExportStatus: { perSecond: 10, perMinute: 60, perHour: 600 },
  invoiceDownload: { perSecond: 8, perMinute: 16, perHour: 64 },
  other: { perSecond: 10, perMinute: 30, perHour: 120 },
  auth: { perSecond: 60, perMinute: NONE, perHour: NONE },
  publicKeys: { perSecond: 60, perMinute: NONE, perHour: NONE },
};

export interface BlockPolicy {
  /** First block when the windows alone would allow sooner. */
  baseSeconds: number;
  /** Each further violation within `memoryMs` multiplies the block by this. */
  factor: number;
  maxSeconds: number;
  /** A violation is forgotten after this long without another. */
  memoryMs: number;
}

export const DEFAULT_BLOCK_POLICY: Readonly<BlockPolicy> = { baseSeconds: 1, factor: 2, maxSeconds: 3600, memoryMs: 3_600_000 };

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; window: 'second' | 'minute' | 'hour' | 'block' };

const WINDOWS: [keyof RateLimitValues, number, 'second' | 'minute' | 'hour'][] = [
  ['perSecond', 1000, 'second'],
  ['perMinute', 60_000, 'minute'],
  ['perHour', 3_600_000, 'hour'],
];

/** Bound on remembered (group, context, IP) keys; a test run never gets near it. */
const MAX_KEYS = 20_000;

export function createRateLimiter(clock: SimClock, initial: { limits?: Partial<RateLimitTable>; block?: Partial<BlockPolicy>; enabled?: boolean } = {}) {
  let limits: RateLimitTable = { ...DEFAULT_RATE_LIMITS, ...initial.limits };
  let block: BlockPolicy = { ...DEFAULT_BLOCK_POLICY, ...initial.block };
  let enabled = initial.enabled ?? true;
  const hits = new Map<string, number[]>();
  const blocks = new Map<string, { until: number; violations: number; last: number }>();

  function remember<V>(map: Map<string, V>, key: string, value: V): void {
    if (!map.has(key) && map.size >= MAX_KEYS) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    map.set(key, value);
  }

  function penalise(key: string, now: number, atLeastMs: number): number {
    const previous = blocks.get(key);
    const violations = previous && now - previous.last < block.memoryMs ? previous.violations + 1 : 1;
    const escalated = Math.min(block.maxSeconds, block.baseSeconds * block.factor ** (violations - 1)) * 1000;
    const until = Math.max(previous?.until ?? 0, now + Math.max(atLeastMs, escalated));
    remember(blocks, key, { until, violations, last: now });
    return Math.max(1, Math.ceil((until - now) / 1000));
  }

  return {
    /** Counts one request of `group` for `key` (context + IP) unless it must be refused. */
    check(group: RateLimitGroup, key: string): RateDecision {
      if (!enabled) return { ok: true };
      const now = clock.now();
      const fullKey = `${group}|${key}`;
      const blocked = blocks.get(fullKey);
      if (blocked && blocked.until > now) return { ok: false, retryAfterSeconds: penalise(fullKey, now, 0), window: 'block' };
      const values = limits[group];
      const list = (hits.get(fullKey) ?? []).filter((t) => t > now - 3_600_000 && t <= now);
      for (const [field, span, window] of WINDOWS) {
        const limit = values[field];
        if (!Number.isFinite(limit)) continue;
        const inWindow = list.filter((t) => t > now - span);
        if (inWindow.length >= limit) {
          // The oldest request inside the window must age out before another fits.
          const oldest = inWindow[inWindow.length - limit] ?? now;
          remember(hits, fullKey, list);
          return { ok: false, retryAfterSeconds: penalise(fullKey, now, oldest + span - now), window };
        }
      }
      list.push(now);
      remember(hits, fullKey, list);
      return { ok: true };
    },
    /** Every group's effective limits. */
    limits(): RateLimitTable {
      return { ...limits };
    },
    /** What GET /rate-limits reports: only the documented groups. */
    reported(): Record<(typeof REPORTED_GROUPS)[number], RateLimitValues> {
      return Object.fromEntries(REPORTED_GROUPS.map((g) => [g, { ...limits[g] }])) as Record<(typeof REPORTED_GROUPS)[number], RateLimitValues>;
    },
    configure(update: { limits?: Partial<RateLimitTable>; block?: Partial<BlockPolicy>; enabled?: boolean; reset?: boolean }): void {
      if (update.limits) limits = { ...limits, ...update.limits };
      if (update.block) block = { ...block, ...update.block };
      if (update.enabled !== undefined) enabled = update.enabled;
      if (update.reset) {
        hits.clear();
        blocks.clear();
      }
    },
    get enabled(): boolean {
      return enabled;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
