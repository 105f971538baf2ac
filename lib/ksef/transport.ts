// Every KSeF request goes through `send`: rate-limit admission, timeout, fetch, a capped body read,
// `X-System-Warning`, error mapping, retries.
import * as z from 'zod/mini';
import type { Clock } from './clock';
import { KsefError, type KsefErrorCode, type KsefErrorInit } from './errors';
import { parseErrorBody } from './error-body';
import { parseRetryAfter } from './retry-after';
import { backoffMs, mayRetry, type Failure, type RetryPolicy } from './retry';
import type { RateLimiter } from './rate-limits';
import { utf8Decode } from './encoding';
import { requestInit, requestUrl } from './request';
import { readBody } from './read-body';
import { ERROR_BODY_CAP, responseCap } from './response-limits';
import { parseSystemWarnings, type SystemWarning } from './system-warning';

/** Hard ceiling of any single request, so a worker is never left hanging on a dead connection. */
export const MAX_TIMEOUT_MS = 25_000;
/** When KSeF sends no Retry-After with a 429, wait this long (its blocks are "dynamic", NOTES §9). */
export const DEFAULT_BLOCK_MS = 60_000;

/**
 * zod/mini registers no locale, so its issues would all read "Invalid input"; SCHEMA issues keep the English
 * wording classic zod gave them (type and path, never the value). Per parse, so no global zod config is touched.
 */
const ISSUE_WORDING = { error: z.locales.en().localeError };

export interface TransportOptions {
  baseUrl: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  clock: Clock;
  limiter: RateLimiter;
  timeoutMs: number;
  /** Longest wait (rate limit, Retry-After, back-off) spent inside one call; longer waits throw. */
  maxWaitMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  random: () => number;
  /** Each warning of an `X-System-Warning` header, parsed (system-warning.ts). */
  onSystemWarning?: (warning: SystemWarning) => void;
}

export interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  /** The openapi.json path, e.g. `/auth/{referenceNumber}`; `params` fill the braces. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  token?: string;
  json?: unknown;
  xml?: string;
  accept: 'json' | 'xml' | 'none';
  /** Rate-limit counter, see rateLimitKey(). */
  limit: string;
  retry: RetryPolicy;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
}

export function createTransport(o: TransportOptions) {
  const doFetch = o.fetch; // called unbound: window.fetch throws "Illegal invocation" with another `this`
  const urlOf = (call: Call) => requestUrl(o.baseUrl, call);

  function fail(code: KsefErrorCode, init: KsefErrorInit, cause?: unknown): KsefError {
    return new KsefError(code, init, { cause, now: o.clock.now() });
  }

  async function admit(call: Call, operation: string): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
      const now = o.clock.now();
      const verdict = o.limiter.acquire(call.limit, now);
      if (verdict.ok) return;
      if (verdict.waitMs > o.maxWaitMs) throw fail('RATE_LIMITED', { operation, retryAt: now + verdict.waitMs });
      await o.clock.sleep(verdict.waitMs);
    }
    throw fail('RATE_LIMITED', { operation, retryAt: o.clock.now() + o.maxWaitMs });
  }

  type Attempt = RawResponse | { failure: Failure; error: KsefError } | { tooLarge: KsefError; headers: Headers };

  async function attempt(call: Call, operation: string): Promise<Attempt> {
    const url = urlOf(call);
    const signal = AbortSignal.timeout(o.timeoutMs);
    try {
      const res = await doFetch(url, requestInit(call, signal));
      const ok = res.status >= 200 && res.status < 300;
      const cap = ok ? responseCap(operation) : ERROR_BODY_CAP;
      const body = await readBody(res, cap);
      if (body.ok) return { status: res.status, headers: res.headers, bytes: body.bytes };
      // An error keeps its status without the oversized body; a success cannot be used at all.
      if (!ok) return { status: res.status, headers: res.headers, bytes: new Uint8Array(0) };
      return { tooLarge: fail('RESPONSE_TOO_LARGE', { operation, status: res.status, limitBytes: cap }), headers: res.headers };
    } catch (cause) {
      const kind = signal.aborted ? 'timeout' : 'network';
      return { failure: { kind }, error: fail(kind === 'timeout' ? 'TIMEOUT' : 'NETWORK', { operation }, cause) };
    }
  }

  function warn(headers: Headers, operation: string): void {
    const header = headers.get('x-system-warning');
    if (!header || !o.onSystemWarning) return;
    for (const warning of parseSystemWarnings(header, operation)) o.onSystemWarning(warning);
  }

  function errorOf(res: RawResponse, operation: string): KsefError {
    const now = o.clock.now();
    const waitMs = parseRetryAfter(res.headers.get('retry-after'), now);
    const fields = parseErrorBody(res.bytes);
    if (res.status === 429) {
      return fail('RATE_LIMITED', { operation, status: 429, ...fields, retryAt: now + (waitMs ?? DEFAULT_BLOCK_MS) });
    }
    return fail('HTTP', { operation, status: res.status, ...fields, retryAt: waitMs === undefined ? undefined : now + waitMs });
  }

  async function send(call: Call): Promise<RawResponse> {
    const operation = `${call.method} ${call.path}`;
    for (let n = 1; ; n += 1) {
      await admit(call, operation);
      const out = await attempt(call, operation);
      let failure: Failure;
      let error: KsefError;
      if ('failure' in out) {
        ({ failure, error } = out);
      } else if ('tooLarge' in out) {
        warn(out.headers, operation);
        throw out.tooLarge; // the same request would bring the same body
      } else {
        warn(out.headers, operation);
        if (out.status >= 200 && out.status < 300) return out;
        failure = { kind: 'status', status: out.status };
        error = errorOf(out, operation);
        if (out.status === 429 && error.retryAt !== undefined) o.limiter.block(call.limit, error.retryAt);
      }
      if (n >= o.maxAttempts || !mayRetry(call.retry, failure)) throw error;
      const serverWait = error.retryAt === undefined ? 0 : error.retryAt - o.clock.now();
      if (serverWait > o.maxWaitMs) throw error;
      // After a 429 the limiter itself holds the next attempt until the block ends.
      if (failure.kind !== 'status' || failure.status !== 429) {
        await o.clock.sleep(Math.max(serverWait, backoffMs(n, o.backoffBaseMs, o.maxWaitMs, o.random)));
      }
    }
  }

  /** Sends and parses a JSON success body; a body of another shape is a SCHEMA error, not an HTTP one. */
  async function json<S extends z.ZodMiniType>(call: Call, schema: S): Promise<z.infer<S>> {
    const res = await send(call);
    const operation = `${call.method} ${call.path}`;
    let data: unknown;
    try {
      data = JSON.parse(utf8Decode(res.bytes));
    } catch (cause) {
      throw fail('SCHEMA', { operation, status: res.status, issues: [{ path: '', message: 'not JSON' }] }, cause);
    }
    const parsed = schema.safeParse(data, ISSUE_WORDING);
    if (parsed.success) return parsed.data;
    // Issue messages name types and paths, never values: a body may hold tokens.
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw fail('SCHEMA', { operation, status: res.status, issues });
  }

  return { send, json, fail };
}

export type Transport = ReturnType<typeof createTransport>;
