// The PKCS#10 request for a KSeF certificate (NOTES §4.3; [OA:POST /certificates/enrollments]): an EC P-256 key
// pair made by WebCrypto with the private key non-extractable from birth (it can sign, it can never be read
// out), and a CSR whose subject is exactly the DN KSeF returned from /certificates/enrollments/data (a
// different DN is refused with 25003). pkijs writes the ASN.1 (STYLE 25: no hand-written DER).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateEnrollmentDataResponse } from '../ksef/api-certificates';

export type EnrolmentDn = CertificateEnrollmentDataResponse;

/** EC P-256 is what KSeF recommends [OA:POST /certificates/enrollments] and what lib/xades signs with. */
export const ENROLMENT_KEY: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/**
 * The subject's attributes in the order of KSeF's own example CSR [OA:POST /certificates/enrollments example]:
 * CN, given name, surname, O, organizationIdentifier, C, serialNumber, uniqueIdentifier. C is a
 * PrintableString (RFC 5280 §4.1.2.4, ISO 3166 code), the rest UTF8String as in that example.
 */
const ATTRIBUTES: readonly (readonly [keyof EnrolmentDn, string, 'utf8' | 'printable'])[] = [
  ['commonName', '2.5.4.3', 'utf8'],
  ['givenName', '2.5.4.42', 'utf8'],
  ['surname', '2.5.4.4', 'utf8'],
  ['organizationName', '2.5.4.10', 'utf8'],
  ['organizationIdentifier', '2.5.4.97', 'utf8'],
  ['countryName', '2.5.4.6', 'printable'],
  ['serialNumber', '2.5.4.5', 'utf8'],
  ['uniqueIdentifier', '2.5.4.45', 'utf8'],
];

/** The DN's attributes present (non-empty), as [OID, text] in CSR order: what the CSR's subject must hold. */
export function dnAttributes(dn: EnrolmentDn): [oid: string, value: string][] {
  if (typeof dn !== 'object' || dn === null) throw new TypeError('"dn" must be the enrolment data');
  if (typeof dn.commonName !== 'string' || !dn.commonName || typeof dn.countryName !== 'string' || !dn.countryName) {
    throw new TypeError('"dn" must have commonName and countryName');
  }
  return ATTRIBUTES.flatMap(([field, oid]) => {
    const value = dn[field];
    return typeof value === 'string' && value.length > 0 ? [[oid, value] as [string, string]] : [];
  });
}

/** A new key pair for enrolment: the private key non-extractable, the public key readable (it goes into the CSR). */
export async function generateEnrolmentKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CryptoKeyPair> {
  const pair = await subtle.generateKey(ENROLMENT_KEY, false, ['sign', 'verify']);
  if (pair.privateKey.extractable) throw new TypeError('WebCrypto returned an extractable private key');
  return pair;
}

function engine(): pkijs.CryptoEngine {
  return new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
}

/** The DER CSR for `dn`, carrying `keys.publicKey` and signed ECDSA-SHA256 with `keys.privateKey` (RFC 2986). */
export async function buildCsr(dn: EnrolmentDn, keys: { publicKey: CryptoKey; privateKey: CryptoKey }): Promise<Uint8Array<ArrayBuffer>> {
  const attributes = dnAttributes(dn);
  const csr = new pkijs.CertificationRequest();
  csr.version = 0;
  // One attribute per RDN (pkijs would put every typesAndValues entry into one multi-valued RDN, "CN=…+C=…",
  // which is not the DN KSeF returned): the Name is assembled from asn1js objects and read back by pkijs.
  const rdns = attributes.map(([oid, value]) => {
    const kind = ATTRIBUTES.find(([, o]) => o === oid)![2];
    const text = kind === 'printable' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    return new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type: oid, value: text }).toSchema()] });
  });
  // Read back from its encoding: pkijs re-emits a parsed Name as it was (valueBeforeDecode), RDN by RDN.
  const name = asn1js.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
  csr.subject = new pkijs.RelativeDistinguishedNames({ schema: name.result });
  // No attributes (an empty [0] SET): KSeF reads only the subject and the key (NOTES §4.3).
  csr.attributes = [];
  const crypto = engine();
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey, crypto);
  await csr.sign(keys.privateKey, 'SHA-256', crypto);
  return new Uint8Array(csr.toSchema().toBER(false));
}

/** The subject of a DER CSR as [OID, text] pairs in order, and whether its signature verifies. */
export async function readCsr(der: Uint8Array): Promise<{ subject: [string, string][]; signatureValid: boolean }> {
  const parsed = asn1js.fromBER(der.slice().buffer);
  if (parsed.offset === -1) throw new TypeError('not DER');
  const csr = new pkijs.CertificationRequest({ schema: parsed.result });
  const subject = csr.subject.typesAndValues.map((tv) => [tv.type, String(tv.value.valueBlock.value)] as [string, string]);
  return { subject, signatureValid: await csr.verify(engine()) };
}
