// The authentication operation after the start (NOTES §3.6–3.7): asynchronous status, tokens redeemed once,
// refresh within the 7-day refresh token (not extended by refreshing), revocation.
import { createHash } from 'node:crypto';
import { permissionsFor, requireToken } from './access';
import { badRequest, gone } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { newReferenceNumber, newUuid } from './ids';
import { capMap, type AuthOperation, type ContextIdentifier, type Identity, type SimState, type StatusInfo } from './state';
import { iso } from './time';
import { signToken, type TokenClaims, type TokenType } from './tokens';

export const MAX_OPERATIONS = 100_000;
/** Auth status answers 410 after this (NOTES §2, api-changelog 2.4.0). */
const AUTH_STATUS_RETENTION_MS = 7 * 86_400_000;

export const AUTH_STATUS = {
  inProgress: { code: 100, description: 'Uwierzytelnianie w toku' },
  success: { code: 200, description: 'Uwierzytelnianie zakończone sukcesem' },
  noPermissions: { code: 415, description: 'Uwierzytelnianie zakończone niepowodzeniem', details: ['Brak przypisanych uprawnień'] },
  revoked: {
    code: 425,
    description: 'Uwierzytelnienie unieważnione',
    details: ['Uwierzytelnienie i powiązane refresh tokeny zostały unieważnione przez użytkownika'],
  },
  badToken: (detail: string): StatusInfo => ({ code: 450, description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu', details: [detail] }),
  certificate: (detail: string): StatusInfo => ({ code: 460, description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędu certyfikatu', details: [detail] }),
} as const;

export const METHOD_INFO: Record<string, AuthOperation['methodInfo']> = {
  InternalCertificate: { category: 'XadesSignature', code: 'InternalCertificate', displayName: 'Certyfikat KSeF' },
  QualifiedSignature: { category: 'XadesSignature', code: 'QualifiedSignature', displayName: 'Podpis kwalifikowany' },
  QualifiedSeal: { category: 'XadesSignature', code: 'QualifiedSeal', displayName: 'Pieczęć kwalifikowana' },
  Token: { category: 'Token', code: 'Token', displayName: 'Token KSeF' },
};

export function issueToken(state: SimState, typ: TokenType, op: AuthOperation, lifetimeMs: number, exp?: number): { token: string; validUntil: string } {
  const now = state.clock.now();
  const expiresAt = exp ?? now + lifetimeMs;
  const claims: TokenClaims = {
    typ,
    ref: op.referenceNumber,
    cit: op.context.type,
    civ: op.context.value,
    aum: op.method,
    per: typ === 'OperationToken' ? [] : op.permissions,
    iat: Math.floor(now / 1000),
    exp: Math.floor(expiresAt / 1000),
    iss: `ksef-sim-${state.options.environment}`,
    aud: `ksef-sim-${state.options.environment}`,
    jti: newUuid(state.rng),
  };
  return { token: signToken(claims, state.tokenSecret), validUntil: iso(claims.exp * 1000) };
}

/** The operation a token belongs to (21304 when unknown; 410 after retention). */
function operationOf(state: SimState, ref: string): AuthOperation {
  const op = state.authOperations.get(ref);
  if (!op) throw badRequest(21304, [`Operacja uwierzytelniania o numerze referencyjnym ${ref} nie została znaleziona.`]);
  if (state.clock.now() - op.startDate > AUTH_STATUS_RETENTION_MS) throw gone('Operacja wygasła i nie jest już dostępna.');
  return op;
}

function currentStatus(op: AuthOperation): StatusInfo {
  if (op.revoked) return AUTH_STATUS.revoked;
  return op.pendingPolls > 0 ? AUTH_STATUS.inProgress : op.outcome;
}

export function getAuthStatus(req: SimRequest, state: SimState): SimResponse {
  const claims = requireToken(req, state, ['OperationToken']);
  const ref = req.params.referenceNumber ?? '';
  if (claims.ref !== ref) throw badRequest(21304, [`Operacja uwierzytelniania o numerze referencyjnym ${ref} nie została znaleziona.`]);
  const op = operationOf(state, ref);
  const status = currentStatus(op);
  if (op.pendingPolls > 0) op.pendingPolls -= 1;
  return json(200, {
    startDate: iso(op.startDate),
    authenticationMethod: op.method,
    authenticationMethodInfo: op.methodInfo,
    status,
    isTokenRedeemed: op.redeemed,
    lastTokenRefreshDate: op.lastTokenRefreshDate === null ? null : iso(op.lastTokenRefreshDate),
    refreshTokenValidUntil: op.refreshTokenValidUntil === null ? null : iso(op.refreshTokenValidUntil),
  });
}

export function postRedeem(req: SimRequest, state: SimState): SimResponse {
  const claims = requireToken(req, state, ['OperationToken']);
  const op = operationOf(state, claims.ref);
  if (op.redeemed) throw badRequest(21301, [`Tokeny dla operacji uwierzytelniania ${op.referenceNumber} zostały już pobrane.`]);
  const status = currentStatus(op);
  if (status.code !== 200) throw badRequest(21301, [`Status uwierzytelniania (${status.code}) nie pozwala na pobranie tokenów.`]);
  op.redeemed = true;
  const { tokenLifetimes } = state.options;
  const refreshToken = issueToken(state, 'RefreshToken', op, tokenLifetimes.refreshMs);
  op.refreshTokenValidUntil = Date.parse(refreshToken.validUntil);
  const accessToken = issueToken(state, 'ContextToken', op, tokenLifetimes.accessMs);
  return json(200, { accessToken, refreshToken });
}

export function postRefresh(req: SimRequest, state: SimState): SimResponse {
  const claims = requireToken(req, state, ['RefreshToken']);
  const op = operationOf(state, claims.ref);
  if (op.revoked) throw badRequest(21301, [`Status uwierzytelniania (${AUTH_STATUS.revoked.code}) nie pozwala na odświeżenie tokenu dostępowego.`]);
  // The access token carries the permissions held now (NOTES §3.7): grants may have changed since login.
  if (op.identity && !op.permissions.includes('Owner')) op.permissions = permissionsFor(state, op.identity, op.context);
  op.lastTokenRefreshDate = state.clock.now();
  return json(200, { accessToken: issueToken(state, 'ContextToken', op, state.options.tokenLifetimes.accessMs) });
}

/** DELETE /auth/sessions/current: the refresh token dies; access tokens live until `exp` (NOTES §3.7). */
export function deleteCurrentSession(req: SimRequest, state: SimState): SimResponse {
  const claims = requireToken(req, state, ['ContextToken', 'RefreshToken']);
  operationOf(state, claims.ref).revoked = true;
  return { status: 204 };
}

/**
 * A finished, redeemed authentication without the signature round trip (admin API only): tests of other
 * features get real tokens in one call. The login flow itself is tested through /v2.
 */
export function issueTokensDirectly(state: SimState, context: ContextIdentifier, permissions: string[], identity: Identity | null) {
  const now = state.clock.now();
  const op: AuthOperation = {
    referenceNumber: newReferenceNumber('AU', now, state.rng),
    startDate: now,
    method: 'InternalCertificate',
    methodInfo: METHOD_INFO.InternalCertificate as AuthOperation['methodInfo'],
    context,
    identity,
    permissions,
    outcome: AUTH_STATUS.success,
    pendingPolls: 0,
    redeemed: true,
    refreshTokenValidUntil: null,
    lastTokenRefreshDate: null,
    revoked: false,
    authProof: { element: 'SkrotDokumentuUwierzytelniajacego', value: createHash('sha256').update(`admin-issued ${now}`).digest('base64') },
  };
  state.authOperations.set(op.referenceNumber, op);
  capMap(state.authOperations, MAX_OPERATIONS);
  const refreshToken = issueToken(state, 'RefreshToken', op, state.options.tokenLifetimes.refreshMs);
  op.refreshTokenValidUntil = Date.parse(refreshToken.validUntil);
  const accessToken = issueToken(state, 'ContextToken', op, state.options.tokenLifetimes.accessMs);
  return { referenceNumber: op.referenceNumber, accessToken, refreshToken };
}
