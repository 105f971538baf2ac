// Login operations (NOTES §3, §5). The operation token is used for status and redeem, the refresh token
// for refresh, either token for revoking the current session.
import type { Transport } from './transport';
import { rateLimitKey } from './rate-limit-budgets';
import { requireObject, requireReference, requireToken } from './args';
import {
  AuthChallengeResponse,
  AuthInitResponse,
  AuthRefreshResponse,
  AuthStatusResponse,
  AuthTokensResponse,
  type KsefTokenAuthRequest,
} from './schemas';

const AUTH = rateLimitKey('auth');

export function authApi(t: Transport) {
  return {
    challenge: () =>
      t.json({ method: 'POST', path: '/auth/challenge', accept: 'json', limit: AUTH, retry: 'idempotent' }, AuthChallengeResponse),

    /** `verifyCertificateChain` forces chain and OCSP/CRL checks on TEST; DEMO and production always check. */
    submitXades(signedXml: string, options: { verifyCertificateChain?: boolean } = {}) {
      if (typeof signedXml !== 'string' || !signedXml.includes('<')) throw new TypeError('"signedXml" must be an XML string');
      const verify = options.verifyCertificateChain;
      if (verify !== undefined && typeof verify !== 'boolean') throw new TypeError('"verifyCertificateChain" must be a boolean');
      return t.json(
        {
          method: 'POST',
          path: '/auth/xades-signature',
          query: { verifyCertificateChain: verify },
          xml: signedXml,
          accept: 'json',
          limit: AUTH,
          retry: 'noResponse',
        },
        AuthInitResponse,
      );
    },

    submitKsefToken(request: KsefTokenAuthRequest) {
      requireObject('request', request);
      return t.json(
        { method: 'POST', path: '/auth/ksef-token', json: request, accept: 'json', limit: AUTH, retry: 'noResponse' },
        AuthInitResponse,
      );
    },

    status(referenceNumber: string, authenticationToken: string) {
      return t.json(
        {
          method: 'GET',
          path: '/auth/{referenceNumber}',
          params: { referenceNumber: requireReference('referenceNumber', referenceNumber) },
          token: requireToken('authenticationToken', authenticationToken),
          accept: 'json',
          limit: AUTH,
          retry: 'idempotent',
        },
        AuthStatusResponse,
      );
    },

    /** Tokens are handed out once: never repeated after KSeF answered (21301 would follow). */
    redeem(authenticationToken: string) {
      const token = requireToken('authenticationToken', authenticationToken);
      return t.json(
        { method: 'POST', path: '/auth/token/redeem', token, accept: 'json', limit: AUTH, retry: 'noResponse' },
        AuthTokensResponse,
      );
    },

    refresh(refreshToken: string) {
      const token = requireToken('refreshToken', refreshToken);
      return t.json(
        { method: 'POST', path: '/auth/token/refresh', token, accept: 'json', limit: AUTH, retry: 'idempotent' },
        AuthRefreshResponse,
      );
    },

    /** Ends the login session: the refresh token dies, issued access tokens live until `exp` (NOTES §3.7). */
    async revokeCurrent(token: string): Promise<void> {
      const operation = 'DELETE /auth/sessions/current';
      await t.send({
        method: 'DELETE',
        path: '/auth/sessions/current',
        token: requireToken('token', token),
        accept: 'none',
        limit: rateLimitKey('other', operation),
        retry: 'idempotent',
      });
    },
  };
}
