// The login context that tokens and sync marks belong to (issue 10): the environment, the API base address as
// the client resolves it, and the context NIP. KSeF issues tokens for one context at one host (NOTES §3.7)
// and a high-water mark answers one query there (NOTES §7.2), so editing any of the three on a profile makes
// them another profile's. The check is made where a record is used; a record is never rewritten to the
// profile's new context.
import { resolveBaseUrl, type KsefTarget } from '../ksef';
import { refuseSimulatorInRelease } from '../platform/release';
import type { Profile, SyncState, Tokens } from '../store';

export type LoginContextKey = NonNullable<Tokens['loginContext']>;

/** Why stored tokens are no longer the profile's. */
export type StaleTokensReason = 'context' | 'certificate';

/** What a login is earned with now: the profile's context and, for a certificate login, that certificate. */
export interface LoginOwner {
  context: LoginContextKey;
  /** `storedAt`: when the store received the certificate (lib/store Credentials). */
  certificate?: { fingerprintSha256: string; storedAt: string };
}

/** Where a profile's client talks: a KSeF environment by name, the simulator by its address. */
export function ksefTargetOf(profile: Pick<Profile, 'environment' | 'baseUrl'>): KsefTarget {
  refuseSimulatorInRelease(profile.environment);
  return profile.environment === 'simulator' ? { baseUrl: profile.baseUrl ?? '' } : { environment: profile.environment };
}

export function loginContextOf(profile: Pick<Profile, 'environment' | 'baseUrl' | 'nip'>): LoginContextKey {
  if (typeof profile !== 'object' || profile === null) throw new TypeError('"profile" must be { environment, baseUrl, nip }');
  if (typeof profile.nip !== 'string' || !/^\d{10}$/.test(profile.nip)) throw new TypeError('"nip" must be ten digits');
  // resolveBaseUrl normalises the address (case of the host, default port, trailing slash) as the client does.
  return { environment: profile.environment, apiBaseUrl: resolveBaseUrl(ksefTargetOf(profile)), nip: profile.nip };
}

export function sameLoginContext(a: LoginContextKey, b: LoginContextKey): boolean {
  return a.environment === b.environment && a.apiBaseUrl === b.apiBaseUrl && a.nip === b.nip;
}

/**
 * Records written before issue 10 name no context. Until then every edit of a profile kept them, so the only
 * context they can be taken for is the profile's current one: existing users keep their marks and login.
 */
export function belongsToContext(recorded: LoginContextKey | undefined, current: LoginContextKey): boolean {
  return recorded === undefined || sameLoginContext(recorded, current);
}

/** Null while the tokens may be used by `owner`; otherwise why not. */
export function whyTokensAreStale(
  tokens: Pick<Tokens, 'loginContext' | 'certificateFingerprint' | 'updatedAt'>,
  owner: LoginOwner,
): StaleTokensReason | null {
  if (!belongsToContext(tokens.loginContext, owner.context)) return 'context';
  const certificate = owner.certificate;
  if (!certificate) return null;
  if (tokens.certificateFingerprint !== undefined) {
    return tokens.certificateFingerprint === certificate.fingerprintSha256 ? null : 'certificate';
  }
  // Before issue 10 the options page dropped the tokens whenever it stored a certificate, so tokens without a
  // fingerprint that are older than the stored certificate were earned with an earlier one.
  return Date.parse(tokens.updatedAt) < Date.parse(certificate.storedAt) ? 'certificate' : null;
}

/**
 * The sync state to continue from in `context`: the stored one when it belongs there, otherwise `fresh` (the
 * first-sync day's window, first-sync summary still to come) keeping only the scheduling, the limiter and the
 * notices already raised. The result names `context`, so the next write records whose marks they are.
 */
export function syncStateInContext(stored: SyncState | undefined, context: LoginContextKey, fresh: SyncState): SyncState {
  if (stored === undefined) return { ...fresh, loginContext: context };
  if (belongsToContext(stored.loginContext, context)) return { ...stored, loginContext: context };
  const { nextSyncAt, rateLimiter, lastSyncAt, notices } = stored;
  return { ...fresh, nextSyncAt, rateLimiter, lastSyncAt, ...(notices ? { notices } : {}), loginContext: context };
}

/** For the activity log: which login, without any token. */
export function describeLoginContext(context: LoginContextKey): string {
  return `${context.environment} ${context.apiBaseUrl}, NIP ${context.nip}`;
}
