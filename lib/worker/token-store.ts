// lib/auth's TokenStore backed by the store's `tokens` (one record per profile). The login context is the
// profile's NIP, so a record written for another NIP is not handed back (lib/auth checks the context too).
import type { StoredTokens, TokenStore } from '../auth';
import type { Store } from '../store';

export function createStoreTokenStore(
  store: Pick<Store, 'getTokens' | 'saveTokens' | 'clearTokens'>,
  profile: { id: string; nip: string },
): TokenStore {
  if (typeof store?.getTokens !== 'function') throw new TypeError('"store" must be a Store');
  if (typeof profile?.id !== 'string' || typeof profile.nip !== 'string') {
    throw new TypeError('"profile" must be { id, nip }');
  }
  return {
    async load(): Promise<StoredTokens | null> {
      const tokens = await store.getTokens(profile.id);
      if (!tokens) return null;
      return {
        context: { type: 'Nip', value: profile.nip },
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
      });
    },
    async clear(): Promise<void> {
      await store.clearTokens(profile.id);
    },
  };
}
