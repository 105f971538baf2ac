// The one home for reading an X.509 certificate (RFC 5280 §4.1): pkijs's Certificate on lib/pki's bounded
// asn1js parse. readCertificate describes it for people; XAdES and the KSeF encryption keys take its public
// key and serial from here too.
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { content, corrupt, is, kids, oid, parseDer, raw, type Node } from './asn1';
import { looksLikeCertificate, tbsFields } from './x509-outline';
import { PkiError } from './errors';
import { CURVES, OID, OTHER_KEY_ALGORITHMS, type CurveName } from './key-oids';

export type CertificateKey =
  | { kind: 'EC'; curve: CurveName; spki: Uint8Array<ArrayBuffer> }
  | { kind: 'RSA'; bits: number; spki: Uint8Array<ArrayBuffer> }
  | { kind: 'other'; oid: string; bits?: number };

export interface X509 {
  cert: pkijs.Certificate;
  /** The certificate's own bytes (without what OpenSSL's TRUSTED CERTIFICATE appends). */
  der: Uint8Array<ArrayBuffer>;
  serial: asn1js.Integer;
  issuer: Node;
  validity: Node;
  subject: Node;
  spki: Uint8Array<ArrayBuffer>;
}

/** Fails with NOT_A_CERTIFICATE (another ASN.1 structure) or CORRUPT_FILE; `trailing` admits bytes after it. */
export function parseCertificate(bytes: Uint8Array, trailing = false): X509 {
  const root = parseDer(bytes, { ber: true, trailing });
  if (!looksLikeCertificate(root)) throw new PkiError('NOT_A_CERTIFICATE', { label: 'ASN.1' });
  let cert: pkijs.Certificate;
  try {
    if (kids(root).length !== 3) throw new Error('extra elements');
    cert = new pkijs.Certificate({ schema: root });
  } catch (cause) {
    throw new PkiError('CORRUPT_FILE', { detail: 'certificate structure' }, { cause });
  }
  if (cert.signature.algorithmId !== cert.signatureAlgorithm.algorithmId) throw corrupt('signature algorithm');
  const [serial, , issuer, validity, subject, spki] = tbsFields(root);
  const der = raw(root).slice();
  return { cert, der, serial: serial as asn1js.Integer, issuer: issuer!, validity: validity!, subject: subject!, spki: raw(spki!).slice() };
}

/** As `openssl x509 -serial` prints it, lowercased: no sign octet, `-` for a (non-conforming) negative. */
export function serialHex(serial: asn1js.Integer): string {
  if (content(serial).length === 0) throw corrupt('serial number');
  const value = serial.toBigInt();
  const hex = (value < 0n ? -value : value).toString(16);
  return (value < 0n ? '-' : '') + (hex.length % 2 ? '0' : '') + hex;
}

/** The public key with what WebCrypto needs to import it; 'other' for what it cannot. */
export function certificateKey(x: X509): CertificateKey {
  const info = x.cert.subjectPublicKeyInfo;
  const keyOid = info.algorithm.algorithmId;
  if (keyOid === OID.ecPublicKey) {
    const params = info.algorithm.algorithmParams as Node | undefined;
    const curve = is(params, 'OID') ? CURVES[oid(params, 'curve')] : undefined;
    return curve ? { kind: 'EC', curve, spki: x.spki } : { kind: 'other', oid: keyOid };
  }
  if (keyOid !== OID.rsaEncryption && keyOid !== OID.rsaPss) return { kind: 'other', oid: keyOid };
  const modulus = content(kids(parseDer(info.subjectPublicKey.valueBlock.valueHexView))[0]!);
  let i = 0;
  while (i < modulus.length - 1 && modulus[i] === 0) i++;
  const bits = (modulus.length - i - 1) * 8 + (modulus[i] ? 32 - Math.clz32(modulus[i]!) : 0);
  return keyOid === OID.rsaPss ? { kind: 'other', oid: keyOid, bits } : { kind: 'RSA', bits, spki: x.spki };
}

/** 'EC P-256', 'RSA 2048', 'Ed25519', …: the key's algorithm with its curve or size, for people. */
export function keyAlgorithm(x: X509): string {
  const key = certificateKey(x);
  if (key.kind === 'EC') return `EC ${key.curve}`;
  if (key.kind === 'RSA') return `RSA ${key.bits}`;
  if (key.oid === OID.rsaPss) return `RSA-PSS ${key.bits}`;
  if (key.oid !== OID.ecPublicKey) return OTHER_KEY_ALGORITHMS[key.oid] ?? key.oid;
  const params = x.cert.subjectPublicKeyInfo.algorithm.algorithmParams as Node | undefined;
  if (!is(params, 'OID')) return 'EC (explicit parameters)';
  const curve = oid(params, 'curve');
  return OTHER_KEY_ALGORITHMS[curve] ?? `EC ${curve}`;
}
