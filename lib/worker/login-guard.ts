// Where the worker applies lib/auth's rule that tokens belong to the login context and certificate they were
// earned with (issue 10): tokens that are no longer the profile's are dropped and their session is ended at
// the host that issued them; a removed profile's session is ended before its data goes. Every outcome is
// logged with a stable code (lib/auth end-session.ts), never with a token.
import {
  describeLoginContext,
  endKsefSession,
  loginContextOf,
  whyTokensAreStale,
  type LoginContextKey,
  type LoginOwner,
} from '../auth';
import type { Clock } from '../ksef';
import type { Credentials, Profile, Store, Tokens } from '../store';

export type EndReason = 'context' | 'certificate' | 'removed';

const REASON_TEXT: Record<EndReason, string> = {
  context: "the profile's NIP, environment or address changed",
  certificate: 'the certificate was replaced',
  removed: 'the profile was removed',
};

export interface LoginGuardDeps {
  store: Pick<Store, 'getProfile' | 'getTokens' | 'clearTokens' | 'appendLog'>;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  clock: Clock;
  /** Tests only: the timeout of the closing request. */
  timeoutMs?: number;
}

export function ownerOf(profile: Profile, credentials: Pick<Credentials, 'certificate' | 'storedAt'> | undefined): LoginOwner {
  const context = loginContextOf(profile);
  return credentials
    ? { context, certificate: { fingerprintSha256: credentials.certificate.fingerprintSha256, storedAt: credentials.storedAt } }
    : { context };
}

export function createLoginGuard(deps: LoginGuardDeps) {
  const { store } = deps;
  const checking = new Map<string, Promise<Tokens | undefined>>();

  async function end(profileId: string, tokens: Tokens, fallback: LoginContextKey, reason: EndReason): Promise<void> {
    const context = tokens.loginContext ?? fallback;
    const refresh = { token: tokens.refreshToken, validUntil: tokens.refreshValidUntil };
    const outcome = await endKsefSession(deps, context.apiBaseUrl, refresh).catch(() => ({ code: 'KSEF_SESSION_END_FAILED' as const, detail: 'Error' }));
    const detail = outcome.detail ? ` (${outcome.detail})` : '';
    await store
      .appendLog({
        profileId,
        level: outcome.code === 'KSEF_SESSION_END_FAILED' ? 'warn' : 'info',
        code: outcome.code,
        message: `login ${describeLoginContext(context)}: ${REASON_TEXT[reason]}${detail}`,
      })
      .catch(() => undefined);
  }

  async function check(profile: Profile, owner: LoginOwner): Promise<Tokens | undefined> {
    const tokens = await store.getTokens(profile.id);
    if (!tokens) return undefined;
    const reason = whyTokensAreStale(tokens, owner);
    if (reason === null) return tokens;
    // Dropped first: whatever happens to the closing request, these tokens are not used again.
    await store.clearTokens(profile.id);
    await end(profile.id, tokens, owner.context, reason);
    return undefined;
  }

  return {
    /**
     * The profile's stored tokens if `owner` may use them; otherwise they are dropped, their session ended, and
     * undefined returned. Concurrent checks of one profile and owner share one run (one closing request).
     */
    usableTokens(profile: Profile, owner: LoginOwner): Promise<Tokens | undefined> {
      const key = JSON.stringify([profile.id, owner]);
      let run = checking.get(key);
      if (!run) {
        run = check(profile, owner).finally(() => checking.delete(key));
        checking.set(key, run);
      }
      return run;
    },

    /** Ends the session of a profile about to be removed. Never throws: the removal must not depend on KSeF. */
    async endForRemoval(profileId: string): Promise<void> {
      try {
        const [profile, tokens] = await Promise.all([store.getProfile(profileId), store.getTokens(profileId)]);
        if (!profile || !tokens) return;
        await end(profileId, tokens, loginContextOf(profile), 'removed');
      } catch (error) {
        const message = `login not ended: ${String((error as Error)?.name ?? 'Error')}`;
        await store.appendLog({ profileId, level: 'warn', code: 'KSEF_SESSION_END_FAILED', message }).catch(() => undefined);
      }
    },
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;
