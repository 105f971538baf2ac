// DER encoding for the few structures the key readers build themselves: the canonical PKCS#8 that
// WebCrypto imports (key-material.ts). Tags and lengths are ours; contents are fields the readers checked.
import { TAG } from './der-reader';

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** DER-encode one element from its tag and content parts. */
export function encodeTlv(tag: number, ...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const head = [tag, ...lengthBytes(length)];
  const out = new Uint8Array(head.length + length);
  out.set(head);
  let o = head.length;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** DER encoding of a dotted OID (for the few constant OIDs the writers need). */
export function encodeOid(oid: string): Uint8Array<ArrayBuffer> {
  const arcs = oid.split('.').map(Number);
  const body: number[] = [];
  const values = [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)];
  for (const v of values) {
    const chunk = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) chunk.unshift(0x80 | (x & 0x7f));
    body.push(...chunk);
  }
  return encodeTlv(TAG.OID, new Uint8Array(body));
}
