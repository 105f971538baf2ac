// lib/auth's TokenStore backed by the store's `tokens` (one record per profile). The tokens belong to the login
// context and certificate they were earned with (issue 10): `save` records both, and `load` hands back only
// tokens that are still the profile's (the login guard drops the others and ends their session). The
// context handed to lib/auth is the one recorded, never the profile's current NIP written onto old tokens.
import type { StoredTokens, TokenStore } from '../auth';
import type { Credentials, Profile, Store } from '../store';
import { ownerOf, type LoginGuard } from './login-guard';

export function createStoreTokenStore(
  store: Pick<Store, 'saveTokens' | 'clearTokens'>,
  guard: Pick<LoginGuard, 'usableTokens'>,
  profile: Profile,
  credentials: Pick<Credentials, 'certificate' | 'storedAt'> | undefined,
): TokenStore {
  if (typeof store?.saveTokens !== 'function') throw new TypeError('"store" must be a Store');
  if (typeof guard?.usableTokens !== 'function') throw new TypeError('"guard" must be a LoginGuard');
  if (typeof profile?.id !== 'string' || typeof profile.nip !== 'string') throw new TypeError('"profile" must be a Profile');
  const owner = ownerOf(profile, credentials);
  return {
    async load(): Promise<StoredTokens | null> {
      const tokens = await guard.usableTokens(profile, owner);
      if (!tokens) return null;
      return {
        context: { type: 'Nip', value: tokens.loginContext?.nip ?? owner.context.nip },
        accessToken: { token: tokens.accessToken, validUntil: tokens.accessValidUntil },
        refreshToken: { token: tokens.refreshToken, validUntil: tokens.refreshValidUntil },
        referenceNumber: tokens.authReference ?? '',
        method: 'certificate',
      };
    },
    async save(tokens: StoredTokens): Promise<void> {
      await store.saveTokens(profile.id, {
        accessToken: tokens.accessToken.token,
        accessValidUntil: new Date(tokens.accessToken.validUntil).toISOString(),
        refreshToken: tokens.refreshToken.token,
        refreshValidUntil: new Date(tokens.refreshToken.validUntil).toISOString(),
        ...(tokens.referenceNumber ? { authReference: tokens.referenceNumber } : {}),
        loginContext: owner.context,
        ...(owner.certificate ? { certificateFingerprint: owner.certificate.fingerprintSha256 } : {}),
      });
    },
    async clear(): Promise<void> {
      await store.clearTokens(profile.id);
    },
  };
}
