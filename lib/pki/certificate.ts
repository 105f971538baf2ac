// readCertificate: the facts about the user's KSeF certificate (NOTES §4), read with pkijs after the DER
// has passed the guards in asn1.ts. Names are formatted as OpenSSL does with `-nameopt RFC2253,-esc_msb`
// so what we show matches what a support person sees with `openssl x509 -noout -subject`.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PkiError, isPkiError } from './errors';
import { decodeInput } from './pem';
import { parseDer, readHeader, toHex, oidName } from './asn1';
import { decodeString, formatName, identifierFromSubject, nameAttributes, subjectFields } from './dn';
import type { BinaryInput, CertificateInfo, EnvironmentHint } from './types';

const CERT_LABELS = ['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'];

/** Issuer CNs of KSeF's own certificates (NOTES §4.3). */
export const TEST_ISSUER_CN = 'TEST CCK KSeF';
export const PRODUCTION_ISSUER_CN = 'CCK KSeF';

/** The certificate bytes the input holds: the first certificate PEM block, or DER. */
function certificateDer(input: BinaryInput): { der: Uint8Array<ArrayBuffer>; trusted: boolean } {
  const decoded = decodeInput(input);
  if (decoded.kind === 'der') {
    // Not a DER SEQUENCE at all: a PDF, an image, a text file chosen by mistake.
    if (decoded.der[0] !== 0x30) throw new PkiError('NOT_A_CERTIFICATE', { label: 'binary' });
    return { der: decoded.der, trusted: false };
  }
  const block = decoded.blocks.find((b) => CERT_LABELS.includes(b.label));
  if (block) return { der: block.der, trusted: block.label === 'TRUSTED CERTIFICATE' };
  if (decoded.blocks.length === 0) throw new PkiError('CORRUPT_FILE', { detail: 'PEM' });
  throw new PkiError('NOT_A_CERTIFICATE', { label: decoded.blocks[0]!.label });
}

/** A certificate's outline: SEQUENCE { tbs SEQUENCE { [0] version | INTEGER serial, … }, … }. */
function looksLikeCertificate(root: asn1js.AsnType): boolean {
  if (!(root instanceof asn1js.Sequence)) return false;
  const tbs = root.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) return false;
  const items = tbs.valueBlock.value;
  const first = items[0];
  if (first && first.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0) return true;
  return first instanceof asn1js.Integer && items.length >= 6 && items[3] instanceof asn1js.Sequence;
}

/**
 * The facts about a certificate given as PEM (the first CERTIFICATE, X509 CERTIFICATE or TRUSTED
 * CERTIFICATE block; text around it, CRLF and a BOM are fine), bare base64 or DER.
 * Fails only with a PkiError: NOT_A_CERTIFICATE (a key, a request, a PDF… given instead),
 * CORRUPT_FILE (truncated, bad base64, broken or hostile ASN.1, impossible validity), FILE_TOO_LARGE,
 * EMPTY_FILE.
 */
export async function readCertificate(input: BinaryInput): Promise<CertificateInfo> {
  if (typeof input !== 'string' && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)) {
    throw new TypeError('"input" must be a string, a Uint8Array or an ArrayBuffer');
  }
  try {
    const { der: raw, trusted } = certificateDer(input);
    const root = parseDer(raw, { allowTrailing: trusted });
    if (!looksLikeCertificate(root)) throw new PkiError('NOT_A_CERTIFICATE', { label: 'ASN.1' });
    const der = new Uint8Array(root.valueBeforeDecodeView);
    return await describe(der, root);
  } catch (error) {
    if (isPkiError(error)) throw error;
    throw new PkiError('CORRUPT_FILE', { detail: 'certificate' }, { cause: error });
  }
}

async function describe(der: Uint8Array<ArrayBuffer>, root: asn1js.AsnType): Promise<CertificateInfo> {
  let cert: pkijs.Certificate;
  try {
    cert = new pkijs.Certificate({ schema: root });
  } catch {
    throw new PkiError('CORRUPT_FILE', { detail: 'certificate structure' });
  }
  if (cert.signature.algorithmId !== cert.signatureAlgorithm.algorithmId) {
    throw new PkiError('CORRUPT_FILE', { detail: 'signature algorithm' });
  }
  // pkijs flattens multi-valued RDNs and accepts any time text; names and validity are read from the
  // raw TBS, whose shape pkijs just checked.
  const tbs = (root as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const at = tbs.valueBlock.value[0]!.idBlock.tagClass === 3 ? 1 : 0;
  const validity = (tbs.valueBlock.value[at + 3] as asn1js.Sequence).valueBlock.value;
  const notBefore = parseTime(validity[0]);
  const notAfter = parseTime(validity[1]);
  if (notBefore > notAfter) throw new PkiError('CORRUPT_FILE', { detail: 'validity' });
  const issuerAttrs = nameAttributes(tbs.valueBlock.value[at + 2]!);
  const subjectAttrs = nameAttributes(tbs.valueBlock.value[at + 4]!);
  const issuer = formatName(issuerAttrs);
  const subjectDn = formatName(subjectAttrs);
  const subject = subjectFields(subjectAttrs);
  const selfSigned = await isSelfSigned(cert, issuer, subjectDn);
  const issuerCn = [...issuerAttrs].reverse().find((a) => a.oid === '2.5.4.3');
  const digest = await crypto.subtle.digest('SHA-256', der);
  return {
    subject,
    identifier: identifierFromSubject(subject),
    notBefore,
    notAfter,
    issuer,
    subjectDn,
    serialNumberHex: serialHex(cert.serialNumber.valueBlock.valueHexView),
    fingerprintSha256: toHex(new Uint8Array(digest)),
    keyAlgorithm: keyAlgorithm(cert.subjectPublicKeyInfo),
    purpose: purpose(cert),
    selfSigned,
    environmentHint: environmentHint(issuerCn ? decodeString(issuerCn.tlv) : null, selfSigned),
    der,
  };
}

/**
 * RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ (YY < 50 → 20YY) or GeneralizedTime YYYYMMDDHHMMSSZ.
 * Seconds-less UTCTime and fractional seconds are tolerated as OpenSSL does; anything else is corrupt.
 */
function parseTime(node: asn1js.AsnType | undefined): Date {
  const fail = () => new PkiError('CORRUPT_FILE', { detail: 'validity' });
  if (!node || node.idBlock.tagClass !== 1 || node.idBlock.isConstructed) throw fail();
  const tlv = new Uint8Array(node.valueBeforeDecodeView);
  const h = readHeader(tlv, 0);
  const text = String.fromCharCode(...tlv.subarray(h.contentStart, h.contentStart + (h.length ?? 0)));
  let m: RegExpExecArray | null;
  let year: number;
  if (node.idBlock.tagNumber === 23 && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(text))) {
    year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  } else if (node.idBlock.tagNumber === 24 && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/.exec(text))) {
    year = Number(m[1]);
  } else throw fail();
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const date = new Date(Date.UTC(year, month! - 1, day, hour, minute, second));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day ||
      hour! > 23 || minute! > 59 || second! > 59) {
    throw fail();
  }
  return date;
}

/** As `openssl x509 -serial` prints it, lowercased: no sign octet, `-` for a (non-conforming) negative. */
function serialHex(content: Uint8Array): string {
  if (content.length === 0) throw new PkiError('CORRUPT_FILE', { detail: 'serial number' });
  let bytes = Array.from(content);
  let sign = '';
  if (bytes[0]! & 0x80) {
    sign = '-';
    let carry = 1;
    for (let i = bytes.length - 1; i >= 0; i--) {
      const v = (~bytes[i]! & 0xff) + carry;
      bytes[i] = v & 0xff;
      carry = v >> 8;
    }
  }
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.slice(1);
  return sign + toHex(Uint8Array.from(bytes));
}

function keyAlgorithm(spki: pkijs.PublicKeyInfo): string {
  const oid = spki.algorithm.algorithmId;
  const name = oidName(oid);
  if (name === 'EC') {
    const params = spki.algorithm.algorithmParams;
    return params instanceof asn1js.ObjectIdentifier
      ? `EC ${oidName(params.valueBlock.toString())}`
      : 'EC (explicit parameters)';
  }
  if (name === 'RSA' || name === 'RSA-PSS') {
    const key = parseDer(spki.subjectPublicKey.valueBlock.valueHexView);
    const modulus = key instanceof asn1js.Sequence ? key.valueBlock.value[0] : undefined;
    if (!(modulus instanceof asn1js.Integer)) throw new PkiError('CORRUPT_FILE', { detail: 'RSA key' });
    const m = modulus.valueBlock.valueHexView;
    let i = 0;
    while (i < m.length - 1 && m[i] === 0) i++;
    const bits = (m.length - i - 1) * 8 + (m[i] ? 32 - Math.clz32(m[i]!) : 0);
    return `${name} ${bits}`;
  }
  return name;
}

function extensionValue(cert: pkijs.Certificate, oid: string): asn1js.AsnType | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  return ext ? parseDer(ext.extnValue.valueBlock.valueHexView) : undefined;
}

/** keyUsage decides (NOTES §4.3): digitalSignature → login, nonRepudiation → offline (QR KOD II). */
function purpose(cert: pkijs.Certificate): CertificateInfo['purpose'] {
  const ku = extensionValue(cert, '2.5.29.15');
  if (!(ku instanceof asn1js.BitString)) return 'unknown';
  const bits = ku.valueBlock.valueHexView[0] ?? 0;
  const digitalSignature = (bits & 0x80) !== 0;
  const nonRepudiation = (bits & 0x40) !== 0;
  if (digitalSignature && !nonRepudiation) return 'authentication';
  if (nonRepudiation && !digitalSignature) return 'offline';
  return 'unknown';
}

/**
 * Self-signed = issuer DN equals subject DN, AKI (if any) names the certificate's own SKI, and the
 * signature verifies with the certificate's own key. When WebCrypto cannot check the signature algorithm
 * (Ed25519 in some browsers, DSA, unknown OIDs) the names and key identifiers alone decide.
 */
async function isSelfSigned(cert: pkijs.Certificate, issuer: string, subject: string): Promise<boolean> {
  if (issuer.toLowerCase() !== subject.toLowerCase()) return false;
  const ski = extensionValue(cert, '2.5.29.14');
  const aki = extensionValue(cert, '2.5.29.35');
  const akiId = aki instanceof asn1js.Sequence
    ? aki.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0)
    : undefined;
  if (akiId && ski instanceof asn1js.OctetString) {
    const raw = new Uint8Array(akiId.valueBeforeDecodeView);
    const h = readHeader(raw, 0);
    const id = raw.subarray(h.contentStart, h.contentStart + (h.length ?? 0));
    if (toHex(id) !== toHex(ski.valueBlock.valueHexView)) return false;
  }
  const checkable = WEBCRYPTO_SIGNATURES.has(cert.signatureAlgorithm.algorithmId);
  try {
    const engine = new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
    return await cert.verify(cert, engine);
  } catch {
    // A checkable algorithm that throws means a malformed signature or key: not self-signed.
    return !checkable;
  }
}

/** Signature algorithms WebCrypto verifies everywhere we run (Chrome, Firefox, Node 20). */
const WEBCRYPTO_SIGNATURES = new Set([
  '1.2.840.10045.4.1', '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
  '1.2.840.113549.1.1.5', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13',
  '1.2.840.113549.1.1.10',
]);

/**
 * Which KSeF issued it (NOTES §4.3). The issuer CN decides first, so KSeF's own CA certificates (which
 * are self-signed) keep their environment; any other self-signed certificate is TEST's kind (§4.2).
 */
function environmentHint(issuerCn: string | null, selfSigned: boolean): EnvironmentHint {
  const cn = issuerCn?.trim();
  if (cn === TEST_ISSUER_CN) return 'test';
  if (cn === PRODUCTION_ISSUER_CN) return 'production';
  return selfSigned ? 'test' : 'other';
}
