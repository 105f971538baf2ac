// Who is calling and what they may do: bearer tokens (NOTES §2), permissions from the Owner role or from
// grants set through the admin API (NOTES §6), and KSeF's 401/403 answers (NOTES §10).
import { forbidden, unauthorized } from './errors';
import { bearerToken, type SimRequest } from './http';
import type { ContextIdentifier, Grant, Identity, SimState } from './state';
import { verifyToken, type TokenClaims, type TokenType } from './tokens';

/** Every permission an Owner holds: all except VatUeManage (NOTES §3.3). */
const OWNER_IMPLIES = ['InvoiceWrite', 'InvoiceRead', 'Introspection', 'CredentialsRead', 'CredentialsManage', 'SubunitManage', 'EnforcementOperations', 'PefInvoiceWrite'];

export const GRANTABLE_PERMISSIONS = [
  'Owner',
  'InvoiceWrite',
  'InvoiceRead',
  'Introspection',
  'CredentialsRead',
  'CredentialsManage',
  'SubunitManage',
  'EnforcementOperations',
  'VatUeManage',
] as const;

const TOKEN_PROBLEMS: Record<string, string> = {
  missing: 'Brak tokenu uwierzytelniającego w nagłówku Authorization.',
  malformed: 'Nieprawidłowy token uwierzytelniający.',
  signature: 'Nieprawidłowy token uwierzytelniający.',
  expired: 'Token uwierzytelniający wygasł.',
  type: 'Token nie jest przeznaczony do tej operacji.',
};

/** The caller's verified token claims, or 401. */
export function requireToken(req: SimRequest, state: SimState, types: readonly TokenType[]): TokenClaims {
  const token = bearerToken(req);
  if (!token) throw unauthorized(TOKEN_PROBLEMS.missing as string);
  const check = verifyToken(token, state.tokenSecret, state.clock.now(), types);
  if (!check.ok) throw unauthorized(TOKEN_PROBLEMS[check.reason] as string);
  return check.claims;
}

/** What a token's permissions allow: Owner brings everything it implies (NOTES §3.3). */
export const effectivePermissions = (per: readonly string[]): string[] => (per.includes('Owner') ? [...per, ...OWNER_IMPLIES] : [...per]);

/** The context of an access token and its permissions, after checking that one of `anyOf` is held (403 otherwise). */
export function requireAccess(req: SimRequest, state: SimState, anyOf: readonly string[]): { claims: TokenClaims; context: ContextIdentifier } {
  const claims = requireToken(req, state, ['ContextToken']);
  const effective = effectivePermissions(claims.per);
  if (anyOf.length > 0 && !anyOf.some((p) => effective.includes(p))) {
    throw forbidden('missing-permissions', `Brak wymaganych uprawnień do wykonania operacji: ${anyOf.join(', ')}.`, {
      requiredAnyOfPermissions: [...anyOf],
      presentPermissions: [...claims.per],
    });
  }
  return { claims, context: { type: claims.cit, value: claims.civ } };
}

const sameIdentity = (a: Identity, b: Identity): boolean => a.type === b.type && a.value.toLowerCase() === b.value.toLowerCase();
const sameContext = (a: ContextIdentifier, b: ContextIdentifier): boolean => a.type === b.type && a.value === b.value;

export function grantsFor(state: SimState, identity: Identity, context: ContextIdentifier): Grant[] {
  return state.grants.filter((g) => sameIdentity(g.identity, identity) && sameContext(g.context, context));
}

/**
 * Permissions of an identity in a context: Owner when its NIP is the context NIP (NOTES §3.3), else what
 * the admin API granted. An empty list ends authentication with status 415.
 */
export function permissionsFor(state: SimState, identity: Identity | null, context: ContextIdentifier): string[] {
  if (!identity) return [];
  if (identity.type === 'Nip' && context.type === 'Nip' && identity.value === context.value) return ['Owner'];
  const granted = [...new Set(grantsFor(state, identity, context).map((g) => g.permission))];
  return granted.includes('Owner') ? ['Owner'] : granted;
}
