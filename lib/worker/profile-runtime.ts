// What one profile needs to talk to KSeF: a client whose rate limiter is restored from the store and saved
// back on every change (RELIABILITY §2.3 item 7), and a login session whose tokens live in the store. Kept
// in memory only as a cache: a restarted worker rebuilds it from the store.
import { createAuthSession, ksefTargetOf, type AuthSession, type AuthTokenSigner } from '../auth';
import {
  createKsefClient,
  createRateLimiter,
  type Clock,
  type KsefClient,
  type RateLimitBudget,
  type RateLimitGroup,
} from '../ksef';
import { createSystemWarningLog } from '../diagnostics';
import type { Credentials, Profile, Store } from '../store';
import { SyncError } from '../sync';
import type { LoginGuard } from './login-guard';
import { createStoreTokenStore } from './token-store';
import { storedKeySigner, type HeavyWork } from './heavy';
import { lockedSigner, NO_KEY_AT_REST } from './unlock-handlers';

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The simulator runs on this machine and enforces its own limits with 429 and Retry-After, which the client
 * honours; our stricter client-side budgets (NOTES §9) would only make its long-backfill tests take hours.
 */
export const SIMULATOR_BUDGETS: Partial<Record<RateLimitGroup, RateLimitBudget>> = {
  invoiceMetadata: { perSecond: 50 },
  invoiceDownload: { perSecond: 50 },
};

export interface RuntimeDeps {
  store: Store;
  fetch: FetchFn;
  clock: Clock;
  random: () => number;
  /** Drops tokens earned for another context or certificate (issue 10). */
  logins: Pick<LoginGuard, 'usableTokens'>;
  /**
   * Signs a login with the key at rest: offscreen in Chrome, in-process in Firefox and Node (lib/worker/heavy.ts).
   * Absent where `signer` is given (the unlock page signs with the key it just unsealed).
   */
  heavy?: Pick<HeavyWork, 'sign'>;
  /** A signer for every login: the unlock page's lib/xades, or a test's fake. */
  signer?: AuthTokenSigner;
}

export interface ProfileRuntime {
  profile: Profile;
  credentials: Credentials;
  client: KsefClient;
  session: AuthSession;
}

export function createClientFor(deps: RuntimeDeps, profile: Profile, limiterState?: unknown): KsefClient {
  const rateLimiter = createRateLimiter({
    state: limiterState,
    budgets: profile.environment === 'simulator' ? SIMULATOR_BUDGETS : undefined,
    // Fire and forget: each change is one small transaction, applied in order (IndexedDB orders them). Metadata
    // bookings are not saved here: each page's own transaction stores them (lib/sync/subject-sync.ts,
    // older-invoices.ts), and the run's end stores the limiter again, so a page costs one transaction, not two
    // (issue 15, review §3.1). A 429 block is saved at once.
    onChange: (state, change) => {
      if (change.cause === 'acquire' && change.group === 'invoiceMetadata') return;
      void deps.store.saveRateLimiterState(profile.id, state).catch(() => undefined);
    },
  });
  // KSeF's X-System-Warning notices go to the activity log, once a day per warning (issue 10).
  const onSystemWarning = createSystemWarningLog({ store: deps.store, profileId: profile.id, now: () => deps.clock.now() });
  return createKsefClient(ksefTargetOf(profile), { fetch: deps.fetch, clock: deps.clock, rateLimiter, random: deps.random, onSystemWarning });
}

export function createSessionFor(deps: RuntimeDeps, profile: Profile, credentials: Credentials, client: KsefClient): AuthSession {
  return createAuthSession({
    client,
    tokenStore: createStoreTokenStore(deps.store, deps.logins, profile, credentials),
    // Locked mode (issue 14): no usable key at rest, so a login reaches lockedSigner, which asks for the password.
    credentials: { certificate: credentials.certificate, privateKey: credentials.privateKey ?? NO_KEY_AT_REST },
    context: { type: 'Nip', value: profile.nip },
    clock: deps.clock,
    signer: credentials.privateKey === undefined ? lockedSigner : (deps.signer ?? ((input) => storedKeySigner(heavyOf(deps), { profileId: profile.id, source: 'credentials' })(input))),
  });
}

function heavyOf(deps: RuntimeDeps): Pick<HeavyWork, 'sign'> {
  if (!deps.heavy) throw new TypeError('"heavy" or "signer" is needed to sign a login');
  return deps.heavy;
}

/** Builds (or reuses) each profile's runtime; `forget` after the profile or its credentials changed. */
export function createRuntimeCache(deps: RuntimeDeps) {
  const cache = new Map<string, Promise<ProfileRuntime>>();

  async function build(profileId: string): Promise<ProfileRuntime> {
    const profile = await deps.store.getProfile(profileId);
    if (!profile) throw new SyncError('PROFILE_NOT_FOUND');
    const credentials = await deps.store.getCredentials(profileId);
    if (!credentials) throw new SyncError('NO_CREDENTIALS');
    const saved = await deps.store.getSyncState(profileId, 'Subject2');
    const client = createClientFor(deps, profile, saved?.rateLimiter);
    return { profile, credentials, client, session: createSessionFor(deps, profile, credentials, client) };
  }

  return {
    get(profileId: string): Promise<ProfileRuntime> {
      let entry = cache.get(profileId);
      if (!entry) {
        entry = build(profileId);
        cache.set(profileId, entry);
        entry.catch(() => cache.delete(profileId));
      }
      return entry;
    },
    forget(profileId: string): void {
      cache.delete(profileId);
    },
  };
}
