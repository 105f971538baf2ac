// Synchronous hashes, HMAC (RFC 2104) and PBKDF2 (RFC 8018 §5.2) for the two places WebCrypto cannot
// serve: PBKDF2 with hmacWithSHA224, and the PKCS#12 MAC (RFC 7292 B.2), whose key derivation is an
// iterated hash. Everything else goes through crypto.subtle.
import type { HashName } from './key-oids';
import { sha1 } from './sha1';
import { sha224, sha256 } from './sha256';
import { sha384, sha512 } from './sha512';

export interface SyncHash {
  digest: (data: Uint8Array) => Uint8Array;
  /** Output length u and input block length v in bytes (RFC 7292 B.2 names). */
  outputBytes: number;
  blockBytes: number;
}

export const SYNC_HASHES: Record<HashName, SyncHash> = {
  'SHA-1': { digest: sha1, outputBytes: 20, blockBytes: 64 },
  'SHA-224': { digest: sha224, outputBytes: 28, blockBytes: 64 },
  'SHA-256': { digest: sha256, outputBytes: 32, blockBytes: 64 },
  'SHA-384': { digest: sha384, outputBytes: 48, blockBytes: 128 },
  'SHA-512': { digest: sha512, outputBytes: 64, blockBytes: 128 },
};

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** HMAC over a synchronous hash. The padded key copies are wiped before returning. */
export function hmac(hash: SyncHash, key: Uint8Array, data: Uint8Array): Uint8Array {
  const k = new Uint8Array(hash.blockBytes);
  k.set(key.length > hash.blockBytes ? hash.digest(key) : key);
  const ipad = k.map((b) => b ^ 0x36);
  const opad = k.map((b) => b ^ 0x5c);
  const innerInput = concat(ipad, data);
  const inner = hash.digest(innerInput);
  const outerInput = concat(opad, inner);
  const out = hash.digest(outerInput);
  for (const a of [k, ipad, opad, innerInput, inner, outerInput]) a.fill(0);
  return out;
}

/** PBKDF2 with HMAC over `hash`; the caller bounds `iterations` (it runs on the calling thread). */
export function pbkdf2(hash: SyncHash, password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  const blocks = Math.ceil(length / hash.outputBytes);
  for (let i = 1; i <= blocks; i++) {
    const counter = new Uint8Array([i >>> 24, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff]);
    const saltBlock = concat(salt, counter);
    let u = hmac(hash, password, saltBlock);
    const t = u.slice();
    for (let j = 1; j < iterations; j++) {
      const next = hmac(hash, password, u);
      u.fill(0);
      u = next;
      for (let x = 0; x < t.length; x++) t[x] = t[x]! ^ u[x]!;
    }
    out.set(t.subarray(0, Math.min(hash.outputBytes, length - (i - 1) * hash.outputBytes)), (i - 1) * hash.outputBytes);
    u.fill(0);
    t.fill(0);
  }
  return out;
}
