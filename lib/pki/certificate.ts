// readCertificate: the facts about the user's KSeF certificate (NOTES §4). Names are formatted as OpenSSL
// does with `-nameopt RFC2253,-esc_msb` so what we show matches what a support person sees with `openssl x509`.
import * as asn1js from 'asn1js';
import { PkiError, isPkiError } from './errors';
import { decodeInput } from './pem';
import { checkInputArgument } from './key-guards';
import { content, corrupt, kids, type Node } from './asn1';
import { toHex } from '../core/bytes';
import { decodeString, formatName, identifierFromSubject, nameAttributes, subjectFields } from './dn';
import { isSelfSigned } from './self-signed';
import { keyAlgorithm, parseCertificate, serialHex } from './x509';
import type { BinaryInput, CertificateInfo, EnvironmentHint } from './types';

const CERT_LABELS = ['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'];

import { PRODUCTION_ISSUER_CN, TEST_ISSUER_CN } from './issuers';

export { PRODUCTION_ISSUER_CN, TEST_ISSUER_CN };

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
  if (decoded.blocks.length === 0) throw corrupt('PEM');
  throw new PkiError('NOT_A_CERTIFICATE', { label: decoded.blocks[0]!.label });
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
    const x = parseCertificate(raw, trusted);
    // Names and validity are read as written: multi-valued RDNs kept, times checked strictly.
    const [notBefore, notAfter] = kids(x.validity).map(parseTime);
    if (!notBefore || !notAfter || notBefore > notAfter) throw corrupt('validity');
    const issuerAttrs = nameAttributes(x.issuer);
    const subjectAttrs = nameAttributes(x.subject);
    const issuer = formatName(issuerAttrs);
    const subjectDn = formatName(subjectAttrs);
    const subject = subjectFields(subjectAttrs);
    const selfSigned = issuer.toLowerCase() === subjectDn.toLowerCase() && (await isSelfSigned(x.cert));
    const issuerCn = [...issuerAttrs].reverse().find((a) => a.oid === '2.5.4.3');
    return {
      subject,
      identifier: identifierFromSubject(subject),
      notBefore,
      notAfter,
      issuer,
      subjectDn,
      serialNumberHex: serialHex(x.serial),
      fingerprintSha256: toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', x.der))),
      keyAlgorithm: keyAlgorithm(x),
      purpose: purpose(x.cert.extensions?.find((e) => e.extnID === '2.5.29.15')?.parsedValue),
      selfSigned,
      environmentHint: environmentHint(issuerCn ? decodeString(issuerCn.value) : null, selfSigned),
      der: x.der,
    };
  } catch (error) {
    if (isPkiError(error)) throw error;
    throw new PkiError('CORRUPT_FILE', { detail: 'certificate' }, { cause: error });
  }
}

/**
 * RFC 5280 §4.1.2.5: UTCTime YYMMDDHHMMSSZ (YY < 50 → 20YY) or GeneralizedTime YYYYMMDDHHMMSSZ.
 * Seconds-less UTCTime and fractional seconds are tolerated as OpenSSL does; anything else is corrupt.
 */
function parseTime(t: Node): Date {
  const text = String.fromCharCode(...content(t));
  const tag = t.idBlock.tagClass === 1 ? t.idBlock.tagNumber : -1;
  let m: RegExpExecArray | null;
  let year: number;
  if (tag === 23 && (m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/.exec(text))) {
    year = Number(m[1]) < 50 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  } else if (tag === 24 && (m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/.exec(text))) {
    year = Number(m[1]);
  } else throw corrupt('validity');
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const date = new Date(Date.UTC(year, month! - 1, day, hour, minute, second));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day ||
      hour! > 23 || minute! > 59 || second! > 59) {
    throw corrupt('validity');
  }
  return date;
}

/** keyUsage decides (NOTES §4.3): digitalSignature → login, nonRepudiation → offline (QR KOD II). */
function purpose(keyUsage: unknown): CertificateInfo['purpose'] {
  if (!(keyUsage instanceof asn1js.BitString)) return 'unknown';
  const bits = keyUsage.valueBlock.valueHexView[0] ?? 0;
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
