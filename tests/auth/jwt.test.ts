import { describe, expect, it } from 'vitest';
import { claimList, decodeJwtClaims, jwtExpiresAt } from '../../lib/auth/jwt';
import { makeJwt } from '../ksef/samples';
import { openapi } from '../helpers/openapi';

describe('decodeJwtClaims', () => {
  it('reads the claims of the official redeem example', () => {
    const example = (openapi.paths['/auth/token/redeem']!.post!.responses['200']!.content!['application/json'] as { example: { accessToken: { token: string } } }).example;
    expect(decodeJwtClaims(example.accessToken.token)).toMatchObject({
      'token-type': 'ContextToken',
      'context-identifier-type': 'Nip',
      'context-identifier-value': '3756977049',
      exp: 1747220149,
    });
    expect(jwtExpiresAt(example.accessToken.token)).toBe(1747220149_000);
  });

  it.each([['not-a-jwt'], ['a.b.c'], ['a..c'], [`x.${Buffer.from('[1]').toString('base64url')}.y`]])('returns null for %j', (token) => {
    expect(decodeJwtClaims(token)).toBeNull();
    expect(jwtExpiresAt(token)).toBeNull();
  });

  it('decodes UTF-8 claims', () => {
    expect(decodeJwtClaims(makeJwt({ name: 'Zażółć' }))).toMatchObject({ name: 'Zażółć' });
  });
});

describe('claimList', () => {
  it.each([
    [{ per: ['Owner', 1, 'InvoiceRead'] }, ['Owner', 'InvoiceRead']],
    [{ per: '["Owner"]' }, ['Owner']],
    [{ per: 'InvoiceRead, InvoiceWrite' }, ['InvoiceRead', 'InvoiceWrite']],
    [{ per: '[broken' }, ['[broken']],
    [{ per: 5 }, []],
    [{}, []],
  ])('reads %j', (claims, list) => {
    expect(claimList(claims, 'per')).toEqual(list);
  });
});
