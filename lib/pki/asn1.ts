// Low-level DER helpers shared by the certificate and the key readers. Everything a user hands us is
// hostile until parsed: lengths are checked against the buffer and nesting is bounded *before* asn1js
// sees the bytes, and every parser failure becomes a PkiError CORRUPT_FILE with a short, non-secret detail.
import * as asn1js from 'asn1js';
import { PkiError } from './errors';

/** Certificates nest about 10 levels deep, PKCS#12 about 20; anything near this is an attack or garbage. */
export const MAX_DER_DEPTH = 64;

export interface DerHeader {
  /** First identifier octet: class bits, constructed bit, low tag number (31 for long-form tags). */
  tag: number;
  constructed: boolean;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Content length; null for BER's indefinite form. */
  length: number | null;
}

function corrupt(detail: string): PkiError {
  return new PkiError('CORRUPT_FILE', { detail });
}

/** The header of the TLV at `offset`; throws CORRUPT_FILE when it runs past `end` or is malformed. */
export function readHeader(der: Uint8Array, offset: number, end = der.length): DerHeader {
  if (offset + 2 > end) throw corrupt('ASN.1 truncated');
  const tag = der[offset]!;
  let p = offset + 1;
  if ((tag & 0x1f) === 0x1f) {
    let n = 0; // long-form tag number: base-128, at most 4 octets
    do {
      if (p >= end || ++n > 4) throw corrupt('ASN.1 tag');
    } while (der[p++]! & 0x80);
  }
  if (p >= end) throw corrupt('ASN.1 truncated');
  const first = der[p++]!;
  let length: number | null;
  if (first < 0x80) length = first;
  else if (first === 0x80) length = null;
  else {
    const count = first & 0x7f;
    if (count > 4 || p + count > end) throw corrupt('ASN.1 length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[p++]!;
  }
  const constructed = (tag & 0x20) !== 0;
  if (length === null && !constructed) throw corrupt('ASN.1 length');
  if (length !== null && p + length > end) throw corrupt('ASN.1 truncated');
  return { tag, constructed, contentStart: p, length };
}

/**
 * Walk the TLV at `offset` without recursion on the JS stack beyond `maxDepth`; returns its end offset.
 * Checks what asn1js would otherwise explore unbounded: declared lengths, nesting, indefinite forms.
 */
function scan(der: Uint8Array, offset: number, end: number, depth: number, maxDepth: number): number {
  if (depth > maxDepth) throw corrupt('ASN.1 nested too deeply');
  const h = readHeader(der, offset, end);
  if (!h.constructed) return h.contentStart + h.length!;
  if (h.length !== null) {
    const stop = h.contentStart + h.length;
    let p = h.contentStart;
    while (p < stop) p = scan(der, p, stop, depth + 1, maxDepth);
    return stop;
  }
  let p = h.contentStart;
  for (;;) {
    if (p + 2 > end) throw corrupt('ASN.1 truncated');
    if (der[p] === 0 && der[p + 1] === 0) return p + 2;
    p = scan(der, p, end, depth + 1, maxDepth);
  }
}

export interface ParseDerOptions {
  /** Nesting limit; default MAX_DER_DEPTH. */
  maxDepth?: number;
  /** Accept bytes after the first element (OpenSSL's TRUSTED CERTIFICATE appends its own data). */
  allowTrailing?: boolean;
}

/**
 * Parse one DER (or BER) element. Throws PkiError CORRUPT_FILE on truncated, oversized, too deeply nested
 * or otherwise broken input, and (unless `allowTrailing`) on bytes after the element. Never lets an
 * asn1js exception through.
 */
export function parseDer(der: Uint8Array, options: ParseDerOptions = {}): asn1js.AsnType {
  if (!(der instanceof Uint8Array)) throw new TypeError('"der" must be a Uint8Array');
  const maxDepth = options.maxDepth ?? MAX_DER_DEPTH;
  if (der.length === 0) throw corrupt('ASN.1 empty');
  const end = scan(der, 0, der.length, 0, maxDepth);
  if (end !== der.length && !options.allowTrailing) throw corrupt('data after ASN.1');
  let parsed: asn1js.FromBerResult;
  try {
    // asn1js also looks inside OCTET/BIT STRINGs for embedded DER; its own depth limit bounds that.
    parsed = asn1js.fromBER(der.subarray(0, end), { maxDepth: maxDepth * 2 });
  } catch {
    throw corrupt('ASN.1');
  }
  if (parsed.offset === -1 || parsed.result.error) throw corrupt('ASN.1');
  return parsed.result;
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

// Readable names for the algorithm OIDs the readers meet; unknown ones are shown as dotted OIDs.
const OID_NAMES: Record<string, string> = {
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '1.2.840.113549.1.5.13': 'PBES2',
  '1.2.840.113549.1.5.12': 'PBKDF2',
  '1.2.840.113549.2.7': 'hmacWithSHA1',
  '1.2.840.113549.2.8': 'hmacWithSHA224',
  '1.2.840.113549.2.9': 'hmacWithSHA256',
  '1.2.840.113549.2.10': 'hmacWithSHA384',
  '1.2.840.113549.2.11': 'hmacWithSHA512',
  '2.16.840.1.101.3.4.1.2': 'AES-128-CBC',
  '2.16.840.1.101.3.4.1.22': 'AES-192-CBC',
  '2.16.840.1.101.3.4.1.42': 'AES-256-CBC',
  '1.2.840.113549.3.7': 'DES-EDE3-CBC',
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
};

/** A readable name for an algorithm OID, or the dotted OID itself when we do not know it. */
export function oidName(oid: string): string {
  return OID_NAMES[oid] ?? oid;
}
