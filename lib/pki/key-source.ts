// What a file the user gave as "the key" really is, judged by its ASN.1 structure rather than its PEM label
// or name (labels lie; .crt and .key get swapped, NOTES §4.4). Only the outer shape is looked at here; the
// readers check the insides strictly.
import { PkiError } from './errors';
import type { DecodedInput, PemBlock } from './pem';
import { decodeInput } from './pem';
import type { BinaryInput } from './types';
import { int, is, isCtx, kids, parseDer, type Node } from './asn1';
import { isPkiError } from './errors';
import { curveOf } from './key-material';
import type { CurveName } from './key-oids';
import { legacyKeyError } from './legacy-encryption';

export type Shape =
  | 'encrypted-pkcs8' | 'pkcs8' | 'pkcs1' | 'sec1' | 'pkcs12' | 'dsa'
  | 'certificate' | 'public-key' | 'pkcs7' | 'ec-parameters' | 'unknown';

export type KeySource =
  | { kind: 'encrypted-pkcs8' | 'pkcs8' | 'pkcs1' | 'pkcs12'; der: Uint8Array<ArrayBuffer> }
  | { kind: 'sec1'; der: Uint8Array<ArrayBuffer>; curve?: CurveName };

const KEY_SHAPES: readonly Shape[] = ['encrypted-pkcs8', 'pkcs8', 'pkcs1', 'sec1', 'pkcs12', 'dsa'];
const NOT_KEY_SHAPES: readonly Shape[] = ['certificate', 'public-key', 'pkcs7'];

function intIs(t: Node | undefined, value: number): boolean {
  try {
    return int(t, 'version') === value;
  } catch {
    return false;
  }
}

const startsWithOid = (t: Node | undefined): boolean => is(t, 'SEQUENCE') && is(kids(t)[0], 'OID');

/** PFX ::= SEQUENCE { version INTEGER, authSafe ContentInfo { OID, [0] ... }, macData SEQUENCE OPTIONAL } */
function isPfx(c: Node[]): boolean {
  const info = kids(c[1]);
  return is(c[0], 'INTEGER') && is(c[1], 'SEQUENCE') && c.length <= 3 && is(info[0], 'OID') && isCtx(info[1], 0);
}

/** Keys are strict DER; a BER PKCS#12 (NSS) is the one container we take in BER. */
function parseShape(der: Uint8Array): Node[] {
  let strictError: unknown;
  try {
    return kids(parseDer(der));
  } catch (e) {
    strictError = e;
  }
  const c = kids(parseDer(der, { ber: true }));
  if (!isPfx(c)) throw strictError;
  return c;
}

/**
 * The shape of one DER element. Throws CORRUPT_FILE when it does not parse, except that nesting too deep
 * for any key (and no BER indefinite length, which a key never has) is just not a shape we know.
 */
export function shapeOf(der: Uint8Array): Shape {
  if (der[0] === 0x06) return 'ec-parameters';
  if (der[0] !== 0x30) return 'unknown';
  let c: Node[];
  try {
    c = parseShape(der);
  } catch (e) {
    if (isPkiError(e) && e.data.detail === 'ASN.1 nested too deeply' && der[1] !== 0x80) return 'unknown';
    throw e;
  }
  const [a, b, d] = c;
  if (isPfx(c)) return 'pkcs12';
  if (c.length === 2 && startsWithOid(a) && is(b, 'OCTET_STRING')) return 'encrypted-pkcs8';
  if ((intIs(a, 0) || intIs(a, 1)) && startsWithOid(b) && is(d, 'OCTET_STRING')) return 'pkcs8';
  if (c.every((x) => is(x, 'INTEGER'))) {
    if (c.length === 6 && intIs(a, 0)) return 'dsa';
    if (c.length >= 9) return 'pkcs1';
  }
  if (intIs(a, 1) && is(b, 'OCTET_STRING')) return 'sec1';
  if (c.length === 3 && is(a, 'SEQUENCE') && startsWithOid(b) && is(d, 'BIT_STRING')) return 'certificate';
  if (c.length === 2 && startsWithOid(a) && is(b, 'BIT_STRING')) return 'public-key';
  if (is(a, 'OID') && isCtx(b, 0)) return 'pkcs7';
  return 'unknown';
}

function describeText(der: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(der.subarray(0, 64)).trimStart();
  if (head.startsWith('PuTTY-User-Key-File')) return 'PuTTY';
  if (head.startsWith('{')) return 'JSON';
  if (head.startsWith('ssh-') || head.startsWith('ecdsa-sha2-')) return 'OpenSSH public key';
  return 'unknown';
}

function fromShape(shape: Shape, der: Uint8Array<ArrayBuffer>, curve?: CurveName): KeySource {
  if (shape === 'dsa') throw new PkiError('UNSUPPORTED_ALGORITHM', { algorithm: 'DSA' });
  if (shape === 'sec1') return { kind: 'sec1', der, curve };
  return { kind: shape as Exclude<KeySource['kind'], 'sec1'>, der };
}

function fromPem(blocks: PemBlock[]): KeySource {
  let firstError: unknown;
  const shapes: Array<{ block: PemBlock; shape: Shape }> = [];
  for (const block of blocks) {
    if (/ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '')) {
      const cipher = (block.headers['DEK-Info'] ?? '').split(',')[0]!.trim() || 'unknown cipher';
      throw legacyKeyError(`${cipher} (OpenSSL PEM)`);
    }
    if (block.label === 'OPENSSH PRIVATE KEY' || block.label.startsWith('SSH2 ')) {
      throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: 'OpenSSH' });
    }
    try {
      shapes.push({ block, shape: shapeOf(block.der) });
    } catch (e) {
      firstError ??= e;
    }
  }
  // `openssl ecparam -genkey` writes EC PARAMETERS before the key; accept it on either side.
  const params = shapes.find((s) => s.shape === 'ec-parameters');
  let curve: CurveName | undefined;
  if (params) curve = curveOf(parseDer(params.block.der), 'EC parameters');
  const key = shapes.find((s) => KEY_SHAPES.includes(s.shape));
  if (key) return fromShape(key.shape, key.block.der, curve);
  if (firstError) throw firstError;
  if (shapes.some((s) => NOT_KEY_SHAPES.includes(s.shape))) throw new PkiError('NOT_A_PRIVATE_KEY');
  const labels = blocks.map((b) => b.label).join(', ');
  throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format: labels ? `PEM ${labels}` : 'PEM' });
}

/** The key inside decoded input, or the PkiError that says why there is none. */
export function findKeySource(decoded: DecodedInput): KeySource {
  if (decoded.kind === 'pem') return fromPem(decoded.blocks);
  const shape = decoded.der[0] === 0x30 ? shapeOf(decoded.der) : 'unknown';
  if (KEY_SHAPES.includes(shape)) return fromShape(shape, decoded.der);
  if (NOT_KEY_SHAPES.includes(shape)) throw new PkiError('NOT_A_PRIVATE_KEY');
  const format = decoded.der[0] === 0x30 ? 'DER' : describeText(decoded.der);
  throw new PkiError('UNSUPPORTED_KEY_FORMAT', { format });
}

/**
 * A cheap guess, never an error: does this input hold a private key, a certificate, or neither?
 * loadCredentials uses it to report swapped files before asking for a password.
 */
export function sniffInput(input: BinaryInput): 'private-key' | 'certificate' | 'other' {
  try {
    const decoded = decodeInput(input);
    const ders = decoded.kind === 'pem' ? decoded.blocks.map((b) => b.der) : [decoded.der];
    const shapes = ders.map((d) => {
      try {
        return shapeOf(d);
      } catch {
        return 'unknown';
      }
    });
    const encryptedLegacy = decoded.kind === 'pem' && decoded.blocks.some((b) => /ENCRYPTED/i.test(b.headers['Proc-Type'] ?? ''));
    if (encryptedLegacy || shapes.some((s) => KEY_SHAPES.includes(s) && s !== 'pkcs12')) return 'private-key';
    if (shapes.some((s) => s === 'certificate')) return 'certificate';
    return 'other';
  } catch {
    return 'other';
  }
}
