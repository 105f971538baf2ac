// Authentication (NOTES §3, §5): challenge → signed request (XAdES) or encrypted KSeF token → asynchronous
// status (100, then the outcome) → redeem once → refresh within the 7-day refresh token → revoke.
import { createHash } from 'node:crypto';
import type { CertificateInfo } from '../../lib/pki';
import { permissionsFor, requireAccess, requireToken } from './access';
import { badRequest, gone, plainError } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { newReferenceNumber, newUuid } from './ids';
import { rsaOaepDecrypt } from './keys';
import { capMap, type AuthOperation, type ContextIdentifier, type Identity, type SimState, type StatusInfo } from './state';
import { iso } from './time';
import { signToken, type TokenClaims, type TokenType } from './tokens';

const MAX_CHALLENGES = 100_000;
const MAX_OPERATIONS = 100_000;
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

const METHOD_INFO: Record<string, AuthOperation['methodInfo']> = {
  InternalCertificate: { category: 'XadesSignature', code: 'InternalCertificate', displayName: 'Certyfikat KSeF' },
  QualifiedSignature: { category: 'XadesSignature', code: 'QualifiedSignature', displayName: 'Podpis kwalifikowany' },
  QualifiedSeal: { category: 'XadesSignature', code: 'QualifiedSeal', displayName: 'Pieczęć kwalifikowana' },
  Token: { category: 'Token', code: 'Token', displayName: 'Token KSeF' },
};

function issueToken(state: SimState, typ: TokenType, op: AuthOperation, lifetimeMs: number, exp?: number): { token: string; validUntil: string } {
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

export function postChallenge(req: SimRequest, state: SimState): SimResponse {
  const now = state.clock.now();
  const challenge = newReferenceNumber('CR', now, state.rng);
  state.challenges.set(challenge, { challenge, timestampMs: now, used: false });
  capMap(state.challenges, MAX_CHALLENGES);
  return json(200, { challenge, timestamp: iso(now), timestampMs: now, clientIp: req.ip });
}

/** A challenge works once and for 10 minutes (NOTES §3.2); anything else is 21111. */
function consumeChallenge(state: SimState, challenge: string): { timestampMs: number } {
  const record = state.challenges.get(challenge);
  const now = state.clock.now();
  if (!record || record.used || now - record.timestampMs > state.options.challengeTtlMs || now < record.timestampMs) {
    throw badRequest(21111, [record?.used ? 'Wyzwanie autoryzacyjne zostało już użyte.' : 'Wyzwanie autoryzacyjne jest nieznane lub wygasło.']);
  }
  record.used = true;
  return record;
}

function createOperation(state: SimState, fields: Omit<AuthOperation, 'referenceNumber' | 'startDate' | 'pendingPolls' | 'redeemed' | 'refreshTokenValidUntil' | 'lastTokenRefreshDate' | 'revoked' | 'methodInfo'>): SimResponse {
  const now = state.clock.now();
  const op: AuthOperation = {
    ...fields,
    referenceNumber: newReferenceNumber('AU', now, state.rng),
    startDate: now,
    methodInfo: METHOD_INFO[fields.method] ?? { category: 'Other', code: fields.method, displayName: fields.method },
    pendingPolls: state.options.authPendingPolls,
    redeemed: false,
    refreshTokenValidUntil: null,
    lastTokenRefreshDate: null,
    revoked: false,
  };
  state.authOperations.set(op.referenceNumber, op);
  capMap(state.authOperations, MAX_OPERATIONS);
  const authenticationToken = issueToken(state, 'OperationToken', op, state.options.tokenLifetimes.authenticationMs);
  return json(202, { referenceNumber: op.referenceNumber, authenticationToken });
}

/** Which certificates an environment trusts (NOTES §4.2–4.3); a refused one is a synchronous 21115. */
function certificateTrusted(state: SimState, cert: CertificateInfo): boolean {
  if (state.options.trustedIssuers.includes(cert.issuer)) return true;
  if (state.options.environment === 'test') return cert.selfSigned || cert.environmentHint !== 'production';
  return !cert.selfSigned && cert.environmentHint === 'production';
}

function authenticationMethod(cert: CertificateInfo): string {
  if (!cert.selfSigned && (cert.environmentHint === 'test' || cert.environmentHint === 'production')) return 'InternalCertificate';
  return cert.subject.organizationIdentifier ? 'QualifiedSeal' : 'QualifiedSignature';
}

export async function postXadesSignature(req: SimRequest, state: SimState): Promise<SimResponse> {
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!/^(application|text)\/xml\b/.test(contentType)) {
    // KSeF answers a wrong Content-Type with 415 [GH CIRFMF/ksef-api#109], a status openapi.json does not list.
    throw plainError(415, 'Unsupported Media Type', 'Wymagany nagłówek Content-Type: application/xml.');
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(req.body);
  } catch {
    throw badRequest(21217, ['Dokument nie jest poprawnie zakodowany w UTF-8.']);
  }
  const now = state.clock.now();
  const result = await state.verifyXades(xml, { now: new Date(now) });
  const first = result.errors[0];
  if (!result.valid || !result.request || !result.certificate) {
    throw badRequest(first?.code ?? 9105, first ? [`${first.reason}: ${first.message}`] : []);
  }
  const { request, certificate } = result;
  consumeChallenge(state, request.challenge);
  if (!certificateTrusted(state, certificate)) {
    throw badRequest(21115, [certificate.selfSigned ? 'Certyfikat samopodpisany nie jest akceptowany w tym środowisku.' : `Wystawca certyfikatu nie jest zaufany: ${certificate.issuer}.`]);
  }
  let identity: Identity | null;
  if (request.subjectIdentifierType === 'certificateFingerprint') {
    identity = { type: 'Fingerprint', value: certificate.fingerprintSha256.toUpperCase() };
  } else if (certificate.identifier) {
    identity = { type: certificate.identifier.type === 'NIP' ? 'Nip' : 'Pesel', value: certificate.identifier.value };
  } else {
    // A subject without a NIP/PESEL cannot authenticate as certificateSubject [GH CIRFMF/ksef-api#169].
    throw badRequest(21406, ['Certyfikat nie zawiera identyfikatora NIP ani PESEL; użyj certificateFingerprint.']);
  }
  const context: ContextIdentifier = { type: request.contextIdentifier.type, value: request.contextIdentifier.value };
  const permissions = permissionsFor(state, identity, context);
  let outcome: StatusInfo;
  if (req.query.get('verifyCertificateChain') === 'true' && certificate.selfSigned) {
    outcome = AUTH_STATUS.certificate('Niezaufany łańcuch certyfikatów');
  } else if (now < certificate.notBefore.getTime() || now > certificate.notAfter.getTime()) {
    outcome = AUTH_STATUS.certificate('Nieważny certyfikat');
  } else if (certificate.purpose === 'offline') {
    // Offline certificates only sign QR codes; they cannot log in (NOTES §4.3).
    outcome = AUTH_STATUS.certificate('Niepoprawny certyfikat');
  } else if (permissions.length === 0) {
    outcome = AUTH_STATUS.noPermissions;
  } else {
    outcome = AUTH_STATUS.success;
  }
  return createOperation(state, {
    method: authenticationMethod(certificate),
    context,
    identity,
    permissions: outcome.code === 200 ? permissions : [],
    outcome,
    authProof: { element: 'SkrotDokumentuUwierzytelniajacego', value: createHash('sha256').update(req.body).digest('base64') },
  });
}

export async function postKsefToken(req: SimRequest, state: SimState): Promise<SimResponse> {
  const body = req.json as { challenge: string; contextIdentifier: ContextIdentifier; encryptedToken: string; publicKeyId?: string | null };
  const key = state.keys.find((k) => k.usage === 'KsefTokenEncryption' && (!body.publicKeyId || k.publicKeyId === body.publicKeyId));
  if (!key) throw badRequest(21470, [`Klucz o identyfikatorze ${body.publicKeyId} nie jest wspierany.`]);
  const challenge = consumeChallenge(state, body.challenge);
  const plain = await rsaOaepDecrypt(key, Buffer.from(body.encryptedToken, 'base64'));
  // KSeF tokens contain '|' themselves: the timestamp is what follows the last one.
  const text = plain ? new TextDecoder().decode(plain) : '';
  const cut = text.lastIndexOf('|');
  const token = cut > 0 ? text.slice(0, cut) : undefined;
  const timestamp = cut > 0 ? text.slice(cut + 1) : undefined;
  const record = token ? state.ksefTokens.get(token) : undefined;
  let outcome: StatusInfo;
  if (!record || record.context.type !== body.contextIdentifier.type || record.context.value !== body.contextIdentifier.value) {
    outcome = AUTH_STATUS.badToken('Nieprawidłowy token');
  } else if (record.revoked) {
    outcome = AUTH_STATUS.badToken('Token unieważniony');
  } else if (timestamp !== String(challenge.timestampMs)) {
    outcome = AUTH_STATUS.badToken('Nieprawidłowy czas tokena');
  } else {
    outcome = AUTH_STATUS.success;
  }
  return createOperation(state, {
    method: 'Token',
    context: body.contextIdentifier,
    identity: null,
    permissions: outcome.code === 200 && record ? record.permissions : [],
    outcome,
    authProof: record
      ? { element: 'NumerReferencyjnyTokenaKSeF', value: record.referenceNumber }
      : { element: 'SkrotDokumentuUwierzytelniajacego', value: createHash('sha256').update(req.body).digest('base64') },
  });
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

/** GET /rate-limits, for a caller with any access token. */
export function getRateLimits(req: SimRequest, state: SimState): SimResponse {
  requireAccess(req, state, []);
  const limits = state.rateLimiter.limits();
  const { auth: _auth, publicKeys: _publicKeys, ...documented } = limits;
  return json(200, documented);
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
