// What the simulator keeps about KSeF certificates (NOTES §4.3): enrolments and issued certificates per
// identity, the limits of [D:limity/limity.md] (NIP 300 requests / 100 active; PESEL or fingerprint 12 / 6),
// and how a certificate's status reads at a given instant.
import type { SubjectFields } from '../../lib/pki/types';
import type { Identity, StatusInfo } from './state';

export type KsefCertificateType = 'Authentication' | 'Offline';
export type RevocationReason = 'Unspecified' | 'Superseded' | 'KeyCompromise';

/** The certificate an XAdES login was signed with: what enrolment data and the revocation check read. */
export interface LoginCertificate {
  subject: SubjectFields;
  /** Lowercase hex SHA-256 of the DER. */
  fingerprint: string;
}

export interface IssuedCertificate {
  serialNumber: string;
  name: string;
  type: KsefCertificateType;
  identity: Identity;
  commonName: string;
  der: Uint8Array;
  fingerprint: string;
  /** Base64 SHA-256 of the SubjectPublicKeyInfo. */
  publicKeyId: string;
  validFrom: number;
  validTo: number;
  requestDate: number;
  revoked: { at: number; reason: RevocationReason } | null;
  lastUseDate: number | null;
}

export interface Enrollment {
  referenceNumber: string;
  identity: Identity;
  requestDate: number;
  /** Status polls still answering 100 before the outcome shows (the simulator's pendingPolls model). */
  pendingPolls: number;
  /** Set when the outcome is decided (on the poll that first shows it). */
  outcome: StatusInfo | null;
  serialNumber: string | null;
  request: { certificateName: string; certificateType: KsefCertificateType; validFrom: number | null };
  /** The checked CSR, kept until the certificate is issued. */
  csr: import('./certificates-ca').CheckedCsr | null;
}

export interface CertificateLimitsTable {
  enrollment: number;
  certificate: number;
}

export interface CertificateState {
  enrollments: Map<string, Enrollment>;
  /** By serial number. */
  issued: Map<string, IssuedCertificate>;
  /** Polls answering 100 before an enrolment's outcome (default 1, like authentication). */
  pendingPolls: number;
  /** Overrides of the documented limits (admin API), per identity type. */
  limits: { Nip: CertificateLimitsTable; Other: CertificateLimitsTable };
}

export const DEFAULT_LIMITS = { Nip: { enrollment: 300, certificate: 100 }, Other: { enrollment: 12, certificate: 6 } } as const;

/** KSeF certificates are valid for two years (MF, "ważny dwa lata"); from `validFrom` or the issuance. */
export const VALIDITY_MS = 730 * 86_400_000;
/** "Status wniosku jest dostępny przez 30 dni." [OA:GET /certificates/enrollments/{referenceNumber}]. */
export const ENROLLMENT_RETENTION_MS = 30 * 86_400_000;

export const ENROLLMENT_STATUS = {
  accepted: { code: 100, description: 'Wniosek przyjęty do realizacji' },
  issued: { code: 200, description: 'Wniosek obsłużony (certyfikat wygenerowany)' },
  keyTaken: { code: 400, description: 'Wniosek odrzucony', details: ['Klucz publiczny został już certyfikowany przez inny podmiot.'] },
  limit: { code: 400, description: 'Wniosek odrzucony', details: ['Osiągnięto dopuszczalny limit posiadanych certyfikatów.'] },
} as const;

export function createCertificateState(): CertificateState {
  return {
    enrollments: new Map(),
    issued: new Map(),
    pendingPolls: 1,
    limits: { Nip: { ...DEFAULT_LIMITS.Nip }, Other: { ...DEFAULT_LIMITS.Other } },
  };
}

export const sameIdentity = (a: Identity, b: Identity): boolean => a.type === b.type && a.value.toLowerCase() === b.value.toLowerCase();

export function limitsOf(state: CertificateState, identity: Identity): CertificateLimitsTable {
  return identity.type === 'Nip' ? state.limits.Nip : state.limits.Other;
}

/** [OA#CertificateListItemStatus]: Blocked is transient in KSeF (until a revocation completes) and not modelled. */
export function statusAt(cert: IssuedCertificate, now: number): 'Active' | 'Revoked' | 'Expired' {
  if (cert.revoked) return 'Revoked';
  return now > cert.validTo ? 'Expired' : 'Active';
}

/** Enrolments the identity made (what the request limit counts) and its certificates still active. */
export function usage(state: CertificateState, identity: Identity, now: number): { enrollments: number; active: number } {
  let enrollments = 0;
  for (const e of state.enrollments.values()) if (sameIdentity(e.identity, identity)) enrollments += 1;
  let active = 0;
  for (const c of state.issued.values()) if (sameIdentity(c.identity, identity) && statusAt(c, now) === 'Active') active += 1;
  return { enrollments, active };
}

/** A fresh serial: 16 upper-case hex digits, the first 0–7 so the DER INTEGER is positive without padding. */
export function newSerial(state: CertificateState, hex: (n: number) => string): string {
  for (;;) {
    const serial = (Number.parseInt(hex(1), 16) & 7).toString(16).toUpperCase() + hex(15);
    if (!state.issued.has(serial) && serial !== '0000000000000000') return serial;
  }
}

export function findByFingerprint(state: CertificateState, fingerprint: string): IssuedCertificate | undefined {
  for (const c of state.issued.values()) if (c.fingerprint === fingerprint.toLowerCase()) return c;
  return undefined;
}

export function addIssued(state: CertificateState, cert: IssuedCertificate): void {
  state.issued.set(cert.serialNumber, cert);
}
