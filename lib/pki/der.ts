// lib/pki's one ASN.1 reader, for certificates and keys alike (STYLE 25), and the few DER bytes it writes.
// Nothing here recurses over attacker-controlled nesting without a bound (RELIABILITY §4.2, G3): callers
// walk the schema they expect, and `walk` bounds whole trees. Keys are strict DER (definite, minimal
// lengths); certificates and PKCS#12 containers may be BER (NSS writes indefinite lengths and segmented
// OCTET STRINGs), so `ber` mode accepts those two forms only. Not asn1js: it explores declared lengths and
// nesting without bounds unless pre-scanned (RELIABILITY G3, ASN1.js#131), and one reader is enough.
import { concat } from '../core/bytes';
import { PkiError } from './errors';

export interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  contentEnd: number;
  /** First byte after the element (after the end-of-contents octets for BER indefinite lengths). */
  end: number;
}

export const TAG = {
  INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06,
  SEQUENCE: 0x30, SET: 0x31, CTX0: 0xa0, CTX1: 0xa1, CTX3: 0xa3, CTX0_PRIM: 0x80,
} as const;

/** Certificates nest about 10 levels deep, PKCS#12 about 20; anything near this is an attack or garbage. */
const MAX_DEPTH = 32;

export function corrupt(detail: string): PkiError {
  return new PkiError('CORRUPT_FILE', { detail });
}

export class DerReader {
  constructor(readonly bytes: Uint8Array, readonly ber = false) {}

  /** The one element that spans the whole buffer; trailing bytes are an error unless allowed. */
  root(allowTrailing = false): Tlv {
    const t = this.at(0, this.bytes.length);
    if (t.end !== this.bytes.length && !allowTrailing) throw corrupt('data after ASN.1');
    return t;
  }

  at(offset: number, limit: number, depth = 0): Tlv {
    const b = this.bytes;
    if (offset + 2 > limit) throw corrupt('ASN.1 truncated');
    const tag = b[offset]!;
    if ((tag & 0x1f) === 0x1f) throw corrupt('ASN.1 tag');
    let p = offset + 1;
    const first = b[p++]!;
    if (first === 0x80) {
      if (!this.ber || (tag & 0x20) === 0) throw corrupt('ASN.1 indefinite length');
      if (depth >= MAX_DEPTH) throw corrupt('ASN.1 nested too deeply');
      for (let q = p; ; q = this.at(q, limit, depth + 1).end) {
        if (q + 2 > limit) throw corrupt('ASN.1 truncated');
        if (b[q] === 0 && b[q + 1] === 0) return { tag, start: offset, contentStart: p, contentEnd: q, end: q + 2 };
      }
    }
    let length = first;
    if (first > 0x80) {
      const count = first & 0x7f;
      if (count > 4) throw corrupt('ASN.1 length');
      if (p + count > limit) throw corrupt('ASN.1 truncated');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + b[p++]!;
      if (!this.ber && (length < 0x80 || b[offset + 2] === 0)) throw corrupt('ASN.1 non-minimal length');
    }
    if (p + length > limit) throw corrupt('ASN.1 truncated');
    return { tag, start: offset, contentStart: p, contentEnd: p + length, end: p + length };
  }

  /** Check a whole tree before it is read: nesting bounded, every OID terminated. */
  walk(t: Tlv, depth = 0): void {
    if (depth > MAX_DEPTH) throw corrupt('ASN.1 nested too deeply');
    if (t.tag & 0x20) for (const c of this.children(t)) this.walk(c, depth + 1);
    else if (t.tag === TAG.OID && (t.contentEnd === t.contentStart || this.bytes[t.contentEnd - 1]! & 0x80)) throw corrupt('ASN.1');
  }

  children(t: Tlv): Tlv[] {
    if ((t.tag & 0x20) === 0) throw corrupt('ASN.1 primitive');
    const out: Tlv[] = [];
    for (let p = t.contentStart; p < t.contentEnd; p = out[out.length - 1]!.end) out.push(this.at(p, t.contentEnd, 1));
    return out;
  }

  /** Children of a SEQUENCE (or another constructed `tag`), checking the tag first. */
  seq(t: Tlv | undefined, what: string, tag: number = TAG.SEQUENCE): Tlv[] {
    return this.children(this.expect(t, tag, what));
  }

  expect(t: Tlv | undefined, tag: number, what: string): Tlv {
    if (!t) throw corrupt(`${what} missing`);
    if (t.tag !== tag) throw corrupt(`${what} unexpected`);
    return t;
  }

  content(t: Tlv): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(t.contentStart, t.contentEnd) as Uint8Array<ArrayBuffer>;
  }

  /** The whole element, header included. */
  raw(t: Tlv): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(t.start, t.end) as Uint8Array<ArrayBuffer>;
  }

  /** The single element inside an explicit context tag such as [0]. */
  explicit(t: Tlv | undefined, tag: number, what: string): Tlv {
    const inner = this.seq(t, what, tag);
    if (inner.length !== 1) throw corrupt(what);
    return inner[0]!;
  }

  oid(t: Tlv | undefined, what: string): string {
    const c = this.content(this.expect(t, TAG.OID, what));
    if (c.length === 0 || c.length > 64 || (c[c.length - 1]! & 0x80) !== 0) throw corrupt(`${what} OID`);
    const arcs: number[] = [];
    let value = 0;
    for (let i = 0; i < c.length; i++) {
      if (value === 0 && c[i] === 0x80) throw corrupt(`${what} OID`);
      value = value * 128 + (c[i]! & 0x7f);
      if (value > Number.MAX_SAFE_INTEGER) throw corrupt(`${what} OID`);
      if ((c[i]! & 0x80) === 0) {
        if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
        else arcs.push(value);
        value = 0;
      }
    }
    return arcs.join('.');
  }

  /** A non-negative INTEGER small enough for a JS number (versions, iteration counts, key lengths). */
  int(t: Tlv | undefined, what: string): number {
    const c = this.content(this.expect(t, TAG.INTEGER, what));
    if (c.length === 0 || (c[0]! & 0x80) !== 0) throw corrupt(`${what} invalid`);
    if (c.length > 1 && c[0] === 0 && (c[1]! & 0x80) === 0 && !this.ber) throw corrupt(`${what} invalid`);
    let start = 0;
    while (start < c.length - 1 && c[start] === 0) start++;
    if (c.length - start > 6) throw corrupt(`${what} too large`);
    let n = 0;
    for (let i = start; i < c.length; i++) n = n * 256 + c[i]!;
    return n;
  }

  /** OCTET STRING contents; in BER mode a constructed OCTET STRING is joined from its segments. */
  octets(t: Tlv | undefined, what: string): Uint8Array<ArrayBuffer> {
    if (t && this.ber && t.tag === (TAG.OCTET_STRING | 0x20)) return this.joinSegments(t, what);
    return this.content(this.expect(t, TAG.OCTET_STRING, what));
  }

  /** Contents of a primitive or (BER) constructed string with any tag, e.g. [0] IMPLICIT OCTET STRING. */
  stringOf(t: Tlv, what: string): Uint8Array<ArrayBuffer> {
    return (t.tag & 0x20) === 0 ? this.content(t) : this.joinSegments(t, what);
  }

  private joinSegments(t: Tlv, what: string): Uint8Array<ArrayBuffer> {
    if (!this.ber) throw corrupt(`${what} unexpected`);
    return concat(...this.children(t).map((c) => this.octets(c, what)));
  }
}

/** Concatenation and hex are lib/core/bytes.ts; re-exported for the readers and writers in lib/pki. */
export { concat, toHex } from '../core/bytes';

/** DER-encode one element from its tag and content parts (the canonical PKCS#8 that WebCrypto imports). */
export function encodeTlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const len: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
  return concat(new Uint8Array(n < 0x80 ? [tag, n] : [tag, 0x80 | len.length, ...len]), ...parts);
}

/** DER encoding of a dotted OID (for the few constant OIDs the writers need). */
export function encodeOid(oid: string): Uint8Array<ArrayBuffer> {
  const arcs = oid.split('.').map(Number);
  const body: number[] = [];
  for (const v of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const chunk = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) chunk.unshift(0x80 | (x & 0x7f));
    body.push(...chunk);
  }
  return encodeTlv(TAG.OID, new Uint8Array(body));
}

