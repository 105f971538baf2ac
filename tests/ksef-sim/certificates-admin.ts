// Admin hooks for KSeF certificates (tests only): issue a certificate for an identity that expires in N days
// (renewal tests need one 20 days from expiry), adopt a certificate issued elsewhere (the fixtures) so the
// API lists and revokes it, and tune the enrolment model. The key pair is made here and handed out: never
// do this outside a simulator.
import 'reflect-metadata';
import { createHash, generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { readCertificate } from '../../lib/pki';
import { identifierFromSubject } from '../../lib/pki/dn';
import type { SubjectFields } from '../../lib/pki/types';
import { issueCertificate } from './certificates-ca';
import { addIssued, newSerial, statusAt, type CertificateLimitsTable, type IssuedCertificate, type KsefCertificateType } from './certificates-model';
import type { Identity, SimState } from './state';
import { iso, parseKsefDateTime } from './time';

const DAY = 86_400_000;

export interface IssueCertificateInput {
  /** The subject DN; or `nip` (a seal-like subject, VATPL-<nip>), or `certificate` (copy that certificate's subject). */
  subject?: SubjectFields;
  nip?: string;
  /** PEM or base64 DER of a certificate whose subject to copy (the identity of an existing profile). */
  certificate?: string;
  type?: KsefCertificateType;
  /** Days from now until notAfter (default 730); may be negative for an expired certificate. */
  expiresInDays?: number;
  /** notBefore (default: two years before notAfter, but never after now). */
  validFrom?: string;
  name?: string;
  keyAlgorithm?: 'EC' | 'RSA';
  /** When given, the key is also returned as an encrypted PKCS#8 PEM (PBES2, AES-256-CBC), as AP's `.key` files. */
  password?: string;
}

export interface IssuedForTest {
  serialNumber: string;
  /** Base64 DER, as `/certificates/retrieve` gives it. */
  certificate: string;
  certificatePem: string;
  /** Base64 PKCS#8 DER of the private key (unencrypted: test material only). */
  privateKey: string;
  privateKeyPem: string;
  encryptedPrivateKeyPem?: string;
  identity: Identity;
  validFrom: string;
  validTo: string;
  fingerprint: string;
}

const pem = (label: string, der: Uint8Array): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

async function subjectOf(input: IssueCertificateInput): Promise<SubjectFields> {
  if (input.subject) {
    if (typeof input.subject !== 'object' || !input.subject.commonName || !input.subject.countryName) throw new TypeError('"subject" needs commonName and countryName');
    return { ...input.subject };
  }
  if (input.nip !== undefined) {
    if (!/^\d{10}$/.test(input.nip)) throw new TypeError('"nip" must be 10 digits');
    return { countryName: 'PL', organizationName: `Podmiot ${input.nip}`, organizationIdentifier: `VATPL-${input.nip}`, commonName: `Podmiot ${input.nip}` };
  }
  if (typeof input.certificate === 'string') return (await readCertificate(input.certificate)).subject;
  throw new TypeError('one of "subject", "nip" or "certificate" is required');
}

/** The DN in the order the official generators write it (NOTES §4.2), as peculiar/x509 JSON by OID. */
function nameOf(subject: SubjectFields): Record<string, string[]>[] {
  const order: [keyof SubjectFields, string][] = [
    ['countryName', '2.5.4.6'], ['organizationName', '2.5.4.10'], ['organizationIdentifier', '2.5.4.97'], ['givenName', '2.5.4.42'],
    ['surname', '2.5.4.4'], ['commonName', '2.5.4.3'], ['serialNumber', '2.5.4.5'], ['uniqueIdentifier', '2.5.4.45'],
  ];
  return order.filter(([k]) => subject[k]).map(([k, oid]) => ({ [oid]: [subject[k] as string] }));
}

function identityOf(subject: SubjectFields, fingerprint: string): Identity {
  const id = identifierFromSubject(subject);
  if (id) return { type: id.type === 'NIP' ? 'Nip' : 'Pesel', value: id.value };
  return { type: 'Fingerprint', value: fingerprint.toUpperCase() };
}

export function createCertificateAdmin(state: SimState) {
  return {
    /** A KSeF certificate from the simulator's CA for an identity, with its (test-only) private key. */
    async issueCertificate(input: IssueCertificateInput): Promise<IssuedForTest> {
      if (!input || typeof input !== 'object') throw new TypeError('"input" must be an object');
      const type = input.type ?? 'Authentication';
      if (type !== 'Authentication' && type !== 'Offline') throw new TypeError('"type" must be Authentication or Offline');
      const days = input.expiresInDays ?? 730;
      if (!Number.isFinite(days) || Math.abs(days) > 3650) throw new TypeError('"expiresInDays" must be a number of days (|n| ≤ 3650)');
      const now = state.clock.now();
      const validTo = now + days * DAY;
      const from = input.validFrom === undefined ? Math.min(now - DAY, validTo - 730 * DAY) : parseKsefDateTime(input.validFrom);
      if (from === null || from >= validTo) throw new TypeError('"validFrom" must be a date before the expiry');
      const subject = await subjectOf(input);
      const rsa = input.keyAlgorithm === 'RSA';
      const pair = rsa ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
      const publicKey = await webcrypto.subtle.importKey('spki', spki, rsa ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      const serialNumber = newSerial(state.certificates, (n) => state.rng.hex(n));
      const issued = await issueCertificate({ environment: state.options.environment, serialNumber, subjectName: new x509.Name(nameOf(subject)), publicKey: publicKey as CryptoKey, type, notBefore: from, notAfter: validTo });
      const identity = identityOf(subject, issued.fingerprint);
      addIssued(state.certificates, {
        serialNumber,
        name: input.name ?? `Certyfikat ${type === 'Authentication' ? 'uwierzytelniający' : 'offline'} ${serialNumber}`,
        type,
        identity,
        commonName: subject.commonName ?? '',
        der: issued.der,
        fingerprint: issued.fingerprint,
        publicKeyId: createHash('sha256').update(spki).digest('base64'),
        validFrom: from,
        validTo,
        requestDate: from,
        revoked: null,
        lastUseDate: null,
      });
      const pkcs8 = new Uint8Array(pair.privateKey.export({ type: 'pkcs8', format: 'der' }));
      return {
        serialNumber,
        certificate: Buffer.from(issued.der).toString('base64'),
        certificatePem: pem('CERTIFICATE', issued.der),
        privateKey: Buffer.from(pkcs8).toString('base64'),
        privateKeyPem: pem('PRIVATE KEY', pkcs8),
        ...(input.password === undefined
          ? {}
          : { encryptedPrivateKeyPem: String(pair.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: input.password })) }),
        identity,
        validFrom: iso(from),
        validTo: iso(validTo),
        fingerprint: issued.fingerprint,
      };
    },

    /**
     * Lists a certificate issued elsewhere (a fixture from tests/fixtures/pki) as this identity's KSeF
     * certificate, so query and revoke know it and a revoked one stops logging in. Its serial number is its
     * own when that is 16 hex digits, else its last 16 (the fixtures have 32).
     */
    async adoptCertificate(input: { certificate: string; name?: string; type?: KsefCertificateType }): Promise<{ serialNumber: string; identity: Identity }> {
      if (!input || typeof input.certificate !== 'string') throw new TypeError('"certificate" must be PEM or base64 DER');
      const info = await readCertificate(input.certificate);
      const serialNumber = info.serialNumberHex.toUpperCase().padStart(16, '0').slice(-16);
      const identity = identityOf(info.subject, info.fingerprintSha256);
      const spki = new X509Certificate(Buffer.from(info.der)).publicKey.export({ type: 'spki', format: 'der' });
      addIssued(state.certificates, {
        serialNumber,
        name: input.name ?? `Certyfikat ${serialNumber}`,
        type: input.type ?? (info.purpose === 'offline' ? 'Offline' : 'Authentication'),
        identity,
        commonName: info.subject.commonName ?? '',
        der: info.der,
        fingerprint: info.fingerprintSha256.toLowerCase(),
        publicKeyId: createHash('sha256').update(spki).digest('base64'),
        validFrom: info.notBefore.getTime(),
        validTo: info.notAfter.getTime(),
        requestDate: info.notBefore.getTime(),
        revoked: null,
        lastUseDate: null,
      });
      return { serialNumber, identity };
    },

    /** Every KSeF certificate the simulator knows, with its status now. */
    certificates() {
      const now = state.clock.now();
      return [...state.certificates.issued.values()].map((c: IssuedCertificate) => ({
        serialNumber: c.serialNumber,
        name: c.name,
        type: c.type,
        identity: c.identity,
        status: statusAt(c, now),
        validFrom: iso(c.validFrom),
        validTo: iso(c.validTo),
        fingerprint: c.fingerprint,
        revocationReason: c.revoked?.reason ?? null,
      }));
    },

    /** `pendingPolls`: status polls answering 100 before an enrolment's outcome; `limits` per identity type. */
    setCertificateOptions(input: { pendingPolls?: number; limits?: { Nip?: Partial<CertificateLimitsTable>; Other?: Partial<CertificateLimitsTable> } }) {
      if (!input || typeof input !== 'object') throw new TypeError('"input" must be an object');
      const c = state.certificates;
      if (input.pendingPolls !== undefined) {
        if (!Number.isInteger(input.pendingPolls) || input.pendingPolls < 0 || input.pendingPolls > 100) throw new TypeError('"pendingPolls" must be an integer from 0 to 100');
        c.pendingPolls = input.pendingPolls;
      }
      for (const kind of ['Nip', 'Other'] as const) {
        for (const [k, v] of Object.entries(input.limits?.[kind] ?? {})) {
          if (k !== 'enrollment' && k !== 'certificate') throw new TypeError(`"limits.${kind}.${k}" is not a limit`);
          if (!Number.isInteger(v) || (v as number) < 0) throw new TypeError(`"limits.${kind}.${k}" must be an integer ≥ 0`);
          c.limits[kind][k] = v as number;
        }
      }
      return { pendingPolls: c.pendingPolls, limits: structuredClone(c.limits) };
    },
  };
}
