// The certificate operations of KSeF (NOTES §4.3) [OA:GET /certificates/limits],
// [OA:GET /certificates/enrollments/data], [OA:POST /certificates/enrollments],
// [OA:GET /certificates/enrollments/{referenceNumber}]; retrieval, listing and revocation in certificates-list.ts.
// A certificate belongs to the identity that logged in (NIP, PESEL or fingerprint), never to a context.
import { requireToken } from './access';
import { checkCsr, issueCertificate, sameSubject } from './certificates-ca';
import {
  addIssued,
  ENROLLMENT_RETENTION_MS,
  ENROLLMENT_STATUS,
  limitsOf,
  newSerial,
  sameIdentity,
  usage,
  VALIDITY_MS,
  type Enrollment,
  type KsefCertificateType,
} from './certificates-model';
import { badRequest, gone, unauthorized } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { newReferenceNumber } from './ids';
import { capMap, type AuthOperation, type Identity, type SimState } from './state';
import { iso, parseKsefDateTime } from './time';

const MAX_ENROLLMENTS = 100_000;

export interface Caller {
  op: AuthOperation;
  identity: Identity | null;
}

export function callerOf(req: SimRequest, state: SimState): Caller {
  const claims = requireToken(req, state, ['ContextToken']);
  const op = state.authOperations.get(claims.ref);
  if (!op) throw unauthorized('Nieprawidłowy token uwierzytelniający.');
  return { op, identity: op.identity };
}

/** The login certificate's subject as enrolment data, or 25001/25002 for a login without one (a KSeF token). */
function enrollmentSubject(caller: Caller, code: 25001 | 25002) {
  const cert = caller.op.loginCertificate;
  if (caller.op.method === 'Token' || !cert || !caller.identity) {
    throw badRequest(code, ['Wniosek o certyfikat KSeF można złożyć po uwierzytelnieniu podpisem (XAdES), nie tokenem KSeF.']);
  }
  const s = cert.subject;
  return {
    commonName: s.commonName ?? '',
    countryName: s.countryName ?? '',
    ...(s.givenName === undefined ? {} : { givenName: s.givenName }),
    ...(s.surname === undefined ? {} : { surname: s.surname }),
    ...(s.serialNumber === undefined ? {} : { serialNumber: s.serialNumber }),
    ...(s.uniqueIdentifier === undefined ? {} : { uniqueIdentifier: s.uniqueIdentifier }),
    ...(s.organizationName === undefined ? {} : { organizationName: s.organizationName }),
    ...(s.organizationIdentifier === undefined ? {} : { organizationIdentifier: s.organizationIdentifier }),
  };
}

export function getCertificateLimits(req: SimRequest, state: SimState): SimResponse {
  const caller = callerOf(req, state);
  // A KSeF-token login may read the limits of its context but cannot request (25002).
  const identity = caller.identity ?? { type: 'Nip' as const, value: caller.op.context.value };
  const limits = limitsOf(state.certificates, identity);
  const used = usage(state.certificates, identity, state.clock.now());
  const enrollment = { remaining: Math.max(0, limits.enrollment - used.enrollments), limit: limits.enrollment };
  const certificate = { remaining: Math.max(0, limits.certificate - used.active), limit: limits.certificate };
  const canRequest = caller.op.method !== 'Token' && Boolean(caller.op.loginCertificate) && enrollment.remaining > 0 && certificate.remaining > 0;
  return json(200, { canRequest, enrollment, certificate });
}

export function getEnrollmentData(req: SimRequest, state: SimState): SimResponse {
  return json(200, enrollmentSubject(callerOf(req, state), 25001));
}

export async function postEnrollment(req: SimRequest, state: SimState): Promise<SimResponse> {
  const caller = callerOf(req, state);
  const expected = enrollmentSubject(caller, 25002);
  const identity = caller.identity as Identity;
  const body = req.json as { certificateName: string; certificateType: KsefCertificateType; csr: string; validFrom?: string | null };
  const csr = await checkCsr(body.csr);
  if (!sameSubject(csr, expected)) throw badRequest(25003, ['Dane podmiotu w CSR muszą być równe danym z /certificates/enrollments/data.']);
  const now = state.clock.now();
  const limits = limitsOf(state.certificates, identity);
  const used = usage(state.certificates, identity, now);
  if (used.enrollments >= limits.enrollment) throw badRequest(25006);
  if (used.active >= limits.certificate) throw badRequest(25007);
  const validFrom = body.validFrom ? parseKsefDateTime(body.validFrom) : null;
  if (body.validFrom && validFrom === null) throw badRequest(21405, ['validFrom: nieprawidłowa data.']);
  const enrollment: Enrollment = {
    referenceNumber: newReferenceNumber('EH', now, state.rng),
    identity,
    requestDate: now,
    pendingPolls: state.certificates.pendingPolls,
    outcome: null,
    serialNumber: null,
    request: { certificateName: body.certificateName, certificateType: body.certificateType, validFrom },
    csr,
  };
  state.certificates.enrollments.set(enrollment.referenceNumber, enrollment);
  capMap(state.certificates.enrollments, MAX_ENROLLMENTS);
  return json(202, { referenceNumber: enrollment.referenceNumber, timestamp: iso(now) });
}

/** Decides an enrolment once its pending polls are over: a key certified for someone else or the limit refuse it. */
async function decide(state: SimState, e: Enrollment): Promise<void> {
  const csr = e.csr;
  if (!csr) return;
  const now = state.clock.now();
  const taken = [...state.certificates.issued.values()].some((c) => c.publicKeyId === csr.publicKeyId && !sameIdentity(c.identity, e.identity));
  if (taken) {
    e.outcome = ENROLLMENT_STATUS.keyTaken;
  } else if (usage(state.certificates, e.identity, now).active >= limitsOf(state.certificates, e.identity).certificate) {
    e.outcome = ENROLLMENT_STATUS.limit;
  } else {
    const validFrom = e.request.validFrom ?? now;
    const serialNumber = newSerial(state.certificates, (n) => state.rng.hex(n));
    const issued = await issueCertificate({
      environment: state.options.environment,
      serialNumber,
      subjectName: csr.subjectName,
      publicKey: csr.publicKey,
      type: e.request.certificateType,
      notBefore: validFrom,
      notAfter: validFrom + VALIDITY_MS,
    });
    addIssued(state.certificates, {
      serialNumber,
      name: e.request.certificateName,
      type: e.request.certificateType,
      identity: e.identity,
      commonName: csr.subject.commonName ?? '',
      der: issued.der,
      fingerprint: issued.fingerprint,
      publicKeyId: csr.publicKeyId,
      validFrom,
      validTo: validFrom + VALIDITY_MS,
      requestDate: e.requestDate,
      revoked: null,
      lastUseDate: null,
    });
    e.serialNumber = serialNumber;
    e.outcome = ENROLLMENT_STATUS.issued;
  }
  e.csr = null;
}

export async function getEnrollmentStatus(req: SimRequest, state: SimState): Promise<SimResponse> {
  const caller = callerOf(req, state);
  const ref = req.params.referenceNumber ?? '';
  const e = state.certificates.enrollments.get(ref);
  if (!e || !caller.identity || !sameIdentity(e.identity, caller.identity)) {
    throw badRequest(25005, [`Wniosek o numerze referencyjnym ${ref} nie istnieje.`]);
  }
  if (state.clock.now() - e.requestDate > ENROLLMENT_RETENTION_MS) throw gone('Operacja wygasła i nie jest już dostępna.');
  if (e.pendingPolls > 0) {
    e.pendingPolls -= 1;
    return json(200, { requestDate: iso(e.requestDate), status: ENROLLMENT_STATUS.accepted });
  }
  if (!e.outcome) await decide(state, e);
  return json(200, {
    requestDate: iso(e.requestDate),
    status: e.outcome,
    ...(e.serialNumber ? { certificateSerialNumber: e.serialNumber } : {}),
  });
}
