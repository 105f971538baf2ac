// lib/pki's one ASN.1 reader, for certificates and keys alike: asn1js (already in the bundle through
// xadesjs/pkijs), always with explicit bounds (RELIABILITY §4.2, G3; asn1js ≥ 3.1 bounds depth, node count
// and declared lengths, which answers ASN1.js#131). Keys are strict DER (definite, minimal lengths, no
// constructed strings); certificates and PKCS#12 containers may be BER (NSS writes indefinite lengths).
import * as asn1js from 'asn1js';
import { PkiError } from './errors';

export type Node = asn1js.BaseBlock;

// Certificates nest about 10 levels deep, PKCS#12 about 20. copyInput false: nodes view the caller's
// buffer, so wiping a decrypted key also wipes what was parsed from it.
const BOUNDS = { maxDepth: 32, maxNodes: 20_000, parseEmbedded: false, copyInput: false } as const;

export const corrupt = (detail: string): PkiError => new PkiError('CORRUPT_FILE', { detail });

function detailOf(error: string): string {
  if (/depth/.test(error)) return 'ASN.1 nested too deeply';
  if (/content length|inconsistent offset|Zero buffer/.test(error)) return 'ASN.1 truncated';
  if (/Too big integer|0xFF/.test(error)) return 'ASN.1 length';
  return 'ASN.1';
}

/** Parse one element; `ber` admits BER, `trailing` bytes after it (OpenSSL's TRUSTED CERTIFICATE). */
export function parseDer(bytes: Uint8Array, { ber = false, trailing = false } = {}): Node {
  // maxContentLength = the input: a declared length beyond it can only be truncation.
  const parsed = asn1js.fromBER(bytes, { ...BOUNDS, maxContentLength: bytes.length });
  if (parsed.offset === -1) throw corrupt(detailOf(parsed.result.error));
  if (parsed.offset !== bytes.length && !trailing) throw corrupt('data after ASN.1');
  check(parsed.result, ber);
  return parsed.result;
}

/** What asn1js accepts but we do not: lengths over 4 octets, and in DER any non-canonical length. */
function check(node: Node, ber: boolean): void {
  const { lenBlock: len, idBlock: id } = node;
  if (len.blockLength > 5) throw corrupt('ASN.1 length');
  if (!ber) {
    if (len.isIndefiniteForm) throw corrupt('ASN.1 indefinite length');
    if (len.blockLength !== (len.length < 0x80 ? 1 : 1 + Math.ceil(Math.log2(len.length + 1) / 8))) throw corrupt('ASN.1 non-minimal length');
    if (id.isConstructed && id.tagClass === 1 && id.tagNumber !== 16 && id.tagNumber !== 17) throw corrupt('ASN.1 constructed string');
  }
  for (const c of kids(node)) check(c, ber);
}

/** Children of a constructed element (none for a primitive one). */
export const kids = (node: Node | undefined): Node[] =>
  node?.idBlock.isConstructed ? ((node.valueBlock as unknown as { value?: Node[] }).value ?? []) : [];

const UNIVERSAL = { INTEGER: 2, BIT_STRING: 3, OCTET_STRING: 4, NULL: 5, OID: 6, SEQUENCE: 16, SET: 17 } as const;
type Universal = keyof typeof UNIVERSAL;

export const is = (node: Node | undefined, type: Universal): node is Node =>
  node?.idBlock.tagClass === 1 && node.idBlock.tagNumber === UNIVERSAL[type];

/** A context-specific tag [n], explicit (constructed) or implicit. */
export const isCtx = (node: Node | undefined, n: number): node is Node => node?.idBlock.tagClass === 3 && node.idBlock.tagNumber === n;

function want(node: Node | undefined, type: Universal, what: string): Node {
  if (!node) throw corrupt(`${what} missing`);
  if (!is(node, type)) throw corrupt(`${what} unexpected`);
  return node;
}

export const seq = (node: Node | undefined, what: string, type: Universal = 'SEQUENCE'): Node[] => kids(want(node, type, what));

/** The single element inside an explicit context tag such as [0]. */
export function explicit(node: Node | undefined, n: number, what: string): Node {
  const inner = isCtx(node, n) ? kids(node) : [];
  if (inner.length !== 1) throw corrupt(what);
  return inner[0]!;
}

export const oid = (node: Node | undefined, what: string): string =>
  (want(node, 'OID', what) as asn1js.ObjectIdentifier).getValue();

/** The whole element as encoded, header included. */
export const raw = (node: Node): Uint8Array<ArrayBuffer> => node.valueBeforeDecodeView as Uint8Array<ArrayBuffer>;

/** Contents of a primitive element (a BIT STRING's without its unused-bits octet); BER segments joined. */
export function content(node: Node): Uint8Array<ArrayBuffer> {
  if (!node.idBlock.isConstructed) return (node.valueBlock as unknown as { valueHexView: Uint8Array<ArrayBuffer> }).valueHexView;
  const parts = kids(node).map(content);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

export const octets = (node: Node | undefined, what: string): Uint8Array<ArrayBuffer> => content(want(node, 'OCTET_STRING', what));

/** A non-negative INTEGER small enough for a JS number (versions, iteration counts, key lengths). */
export function int(node: Node | undefined, what: string): number {
  const value = (want(node, 'INTEGER', what) as asn1js.Integer).toBigInt();
  if (value < 0n) throw corrupt(`${what} invalid`);
  if (value > 2n ** 48n) throw corrupt(`${what} too large`);
  return Number(value);
}
