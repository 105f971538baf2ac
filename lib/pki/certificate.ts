// readCertificate: the facts about the user's KSeF certificate (NOTES §4), read with lib/pki's one DER
// reader (der.ts) after `walk` has bounded the whole tree. Names are formatted as OpenSSL does with
// `-nameopt RFC2253,-esc_msb` so what we show matches what a support person sees with `openssl x509`.
import { PkiError, isPkiError } from './errors';
import { decodeInput } from './pem';
import { checkInputArgument } from './key-guards';
import { DerReader, TAG, corrupt, toHex, type Tlv } from './der';
import { decodeString, formatName, identifierFromSubject, nameAttributes, subjectFields } from './dn';
import { CURVES, OID, OTHER_KEY_ALGORITHMS } from './key-oids';
import { isSelfSigned } from './self-signed';
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
    if (decoded.der[0] !== TAG.SEQUENCE) throw new PkiError('NOT_A_CERTIFICATE', { label: 'binary' });
    return { der: decoded.der, trusted: false };
  }
  const block = decoded.blocks.find((b) => CERT_LABELS.includes(b.label));
  if (block) return { der: block.der, trusted: block.label === 'TRUSTED CERTIFICATE' };
  if (decoded.blocks.length === 0) throw corrupt('PEM');
  throw new PkiError('NOT_A_CERTIFICATE', { label: decoded.blocks[0]!.label });
}

/** A certificate's outline: SEQUENCE { tbs SEQUENCE { [0] version | INTEGER serial, … }, … }. */
function looksLikeCertificate(r: DerReader, root: Tlv): boolean {
  const tbs = root.tag === TAG.SEQUENCE ? r.children(root)[0] : undefined;
  if (tbs?.tag !== TAG.SEQUENCE) return false;
  const items = r.children(tbs);
  if (((items[0]?.tag ?? 0) & 0xdf) === TAG.CTX0_PRIM) return true;
  return items[0]?.tag === TAG.INTEGER && items.length >= 6 && items[3]?.tag === TAG.SEQUENCE;
}

/**
 * The facts about a certificate given as PEM (the first CERTIFICATE, X509 CERTIFICATE or TRUSTED
 * CERTIFICATE block; text around it, CRLF and a BOM are fine), bare base64 or DER.
 * Fails only with a PkiError: NOT_A_CERTIFICATE (a key, a request, a PDF… given instead),
 * CORRUPT_FILE (truncated, bad base64, broken or hostile ASN.1, impossible validity), FILE_TOO_LARGE,
 * EMPTY_FILE.
 */
export async function readCertificate(input: BinaryInput): Promise<CertificateInfo> {
  checkInputArgument(input, 'input');
  try {
    const { der: raw, trusted } = certificateDer(input);
    // OpenSSL's TRUSTED CERTIFICATE appends its own data after the certificate.
    const outer = new DerReader(raw, true).root(trusted);
    const r = new DerReader(raw.slice(0, outer.end), true);
    const root = r.root();
    r.walk(root);
    if (!looksLikeCertificate(r, root)) throw new PkiError('NOT_A_CERTIFICATE', { label: 'ASN.1' });
    return await describe(r, root);
  } catch (error) {
    if (isPkiError(error)) throw error;
    throw new PkiError('CORRUPT_FILE', { detail: 'certificate' }, { cause: error });
  }
}

/** Certificate ::= SEQUENCE { tbs, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1). */
export function certificateFields(r: DerReader, root: Tlv) {
  const structure = () => corrupt('certificate structure');
  const [tbs, sigAlg, sig, extra] = r.children(root);
  if (tbs?.tag !== TAG.SEQUENCE || sigAlg?.tag !== TAG.SEQUENCE || sig?.tag !== TAG.BIT_STRING || extra) throw structure();
  const items = r.children(tbs);
  const at = items[0]?.tag === TAG.CTX0 ? 1 : 0;
  const [serial, alg, issuer, validity, subject, spki] = items.slice(at);
  if (serial?.tag !== TAG.INTEGER || alg?.tag !== TAG.SEQUENCE || spki?.tag !== TAG.SEQUENCE ||
      [issuer, validity, subject].some((t) => t?.tag !== TAG.SEQUENCE)) throw structure();
  const algOid = (t: Tlv) => r.oid(r.children(t)[0], 'signature algorithm');
  if (algOid(alg) !== algOid(sigAlg)) throw corrupt('signature algorithm');
  const exts = items.slice(at + 6).find((t) => t.tag === TAG.CTX3);
  const extensions = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const ext of exts ? r.seq(r.explicit(exts, TAG.CTX3, 'extensions'), 'extensions') : []) {
    const parts = r.seq(ext, 'extension');
    extensions.set(r.oid(parts[0], 'extension'), r.octets(parts[parts.length - 1], 'extension'));
  }
  return { tbs: r.raw(tbs), sigAlg, sig: r.content(sig).subarray(1), serial: r.content(serial), issuer: issuer!, validity: validity!, subject: subject!, spki, extensions };
}

async function describe(r: DerReader, root: Tlv): Promise<CertificateInfo> {
  const f = certificateFields(r, root);
  // Names and validity are read as written: multi-valued RDNs kept, times checked strictly.
  const [from, to] = r.seq(f.validity, 'validity');
  const notBefore = parseTime(r, from);
  const notAfter = parseTime(r, to);
  if (notBefore > notAfter) throw corrupt('validity');
  const issuerAttrs = nameAttributes(r, f.issuer);
  const subjectAttrs = nameAttributes(r, f.subject);
  const issuer = formatName(issuerAttrs);
  const subjectDn = formatName(subjectAttrs);
  const subject = subjectFields(subjectAttrs);
  const spki = r.raw(f.spki);
  const selfSigned = issuer.toLowerCase() === subjectDn.toLowerCase() &&
    (await isSelfSigned({ ...f, spki, sigAlg: r.raw(f.sigAlg) }));
  const issuerCn = [...issuerAttrs].reverse().find((a) => a.oid === '2.5.4.3');
  const der = r.bytes.slice() as Uint8Array<ArrayBuffer>;
  const digest = await crypto.subtle.digest('SHA-256', der);
  return {
    subject,
    identifier: identifierFromSubject(subject),
    notBefore,
    notAfter,
    issuer,
    subjectDn,
    serialNumberHex: serialHex(f.serial),
    fingerprintSha256: toHex(new Uint8Array(digest)),
    keyAlgorithm: keyAlgorithm(r, f.spki),
    purpose: purpose(f.extensions.get('2.5.29.15')),
    selfSigned,
    environmentHint: environmentHint(issuerCn ? decodeString(issuerCn.tlv) : null, selfSigned),
    der,
  };
}

/**
 * RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ (YY < 50 → 20YY) or GeneralizedTime YYYYMMDDHHMMSSZ.
 * Seconds-less UTCTime and fractional seconds are tolerated as OpenSSL does; anything else is corrupt.
 */
function parseTime(r: DerReader, t: Tlv | undefined): Date {
  const fail = () => corrupt('validity');
  if (!t) throw fail();
  const text = String.fromCharCode(...r.content(t));
  let m: RegExpExecArray | null;
  let year: number;
  if (t.tag === 0x17 && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(text))) {
    year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  } else if (t.tag === 0x18 && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/.exec(text))) {
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
  if (content.length === 0) throw corrupt('serial number');
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

/** 'EC P-256', 'RSA 2048', 'Ed25519', …: the subjectPublicKeyInfo's algorithm, with curve or size. */
export function keyAlgorithm(r: DerReader, spki: Tlv): string {
  const [alg, key] = r.seq(spki, 'subjectPublicKeyInfo');
  const [oidTlv, params] = r.seq(alg, 'public key algorithm');
  const oid = r.oid(oidTlv, 'public key algorithm');
  if (oid === OID.ecPublicKey) {
    if (params?.tag !== TAG.OID) return 'EC (explicit parameters)';
    const curve = r.oid(params, 'curve');
    return CURVES[curve] ? `EC ${CURVES[curve]}` : OTHER_KEY_ALGORITHMS[curve] ?? `EC ${curve}`;
  }
  if (oid !== OID.rsaEncryption && oid !== OID.rsaPss) return OTHER_KEY_ALGORITHMS[oid] ?? oid;
  const bits = r.content(r.expect(key, TAG.BIT_STRING, 'RSA key')).subarray(1);
  const k = new DerReader(bits, true);
  const m = k.content(k.expect(k.seq(k.root(), 'RSA key')[0], TAG.INTEGER, 'RSA key'));
  let i = 0;
  while (i < m.length - 1 && m[i] === 0) i++;
  return `${oid === OID.rsaPss ? 'RSA-PSS' : 'RSA'} ${(m.length - i - 1) * 8 + (m[i] ? 32 - Math.clz32(m[i]!) : 0)}`;
}

/** keyUsage decides (NOTES §4.3): digitalSignature → login, nonRepudiation → offline (QR KOD II). */
function purpose(keyUsage: Uint8Array | undefined): CertificateInfo['purpose'] {
  if (!keyUsage) return 'unknown';
  const k = new DerReader(keyUsage, true);
  const ku = k.root();
  if (ku.tag !== TAG.BIT_STRING) return 'unknown';
  const bits = k.content(ku)[1] ?? 0;
  const digitalSignature = (bits & 0x80) !== 0;
  const nonRepudiation = (bits & 0x40) !== 0;
  if (digitalSignature && !nonRepudiation) return 'authentication';
  if (nonRepudiation && !digitalSignature) return 'offline';
  return 'unknown';
}

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
