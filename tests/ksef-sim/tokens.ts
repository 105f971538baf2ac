// JWT-shaped tokens (HS256 with a per-simulator secret). Claim names follow what real access tokens carry
// (NOTES §3.7: typ, cit, civ, aum, per, exp, iat, iss, aud); clients must treat them as opaque anyway.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type TokenType = 'OperationToken' | 'ContextToken' | 'RefreshToken';

export interface TokenClaims {
  typ: TokenType;
  /** Reference number of the authentication operation the token belongs to. */
  ref: string;
  /** Context identifier type and value (`Nip`, `5265877635`). */
  cit: string;
  civ: string;
  /** Authentication method, e.g. `InternalCertificate`. */
  aum: string;
  /** Permissions in the context, e.g. `["Owner"]`. */
  per: string[];
  iat: number;
  exp: number;
  iss: string;
  aud: string;
  jti: string;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** The signing secret is derived from the seed, so tokens are reproducible and never configured by hand. */
export function tokenSecret(seed: string | number): Buffer {
  return createHash('sha256').update(`ksef-sim token secret:${String(seed)}`).digest();
}

export function signToken(claims: TokenClaims, secret: Buffer): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${b64url(signature)}`;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'type' };

/** Verifies signature, expiry (against the simulator clock) and, when given, the expected token type. */
export function verifyToken(token: string, secret: Buffer, nowMs: number, expected?: readonly TokenType[]): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 8192) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  const expectedSig = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const givenSig = Buffer.from(signature, 'base64url');
  if (givenSig.length !== expectedSig.length || !timingSafeEqual(givenSig, expectedSig)) return { ok: false, reason: 'signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  if (expected && !expected.includes(claims.typ)) return { ok: false, reason: 'type' };
  return { ok: true, claims };
}

/** Reads the claims without checking anything (rate-limit keys only; never for access decisions). */
export function peekClaims(token: string): Partial<TokenClaims> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Partial<TokenClaims>) : null;
  } catch {
    return null;
  }
}
