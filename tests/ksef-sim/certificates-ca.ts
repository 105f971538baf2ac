// The simulator's certificate authority (NOTES §4.3): reads and checks PKCS#10 requests as
// POST /certificates/enrollments describes them, and issues KSeF certificates from its own CA, named as
// TEST's (`CN=TEST CCK KSeF, OU=Krajowa Administracja Skarbowa, O=Ministerstwo Finansów, C=PL`,
// GH CIRFMF/ksef-api#239) or, on demo/production, as CCK KSeF. Test-only: the CA key lives in memory.
import 'reflect-metadata';
import { createHash, createPublicKey, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { kids, oid, parseDer } from '../../lib/pki/asn1';
import { nameAttributes, subjectFields } from '../../lib/pki/dn';
import type { SubjectFields } from '../../lib/pki/types';
import { badRequest } from './errors';
import type { SimEnvironment } from './state';

const subtle = webcrypto.subtle as SubtleCrypto;
const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

export const CA_NAMES: Record<SimEnvironment, string> = {
  test: 'CN=TEST CCK KSeF, OU=Krajowa Administracja Skarbowa, O=Ministerstwo Finansów, C=PL',
  // The production issuer is "CCK KSeF" (GH CIRFMF/ksef-api#314); DEMO's name is not published: the same.
  demo: 'CN=CCK KSeF, OU=Krajowa Administracja Skarbowa, O=Ministerstwo Finansów, C=PL',
  production: 'CN=CCK KSeF, OU=Krajowa Administracja Skarbowa, O=Ministerstwo Finansów, C=PL',
};

/** Signature algorithms a CSR may use [OA:POST /certificates/enrollments]: RSA PKCS#1 v1.5, RSA-PSS, ECDSA × SHA-1/256/384/512. */
const CSR_SIGNATURES = new Set([
  '1.2.840.113549.1.1.5', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13', '1.2.840.113549.1.1.10',
  '1.2.840.10045.4.1', '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
]);

/** The DN attributes KSeF copies into a certificate (CertificateEnrollmentDataResponse), by OID. */
const DN_OIDS = new Set(['2.5.4.3', '2.5.4.6', '2.5.4.42', '2.5.4.4', '2.5.4.5', '2.5.4.45', '2.5.4.10', '2.5.4.97']);

export interface CheckedCsr {
  subject: SubjectFields;
  /** OIDs of every subject attribute, in order (a DN with others, or repeats, is not the enrolment data's). */
  subjectOids: string[];
  subjectName: x509.Name;
  publicKey: x509.PublicKey;
  /** Base64 SHA-256 of the SubjectPublicKeyInfo: one key, one certificate holder. */
  publicKeyId: string;
}

/** A PKCS#10 request as KSeF checks it: format and signature (25004), key (25010), signature algorithm (25011). */
export async function checkCsr(base64: string): Promise<CheckedCsr> {
  const der = new Uint8Array(Buffer.from(base64, 'base64'));
  let csr: x509.Pkcs10CertificateRequest;
  let subjectNode;
  let signatureOid: string;
  try {
    const [info, algorithm] = kids(parseDer(der));
    subjectNode = kids(info)[1];
    signatureOid = oid(kids(algorithm)[0], 'signature algorithm');
    csr = new x509.Pkcs10CertificateRequest(der);
  } catch {
    throw badRequest(25004, ['Nie można odczytać wniosku PKCS#10.']);
  }
  const spki = new Uint8Array(csr.publicKey.rawData);
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  const details = key.asymmetricKeyDetails ?? {};
  const rsa2048 = key.asymmetricKeyType === 'rsa' && details.modulusLength === 2048;
  const p256 = key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1';
  if (!rsa2048 && !p256) throw badRequest(25010, ['Dozwolone są klucze RSA 2048 bitów oraz EC na krzywej P-256.']);
  if (!CSR_SIGNATURES.has(signatureOid)) throw badRequest(25011, [`Algorytm podpisu ${signatureOid} nie jest dozwolony.`]);
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const valid = await csr.verify().catch(() => false);
  if (!valid) throw badRequest(25004, ['Podpis wniosku PKCS#10 jest nieprawidłowy.']);
  const attributes = subjectNode ? nameAttributes(subjectNode) : [];
  return {
    subject: subjectFields(attributes),
    subjectOids: attributes.map((a) => a.oid),
    subjectName: csr.subjectName,
    publicKey: csr.publicKey,
    publicKeyId: createHash('sha256').update(spki).digest('base64'),
  };
}

/** True when the CSR's subject is exactly the enrolment data: the same fields, each once, nothing else. */
export function sameSubject(csr: CheckedCsr, expected: SubjectFields): boolean {
  const want = Object.entries(expected).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const have = Object.entries(csr.subject);
  if (csr.subjectOids.some((o) => !DN_OIDS.has(o)) || new Set(csr.subjectOids).size !== csr.subjectOids.length) return false;
  return want.length === have.length && want.every(([k, v]) => csr.subject[k as keyof SubjectFields] === v);
}

interface Authority {
  keys: CryptoKeyPair;
  certificate: x509.X509Certificate;
}

// One CA key per process (key generation is the slow part); its certificate per environment name.
let caKeys: Promise<CryptoKeyPair> | undefined;
const authorities = new Map<string, Promise<Authority>>();

function authority(environment: SimEnvironment): Promise<Authority> {
  const name = CA_NAMES[environment];
  let pending = authorities.get(name);
  if (!pending) {
    pending = (async () => {
      x509.cryptoProvider.set(webcrypto as unknown as Crypto);
      caKeys ??= subtle.generateKey(EC, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
      const keys = await caKeys;
      const certificate = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: '01',
        name,
        notBefore: new Date(Date.UTC(2024, 0, 1)),
        notAfter: new Date(Date.UTC(2040, 0, 1)),
        keys,
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
        extensions: [
          new x509.BasicConstraintsExtension(true, 0, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        ],
      });
      return { keys, certificate };
    })();
    authorities.set(name, pending);
  }
  return pending;
}

/** The CA certificate (DER) of an environment's simulator, for tests that check chains. */
export async function caCertificate(environment: SimEnvironment): Promise<Uint8Array> {
  return new Uint8Array((await authority(environment)).certificate.rawData);
}

export interface IssueInput {
  environment: SimEnvironment;
  /** 16 upper-case hex digits (the first below 8, so the DER integer needs no sign octet). */
  serialNumber: string;
  subjectName: x509.Name | string;
  publicKey: x509.PublicKey | CryptoKey;
  type: 'Authentication' | 'Offline';
  notBefore: number;
  notAfter: number;
}

/** A KSeF certificate: keyUsage digitalSignature (Authentication) or nonRepudiation (Offline), NOTES §4.3. */
export async function issueCertificate(input: IssueInput): Promise<{ der: Uint8Array; fingerprint: string }> {
  const ca = await authority(input.environment);
  const usage = input.type === 'Authentication' ? x509.KeyUsageFlags.digitalSignature : x509.KeyUsageFlags.nonRepudiation;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: input.serialNumber,
    issuer: ca.certificate.subjectName,
    subject: input.subjectName,
    notBefore: new Date(input.notBefore),
    notAfter: new Date(input.notAfter),
    publicKey: input.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(input.publicKey),
    ],
  });
  const der = new Uint8Array(cert.rawData);
  return { der, fingerprint: createHash('sha256').update(der).digest('hex') };
}
