// The KSeF 2.0 client: one object per (environment, context); nothing here knows about the browser.
import { positiveInt } from '../core/checks';
import { resolveBaseUrl, type KsefTarget } from './environments';
import { systemClock, type Clock } from './clock';
import { createRateLimiter, type RateLimiter } from './rate-limits';
import { createTransport, MAX_TIMEOUT_MS } from './transport';
import { authApi } from './api-auth';
import { dataApi } from './api-data';
import { sessionsApi } from './api-sessions';
import { certificatesApi } from './api-certificates';
import type { SystemWarning } from './system-warning';

export interface KsefClientDeps {
  /** Defaults to the global fetch (called unbound). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  clock?: Clock;
  /** KSeF counts per (context, IP): share one limiter per context, persisted with `toJSON()`. */
  rateLimiter?: RateLimiter;
  /** Per request, at most 25 000 ms (default 20 000). */
  timeoutMs?: number;
  /** Longest wait spent inside one call before it throws RATE_LIMITED with `retryAt` (default 3 000 ms). */
  maxWaitMs?: number;
  /** Attempts per call where a repeat is allowed (default 3). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  random?: () => number;
  /** Each `X-System-Warning` notice (e.g. `sig-001` about the signature profile); more with `client.onSystemWarning`. */
  onSystemWarning?: (warning: SystemWarning) => void;
}

export function createKsefClient(target: KsefTarget, deps: KsefClientDeps = {}) {
  const baseUrl = resolveBaseUrl(target);
  const globalFetch = globalThis.fetch;
  const fetchFn = deps.fetch ?? ((input: string, init: RequestInit) => globalFetch(input, init));
  if (typeof fetchFn !== 'function') throw new TypeError('"fetch" must be a function');
  const rateLimiter = deps.rateLimiter ?? createRateLimiter();
  const warningListeners = new Set<(warning: SystemWarning) => void>();
  if (deps.onSystemWarning !== undefined && typeof deps.onSystemWarning !== 'function') {
    throw new TypeError('"onSystemWarning" must be a function');
  }
  if (deps.onSystemWarning) warningListeners.add(deps.onSystemWarning);
  const transport = createTransport({
    baseUrl,
    fetch: fetchFn,
    clock: deps.clock ?? systemClock,
    limiter: rateLimiter,
    timeoutMs: positiveInt('timeoutMs', deps.timeoutMs ?? 20_000, MAX_TIMEOUT_MS),
    maxWaitMs: positiveInt('maxWaitMs', deps.maxWaitMs ?? 3_000, 60_000),
    maxAttempts: positiveInt('maxAttempts', deps.maxAttempts ?? 3, 10),
    backoffBaseMs: positiveInt('backoffBaseMs', deps.backoffBaseMs ?? 500, 10_000),
    random: deps.random ?? Math.random,
    onSystemWarning: (warning) => {
      for (const listener of warningListeners) {
        try {
          listener(warning);
        } catch {
          // A listener only observes; its failure must not fail the call KSeF answered.
        }
      }
    },
  });
  const data = dataApi(transport);
  return {
    baseUrl,
    rateLimiter,
    auth: authApi(transport),
    security: data.security,
    permissions: data.permissions,
    invoices: data.invoices,
    sessions: sessionsApi(transport),
    rateLimits: data.rateLimits,
    certificates: certificatesApi(transport),
    /** Adds a listener for KSeF's `X-System-Warning` notices; returns the function that removes it. */
    onSystemWarning(listener: (warning: SystemWarning) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('"listener" must be a function');
      warningListeners.add(listener);
      return () => void warningListeners.delete(listener);
    },
  };
}

export type KsefClient = ReturnType<typeof createKsefClient>;
