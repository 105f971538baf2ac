// One login per profile: hands out a valid access token, refreshing it shortly before expiry and logging in
// anew only when the refresh token is gone, expired or revoked. Concurrent callers share one refresh or
// login (the in-flight promise), as jose's remote JWKS shares one fetch (STYLE 15).
// The signer is the caller's: this file imports no XML signature code, so the service worker can use it without
// carrying lib/xades (issue 15: the worker signs through lib/worker/heavy.ts). session.ts adds lib/xades' signer.
import { isKsefError, systemClock, type Clock, type KsefClient } from '../ksef';
import type { CertificateInfo } from '../pki/types';
import {
  DEFAULT_POLL_DELAYS_MS,
  loginWithCertificate,
  loginWithKsefToken,
  type AuthTokenSigner,
  type LoginContextIdentifier,
} from './login';
import { storedTokensSchema, type StoredTokens, type TokenStore } from './token-store';

export type AuthCredentials = { certificate: CertificateInfo; privateKey: CryptoKey } | { ksefToken: string };

export interface AuthSessionOptions {
  client: KsefClient;
  tokenStore: TokenStore;
  credentials: AuthCredentials;
  context: LoginContextIdentifier;
  clock?: Clock;
  /** Signs the AuthTokenRequest: needed for a certificate login (session.ts defaults it to lib/xades). */
  signer?: AuthTokenSigner;
  /** Refresh when the access token has less than this left (default 60 s). */
  refreshMarginMs?: number;
  pollDelaysMs?: readonly number[];
  verifyCertificateChain?: boolean;
}

/** Refresh answers meaning the refresh token is dead (NOTES §3.7): 401, or 400 with 21301/21304. */
function refreshTokenRejected(error: unknown): boolean {
  if (!isKsefError(error)) return false;
  if (error.status === 401) return true;
  return error.status === 400 && error.exceptionCodes.some((c) => c === 21301 || c === 21304);
}

function checkOptions(o: AuthSessionOptions) {
  if (typeof o !== 'object' || o === null) throw new TypeError('"options" must be an object');
  if (!o.client?.auth) throw new TypeError('"client" must be a KsefClient');
  if (typeof o.tokenStore?.load !== 'function') throw new TypeError('"tokenStore" must be a TokenStore');
  if (!o.context || typeof o.context.value !== 'string' || !o.context.value) {
    throw new TypeError('"context" must be { type, value }');
  }
  const c = o.credentials as Partial<{ certificate: unknown; privateKey: unknown; ksefToken: unknown }>;
  const byToken = typeof c?.ksefToken === 'string' && c.ksefToken.length > 0;
  const byCertificate = typeof c?.certificate === 'object' && c.privateKey !== undefined;
  if (!byToken && !byCertificate) throw new TypeError('"credentials" must be { certificate, privateKey } or { ksefToken }');
  if (o.signer !== undefined && typeof o.signer !== 'function') throw new TypeError('"signer" must be a function');
  if (byCertificate && o.signer === undefined) throw new TypeError('"signer" is needed for a certificate login');
}

export function createAuthSession(options: AuthSessionOptions) {
  checkOptions(options);
  const { client, tokenStore, credentials } = options;
  const clock = options.clock ?? systemClock;
  const margin = options.refreshMarginMs ?? 60_000;
  const loginCtx = {
    client,
    clock,
    context: { ...options.context },
    pollDelaysMs: options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS,
  };
  let cached: StoredTokens | null | undefined; // undefined: not read from the store yet
  let inflight: Promise<string> | null = null;

  const left = (validUntil: string) => {
    const at = Date.parse(validUntil);
    return Number.isNaN(at) ? -Infinity : at - clock.now();
  };

  async function current(): Promise<StoredTokens | null> {
    if (cached === undefined) {
      const parsed = storedTokensSchema().safeParse(await tokenStore.load());
      const ours =
        parsed.success &&
        parsed.data.context.type === loginCtx.context.type &&
        parsed.data.context.value === loginCtx.context.value;
      cached = ours ? parsed.data : null;
    }
    return cached;
  }

  async function keep(tokens: StoredTokens | null) {
    cached = tokens;
    if (tokens) await tokenStore.save(tokens);
    else await tokenStore.clear();
  }

  function login(): Promise<StoredTokens> {
    if ('ksefToken' in credentials) return loginWithKsefToken(loginCtx, credentials.ksefToken);
    return loginWithCertificate(loginCtx, credentials, options.signer!, {
      verifyCertificateChain: options.verifyCertificateChain,
    });
  }

  async function obtain(forceRefresh: boolean): Promise<string> {
    const tokens = await current();
    if (tokens && !forceRefresh && left(tokens.accessToken.validUntil) > margin) return tokens.accessToken.token;
    if (tokens && left(tokens.refreshToken.validUntil) > margin) {
      try {
        const { accessToken } = await client.auth.refresh(tokens.refreshToken.token);
        await keep({ ...tokens, accessToken });
        return accessToken.token;
      } catch (error) {
        // A network failure or a rate limit is no reason to burn a new login: only a dead refresh token is.
        if (!refreshTokenRejected(error)) throw error;
      }
    }
    if (tokens) await keep(null);
    const fresh = await login();
    await keep(fresh);
    return fresh.accessToken.token;
  }

  return {
    /** A valid access token; `forceRefresh` after KSeF answered 401 to a token we thought valid. */
    getAccessToken(opts: { forceRefresh?: boolean } = {}): Promise<string> {
      const force = opts.forceRefresh === true;
      if (!force && !inflight && cached && left(cached.accessToken.validUntil) > margin) {
        return Promise.resolve(cached.accessToken.token);
      }
      inflight ??= obtain(force).finally(() => {
        inflight = null;
      });
      return inflight;
    },

    /** What the UI may show; no token values. */
    async info() {
      const tokens = await current();
      return tokens
        ? {
            loggedIn: left(tokens.refreshToken.validUntil) > 0,
            method: tokens.method,
            accessValidUntil: tokens.accessToken.validUntil,
            refreshValidUntil: tokens.refreshToken.validUntil,
            referenceNumber: tokens.referenceNumber,
          }
        : { loggedIn: false as const };
    },

    /**
     * Ends the login: revokes it in KSeF (best effort; `revoked` says whether KSeF confirmed) and forgets
     * the tokens locally in any case.
     */
    async logout(): Promise<{ revoked: boolean }> {
      await inflight?.catch(() => undefined);
      const tokens = await current();
      let revoked = false;
      if (tokens && left(tokens.refreshToken.validUntil) > 0) {
        revoked = await client.auth.revokeCurrent(tokens.refreshToken.token).then(
          () => true,
          () => false,
        );
      }
      await keep(null);
      return { revoked };
    },
  };
}

export type AuthSession = ReturnType<typeof createAuthSession>;
