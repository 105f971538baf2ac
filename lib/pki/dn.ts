// Distinguished names: the attributes of a certificate's issuer and subject, formatted as OpenSSL does with
// `-nameopt RFC2253,-esc_msb`, the subject fields KSeF reads, and the NIP or PESEL it finds in them.
import { content, is, kids, oid, raw, type Node } from './asn1';
import { toHex } from '../core/bytes';
import type { CertificateIdentifier, SubjectFields } from './types';

// Attribute names as OpenSSL prints them (FN_SN); RFC 4514 §3 names where the brief asks for them.
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.4': 'SN', '2.5.4.5': 'serialNumber', '2.5.4.6': 'C', '2.5.4.7': 'L',
  '2.5.4.8': 'ST', '2.5.4.9': 'STREET', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.12': 'title',
  '2.5.4.13': 'description', '2.5.4.15': 'businessCategory', '2.5.4.16': 'postalAddress',
  '2.5.4.17': 'postalCode', '2.5.4.18': 'postOfficeBox', '2.5.4.20': 'telephoneNumber', '2.5.4.41': 'name',
  '2.5.4.42': 'GN', '2.5.4.43': 'initials', '2.5.4.44': 'generationQualifier',
  '2.5.4.45': 'x500UniqueIdentifier', '2.5.4.46': 'dnQualifier', '2.5.4.65': 'pseudonym', '2.5.4.72': 'role',
  '2.5.4.97': 'organizationIdentifier', '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL', '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

const SUBJECT_FIELDS: Record<string, keyof SubjectFields> = {
  '2.5.4.3': 'commonName', '2.5.4.42': 'givenName', '2.5.4.4': 'surname', '2.5.4.5': 'serialNumber',
  '2.5.4.10': 'organizationName', '2.5.4.97': 'organizationIdentifier', '2.5.4.6': 'countryName',
  '2.5.4.45': 'uniqueIdentifier',
};

export interface Attribute { oid: string; value: Node; rdn: number }

/** Text of a directory string, decoded as OpenSSL does (1-byte types as Latin-1); null for non-strings. */
export function decodeString(value: Node): string | null {
  const c = content(value);
  switch (value.idBlock.tagClass === 1 && !value.idBlock.isConstructed ? value.idBlock.tagNumber : -1) {
    case 12: return new TextDecoder('utf-8', { fatal: false }).decode(c);
    case 18: case 19: case 20: case 22: case 23: case 24: case 26:
      return String.fromCharCode(...c);
    case 30: {
      let s = '';
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
      return s;
    }
    case 28: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4) {
        const cp = ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;
        s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    default: return null;
  }
}

/** RFC 4514 §2.4 escaping, character for character as OpenSSL's ESC_2253 | ESC_CTRL. */
function escapeValue(value: string): string {
  const chars = Array.from(value);
  return chars
    .map((ch, i) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x20 || code === 0x7f) return '\\' + code.toString(16).toUpperCase().padStart(2, '0');
      if (',+"\\<>;'.includes(ch)) return '\\' + ch;
      if (i === 0 && (ch === '#' || ch === ' ')) return '\\' + ch;
      if (i === chars.length - 1 && ch === ' ') return '\\ ';
      return ch;
    })
    .join('');
}

/** Name ::= SEQUENCE OF SET OF SEQUENCE { type OID, value } (RFC 5280 §4.1.2.4; pkijs checked the shape). */
export function nameAttributes(name: Node): Attribute[] {
  return kids(name).flatMap((set, rdn) => kids(set).map((ava) => {
    const [type, value] = kids(ava);
    return { oid: oid(type, 'name'), value: value!, rdn };
  }));
}

/** RFC 4514 string, most specific RDN first; unknown attribute types and non-string values as `#hex`. */
export function formatName(attributes: readonly Attribute[]): string {
  let out = '';
  for (let i = attributes.length - 1; i >= 0; i--) {
    const a = attributes[i]!;
    if (i < attributes.length - 1) out += a.rdn === attributes[i + 1]!.rdn ? '+' : ',';
    const known = ATTRIBUTE_NAMES[a.oid];
    const text = known ? decodeString(a.value) : null;
    out += `${known ?? a.oid}=${text === null ? '#' + toHex(raw(a.value)).toUpperCase() : escapeValue(text)}`;
  }
  return out;
}

export function subjectFields(attributes: readonly Attribute[]): SubjectFields {
  const fields: SubjectFields = {};
  for (const a of attributes) {
    const key = SUBJECT_FIELDS[a.oid];
    if (!key) continue;
    let text = decodeString(a.value);
    // X.520 types x500UniqueIdentifier as a BIT STRING; AP writes a UTF8String GUID. Show bits as hex.
    if (text === null && key === 'uniqueIdentifier' && is(a.value, 'BIT_STRING')) text = toHex(content(a.value));
    if (text === null) continue;
    // givenName may repeat (NOTES §4.3): keep every name; other fields keep their first value.
    if (key === 'givenName' && fields.givenName !== undefined) fields.givenName += ' ' + text;
    else fields[key] ??= text;
  }
  return fields;
}

/**
 * The NIP or PESEL KSeF reads from a subject, with KSeF's own patterns (NOTES §4.1). Precedence:
 * serialNumber before organizationIdentifier (a person certificate may carry its organisation too), and
 * within serialNumber a NIP before a PESEL. The patterns are unanchored, so `NIP-12345678901` yields
 * the first ten digits, exactly as KSeF reads it.
 */
export function identifierFromSubject(subject: SubjectFields): CertificateIdentifier | null {
  const sn = subject.serialNumber ?? '';
  const nip = /(TINPL|NIP).*?(\d{10})/.exec(sn);
  if (nip) return { type: 'NIP', value: nip[2]! };
  const pesel = /(PNOPL|PESEL).*?(\d{11})/.exec(sn);
  if (pesel) return { type: 'PESEL', value: pesel[2]! };
  const vat = /(VATPL).*?(\d{10})/.exec(subject.organizationIdentifier ?? '');
  if (vat) return { type: 'NIP', value: vat[2]! };
  return null;
}
