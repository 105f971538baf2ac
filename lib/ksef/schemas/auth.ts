// Login operations [OA:POST /auth/challenge], [OA:POST /auth/xades-signature], [OA:POST /auth/ksef-token],
// [OA:GET /auth/{referenceNumber}], [OA:POST /auth/token/redeem], [OA:POST /auth/token/refresh].
import * as z from 'zod/mini';
import { ReferenceNumber, StatusInfo, TokenInfo, type ContextIdentifier } from './common';

export const AuthChallengeResponse = z.lazy(() => z.object({
  challenge: z.string().check(z.length(36)),
  timestamp: z.string(),
  timestampMs: z.number(),
  clientIp: z.string(),
}));
export type AuthChallengeResponse = z.infer<typeof AuthChallengeResponse>;

export const AuthInitResponse = z.lazy(() => z.object({
  referenceNumber: ReferenceNumber,
  authenticationToken: TokenInfo,
}));
export type AuthInitResponse = z.infer<typeof AuthInitResponse>;

/**
 * `authenticationMethodInfo` is required by the schema but missing from every official example, and
 * `authenticationMethod` is deprecated (removal planned 2026-11-16, NOTES §3.6): both optional here.
 */
export const AuthStatusResponse = z.lazy(() => z.object({
  startDate: z.string(),
  authenticationMethod: z.nullish(z.string()),
  authenticationMethodInfo: z.nullish(z.object({ category: z.string(), code: z.string(), displayName: z.string() })),
  status: StatusInfo,
  isTokenRedeemed: z.nullish(z.boolean()),
  lastTokenRefreshDate: z.nullish(z.string()),
  refreshTokenValidUntil: z.nullish(z.string()),
}));
export type AuthStatusResponse = z.infer<typeof AuthStatusResponse>;

export const AuthTokensResponse = z.lazy(() => z.object({
  accessToken: TokenInfo,
  refreshToken: TokenInfo,
}));
export type AuthTokensResponse = z.infer<typeof AuthTokensResponse>;

export const AuthRefreshResponse = z.lazy(() => z.object({
  accessToken: TokenInfo,
}));
export type AuthRefreshResponse = z.infer<typeof AuthRefreshResponse>;

/** Body of `POST /auth/ksef-token` [OA#InitTokenAuthenticationRequest]. */
export interface KsefTokenAuthRequest {
  challenge: string;
  contextIdentifier: ContextIdentifier;
  /** Base64 RSA-OAEP-SHA256 of UTF-8 `"<token>|<timestampMs>"` (NOTES §5). */
  encryptedToken: string;
  /** Base64 SHA-256 of the key's SPKI, from `/security/public-key-certificates`. */
  publicKeyId?: string;
}
