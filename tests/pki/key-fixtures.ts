// Shared by the key-side tests: fixture access, an independent key/certificate proof (node:crypto reads
// the certificate, not our code), a tiny DER writer for hand-made hostile inputs, and error assertions.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { isPkiError, pkiErrorMessage, type PkiError, type PkiErrorCode } from '../../lib/pki/errors';

export const FIX = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pki');
export const PASSWORD: string = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')).password;

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, name)));
export const fixtureText = (name: string): string => readFileSync(join(FIX, name), 'utf8');

/** The DER inside a one-block PEM fixture, decoded here without our PEM code. */
export function pemDer(name: string): Uint8Array {
  const body = fixtureText(name).replace(/-----[^-]+-----/g, '').replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').trim();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Sign with `key` and verify with the public key node:crypto reads from the certificate fixture. */
export async function provesCertificate(key: CryptoKey, certName: string): Promise<boolean> {
  const cert = new X509Certificate(readFileSync(join(FIX, certName)));
  const spki = new Uint8Array(cert.publicKey.export({ type: 'spki', format: 'der' }));
  const alg = key.algorithm as EcKeyAlgorithm;
  const ec = alg.name === 'ECDSA';
  const hash = !ec ? 'SHA-256' : alg.namedCurve === 'P-384' ? 'SHA-384' : alg.namedCurve === 'P-521' ? 'SHA-512' : 'SHA-256';
  const importParams = ec ? { name: 'ECDSA', namedCurve: alg.namedCurve } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const signParams = ec ? { name: 'ECDSA', hash } : { name: 'RSASSA-PKCS1-v1_5' };
  const data = crypto.getRandomValues(new Uint8Array(48));
  let verifier: CryptoKey;
  try {
    verifier = await crypto.subtle.importKey('spki', spki, importParams, false, ['verify']);
  } catch {
    return false; // e.g. an EC key against an RSA certificate
  }
  const sig = await crypto.subtle.sign(signParams, key, data);
  return crypto.subtle.verify(signParams, verifier, sig, data);
}

/** Expect a PkiError with `code`, its Polish and English messages built from its data, and `data` ⊇ given. */
export async function expectPkiError(
  work: Promise<unknown> | (() => Promise<unknown>),
  code: PkiErrorCode,
  data: Record<string, string | number | RegExp> = {},
): Promise<PkiError> {
  let error: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (e) {
    error = e;
  }
  expect(error, `expected PkiError ${code}`).toBeDefined();
  if (!isPkiError(error)) throw new Error(`expected PkiError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  expect(error.message).toBe(pkiErrorMessage('pl', code, error.data));
  expect(error.messageEn).toBe(pkiErrorMessage('en', code, error.data));
  expect(error.message).not.toMatch(/\{\w+\}/); // every placeholder filled
  for (const [k, v] of Object.entries(data)) {
    if (v instanceof RegExp) expect(String(error.data[k])).toMatch(v);
    else expect(error.data[k]).toBe(v);
  }
  expect(error.message).not.toContain(PASSWORD);
  return error;
}

// --- a minimal DER writer for hand-built inputs (independent of lib/pki/asn1.ts) ---------------
function len(n: number): number[] {
  if (n < 0x80) return [n];
  const b: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff);
  return [0x80 | b.length, ...b];
}
export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  return new Uint8Array(Buffer.concat([Buffer.from([tag, ...len(body.length)]), body]));
}
export const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, ...parts);
export const oct = (bytes: Uint8Array | number[]): Uint8Array => tlv(0x04, new Uint8Array(bytes));
export const nul = (): Uint8Array => new Uint8Array([0x05, 0x00]);
export function int(n: number | bigint): Uint8Array {
  let hex = BigInt(n).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const bytes = Buffer.from(hex, 'hex');
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  for (const v of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const chunk = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128)) chunk.unshift(0x80 | (x & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, new Uint8Array(out));
}

export const OIDS = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacSha256: '1.2.840.113549.2.9',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
};

export interface EpkiParts {
  salt?: Uint8Array;
  iterations?: Uint8Array;
  keyLength?: Uint8Array;
  prf?: Uint8Array | null;
  cipher?: Uint8Array;
  ciphertext?: Uint8Array;
}

/** An EncryptedPrivateKeyInfo (PBES2/PBKDF2/AES-256-CBC by default) with any part replaced. */
export function epki(p: EpkiParts = {}): Uint8Array {
  const kdfParams = [oct(p.salt ?? new Uint8Array(8).fill(7)), p.iterations ?? int(2048)];
  if (p.keyLength) kdfParams.push(p.keyLength);
  if (p.prf !== null) kdfParams.push(p.prf ?? seq(oid(OIDS.hmacSha256), nul()));
  const alg = seq(
    oid(OIDS.pbes2),
    seq(seq(oid(OIDS.pbkdf2), seq(...kdfParams)), p.cipher ?? seq(oid(OIDS.aes256cbc), oct(new Uint8Array(16).fill(9)))),
  );
  return seq(alg, oct(p.ciphertext ?? new Uint8Array(144).fill(0x5a)));
}

/** Run an OpenSSL command line given as one string (our LEGACY_ENCRYPTION advice), in `cwd`. */
export function runShell(command: string, cwd: string, env: Record<string, string>): void {
  execFileSync('bash', ['-o', 'pipefail', '-c', command], { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
}

/** Every element of a DER blob, depth-first, with its depth (a test-side reader, for picking fields). */
export function flatTlvs(der: Uint8Array): Array<{ tag: number; depth: number; content: Uint8Array; offset: number }> {
  const out: Array<{ tag: number; depth: number; content: Uint8Array; offset: number }> = [];
  const walk = (start: number, end: number, depth: number): void => {
    for (let p = start; p < end; ) {
      const tag = der[p]!;
      let length = der[p + 1]!;
      let q = p + 2;
      if (length & 0x80) {
        const n = length & 0x7f;
        length = 0;
        for (let i = 0; i < n; i++) length = length * 256 + der[q++]!;
      }
      out.push({ tag, depth, content: der.subarray(q, q + length), offset: p });
      if (tag & 0x20) walk(q, q + length, depth + 1);
      p = q + length;
    }
  };
  walk(0, der.length, 0);
  return out;
}
