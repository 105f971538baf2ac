// How a failed KSeF call is handled inside a run (NOTES §9, §10; RELIABILITY §5.3): a limit or budget that
// ends soon is slept through; a longer one ends the run with `until` (the worker's alarm resumes it); a
// refused token is refreshed once; a transport failure is retried with back-off over later runs.
import type { KsefError } from '../../ksef/errors';
import { SendError } from '../errors';
import type { SendDeps } from '../types';

export const DEFAULT_MAX_INLINE_WAIT_MS = 20_000;
/** Transport failures in a row after which the batch's unfinished items end `failed` (the user may retry). */
export const MAX_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 15 * 60_000;

/** Thrown to end a run: nothing failed, the batch waits until `until` (epoch ms). */
export class Wait extends Error {
  constructor(
    readonly until: number,
    readonly error: SendError,
    readonly transient: boolean,
  ) {
    super(error.message);
  }
}

const asKsef = (error: unknown) => error as Partial<KsefError> | undefined;

export function isKsefCode(error: unknown, ...codes: number[]): boolean {
  const e = asKsef(error);
  return e?.name === 'KsefError' && Array.isArray(e.exceptionCodes) && codes.some((c) => e.exceptionCodes!.includes(c));
}

/** No answer, a 5xx, a 2xx of a shape openapi.json does not allow: worth another try later. */
export function isTransient(error: unknown): boolean {
  const e = asKsef(error);
  if (e?.name !== 'KsefError') return false;
  if (e.code === 'NETWORK' || e.code === 'TIMEOUT' || e.code === 'SCHEMA' || e.code === 'HASH_MISMATCH') return true;
  return e.code === 'HTTP' && typeof e.status === 'number' && (e.status >= 500 || e.status === 408);
}

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export function waitingError(until: number): SendError {
  return new SendError('WAITING', { until: new Date(until).toISOString() });
}

/**
 * Runs one KSeF call with a fresh token: sleeps through a short limit, refreshes a refused token once, and
 * turns a longer limit into a Wait. Other failures are the caller's.
 */
export async function callKsef<T>(deps: SendDeps, call: (token: string) => Promise<T>): Promise<T> {
  const cap = deps.maxInlineWaitMs ?? DEFAULT_MAX_INLINE_WAIT_MS;
  let refreshed = false;
  for (;;) {
    try {
      return await call(await deps.session.getAccessToken());
    } catch (error) {
      const e = asKsef(error);
      if (e?.name === 'KsefError' && e.code === 'RATE_LIMITED' && typeof e.retryAt === 'number') {
        const waitMs = e.retryAt - deps.clock.now();
        if (waitMs > cap) throw new Wait(e.retryAt, waitingError(e.retryAt), false);
        await deps.clock.sleep(Math.max(0, waitMs));
        continue;
      }
      if (e?.name === 'KsefError' && e.status === 401 && !refreshed) {
        refreshed = true;
        await deps.session.getAccessToken({ forceRefresh: true });
        continue;
      }
      throw error;
    }
  }
}
