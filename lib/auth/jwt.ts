// JWT claims for display and for the permission hint of NOTES §6; nothing here verifies a signature, and
// nothing may rely on claim names, which KSeF has not made part of its contract (NOTES §3.7).
import { base64ToBytes, utf8Decode } from '../ksef';

export type JwtClaims = Record<string, unknown>;

/** The payload of a compact JWT, or null when `token` is not one. */
export function decodeJwtClaims(token: string): JwtClaims | null {
  if (typeof token !== 'string') throw new TypeError('"token" must be a string');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const claims: unknown = JSON.parse(utf8Decode(base64ToBytes(parts[1])));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as JwtClaims) : null;
  } catch {
    return null;
  }
}

/** `exp` as epoch milliseconds, or null. */
export function jwtExpiresAt(token: string): number | null {
  const exp = decodeJwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/**
 * A claim that may hold a list: a JSON array, a JSON-encoded array string, or a comma-separated string
 * (all three forms were seen for KSeF's `per` claim in integrator reports).
 */
export function claimList(claims: JwtClaims | null, name: string): string[] {
  const value = claims?.[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string' || !value.trim()) return [];
  if (value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string');
    } catch {
      // fall through to the comma-separated reading
    }
  }
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
