import { describe, expect, it } from 'vitest';
import type { TokensInput } from '../../lib/store/records';
import { caught, freshStore, NOW, profileInput } from './helpers';

const TOKENS: TokensInput = {
  accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln',
  accessValidUntil: '2026-02-10T12:15:00.000Z',
  refreshToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyIn0.c2ln',
  refreshValidUntil: '2026-02-17T12:00:00+00:00',
  authReference: '20260210-AU-0123456789-ABCDEF0123-01',
};
const CONTEXT = { environment: 'simulator' as const, apiBaseUrl: 'http://127.0.0.1:8123/v2', nip: '5265877635' };
const FINGERPRINT = '7b2717b585fdfcfbf575bbf7ed15ae301d9964f3031343139eacc08eb29a61b7';

describe('saveTokens, getTokens, clearTokens', () => {
  it('stores the tokens of a profile, reads them back and clears them', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const saved = await store.saveTokens('p1', TOKENS);
    expect(saved).toEqual({ ...TOKENS, profileId: 'p1', updatedAt: NOW.toISOString() });
    expect(await store.getTokens('p1')).toEqual(saved);
    await store.clearTokens('p1');
    expect(await store.getTokens('p1')).toBeUndefined();
  });

  it('replaces the previous tokens (a refresh)', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveTokens('p1', TOKENS);
    const { authReference: _dropped, ...refreshed } = { ...TOKENS, accessToken: 'new-access' };
    await store.saveTokens('p1', refreshed);
    expect(await store.getTokens('p1')).toEqual({ ...refreshed, profileId: 'p1', updatedAt: NOW.toISOString() });
  });

  it('keeps the login context and the certificate the tokens were earned with (issue 10)', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const bound = { ...TOKENS, loginContext: CONTEXT, certificateFingerprint: FINGERPRINT };
    expect(await store.saveTokens('p1', bound)).toEqual({ ...bound, profileId: 'p1', updatedAt: NOW.toISOString() });
    expect(await store.getTokens('p1')).toMatchObject({ loginContext: CONTEXT, certificateFingerprint: FINGERPRINT });
  });

  it.each<[string, Partial<TokensInput>, string]>([
    ['an empty access token', { accessToken: '' }, 'saveTokens: invalid accessToken'],
    ['an expiry that is not a date-time', { refreshValidUntil: 'jutro' }, 'saveTokens: invalid refreshValidUntil'],
    ['a context NIP of nine digits', { loginContext: { ...CONTEXT, nip: '526587763' } }, 'saveTokens: invalid loginContext.nip'],
    ['a context in an unknown environment', { loginContext: { ...CONTEXT, environment: 'staging' as never } }, 'saveTokens: invalid loginContext.environment'],
    ['a fingerprint in capitals', { certificateFingerprint: FINGERPRINT.toUpperCase() }, 'saveTokens: invalid certificateFingerprint'],
  ])('refuses %s with INVALID_RECORD, without echoing the token', async (_name, change, message) => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const error = await caught(store.saveTokens('p1', { ...TOKENS, ...change }));
    expect(error).toMatchObject({ code: 'INVALID_RECORD', message });
    expect(JSON.stringify(error) + String(error)).not.toContain('eyJ');
  });

  it('refuses tokens for a profile that does not exist (PROFILE_NOT_FOUND)', async () => {
    const { store } = freshStore();
    expect(await caught(store.saveTokens('ghost', TOKENS))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'saveTokens: no profile "ghost"',
    });
  });
});
