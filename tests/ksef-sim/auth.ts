// Starting an authentication (NOTES §3.1–3.6, §5): the challenge, then a signed AuthTokenRequest (XAdES,
// verified with lib/xades) or an encrypted KSeF token. The outcome is decided here and shown by the status
// endpoint after the configured number of polls (auth-tokens.ts).
import { createHash } from 'node:crypto';
import type { CertificateInfo } from '../../lib/pki';
import { permissionsFor } from './access';
import { findByFingerprint } from './certificates-model';
import { AUTH_STATUS, issueToken, MAX_OPERATIONS, METHOD_INFO } from './auth-tokens';
import { badRequest, plainError } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { newReferenceNumber } from './ids';
import { rsaOaepDecrypt } from './keys';
import { capMap, type AuthOperation, type ContextIdentifier, type Identity, type SimState, type StatusInfo } from './state';
import { iso } from './time';

const MAX_CHALLENGES = 100_000;

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
  // A KSeF certificate this simulator issued is checked "internally and immediately" (NOTES §3.6).
  const issued = findByFingerprint(state.certificates, certificate.fingerprintSha256);
  let outcome: StatusInfo;
  if (issued?.revoked) {
    // A revoked certificate ends in 460 "Certyfikat odwołany" [OA#AuthenticationOperationStatusResponse], NOTES §3.6.
    outcome = AUTH_STATUS.certificate('Certyfikat odwołany');
  } else if (req.query.get('verifyCertificateChain') === 'true' && certificate.selfSigned) {
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
  if (issued && outcome.code === 200) issued.lastUseDate = now;
  return createOperation(state, {
    loginCertificate: { subject: { ...certificate.subject }, fingerprint: certificate.fingerprintSha256.toLowerCase() },
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
