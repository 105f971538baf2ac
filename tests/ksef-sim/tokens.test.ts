import { describe, expect, it } from 'vitest';
import { peekClaims, signToken, tokenSecret, verifyToken, type TokenClaims } from './tokens';

const claims: TokenClaims = { typ: 'ContextToken', ref: 'r', cit: 'Nip', civ: '5265877635', aum: 'InternalCertificate', per: ['Owner'], iat: 1000, exp: 2000, iss: 'ksef-sim-test', aud: 'ksef-sim-test', jti: 'j' };
const secret = tokenSecret('tokens');

describe('JWT-shaped tokens (NOTES §3.7)', () => {
  it('verify before exp, with the expected type', () => {
    const token = signToken(claims, secret);
    expect(token.split('.')).toHaveLength(3);
    expect(verifyToken(token, secret, 1_999_999, ['ContextToken'])).toEqual({ ok: true, claims });
    expect(peekClaims(token)).toEqual(claims);
  });

  it.each([
    ['expired', signToken(claims, secret), 2_000_000, ['ContextToken'], 'expired'],
    ['of another type', signToken(claims, secret), 1_000_000, ['RefreshToken'], 'type'],
    ['signed with another secret', signToken(claims, tokenSecret('other')), 1_000_000, undefined, 'signature'],
    ['altered', signToken(claims, secret).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ ...claims, per: ['X'] })).toString('base64url')}.`), 1_000_000, undefined, 'signature'],
    ['not a JWT', 'abc', 0, undefined, 'malformed'],
  ] as const)('refuse a token %s', (_name, token, now, types, reason) => {
    expect(verifyToken(token, secret, now, types)).toEqual({ ok: false, reason });
  });
});
