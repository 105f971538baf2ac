// Ending a login at KSeF once its tokens are no longer ours (issue 10): a removed profile, a replaced
// certificate, an edited NIP, environment or address. `DELETE /auth/sessions/current` with the refresh token
// kills that token; access tokens already issued live until their `exp` (NOTES §3.7). It is sent to the host
// that issued the tokens, which after an edit is no longer the profile's. Best effort: one attempt with a
// short timeout, and the outcome is returned, never thrown, so it never holds up what the user asked for.
import { createKsefClient, isKsefError, type Clock } from '../ksef';

/** Long enough for a healthy KSeF (its answers take well under a second), short enough for a page to wait. */
export const END_SESSION_TIMEOUT_MS = 5_000;

/** Stable codes for the activity log. */
export type EndSessionCode = 'KSEF_SESSION_ENDED' | 'KSEF_SESSION_EXPIRED' | 'KSEF_SESSION_END_FAILED';

export interface EndSessionOutcome {
  code: EndSessionCode;
  /** Why it failed: the KsefError code and HTTP status. Never a token. */
  detail?: string;
}

export interface EndSessionDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  clock: Clock;
  timeoutMs?: number;
}

export async function endKsefSession(
  deps: EndSessionDeps,
  apiBaseUrl: string,
  refreshToken: { token: string; validUntil: string },
): Promise<EndSessionOutcome> {
  if (typeof deps?.fetch !== 'function' || typeof deps.clock?.now !== 'function') {
    throw new TypeError('"deps" must be { fetch, clock }');
  }
  if (typeof refreshToken?.token !== 'string' || refreshToken.token === '') throw new TypeError('"refreshToken" must be { token, validUntil }');
  // An expired refresh token has ended the session already: nothing left to revoke.
  if (!(Date.parse(refreshToken.validUntil) > deps.clock.now())) return { code: 'KSEF_SESSION_EXPIRED' };
  try {
    const client = createKsefClient(
      { baseUrl: apiBaseUrl },
      { fetch: deps.fetch, clock: deps.clock, timeoutMs: deps.timeoutMs ?? END_SESSION_TIMEOUT_MS, maxAttempts: 1, maxWaitMs: 1_000 },
    );
    await client.auth.revokeCurrent(refreshToken.token);
    return { code: 'KSEF_SESSION_ENDED' };
  } catch (error) {
    const detail = isKsefError(error)
      ? [error.code, error.status].filter((part) => part !== undefined).join(' ')
      : String((error as Error)?.name ?? 'Error');
    return { code: 'KSEF_SESSION_END_FAILED', detail };
  }
}
