// The PKCS#12 integrity check (RFC 7292 §5.1, appendix B): an HMAC over the AuthenticatedSafe, keyed by
// the PKCS#12 key derivation of the BMPString password. It is the only place a wrong password is
// recognised for sure before any decryption, so it runs first.
import { PkiError } from './errors';
import { corrupt, int, octets, oid, seq, type Node } from './asn1';
import { DIGESTS, OID, algorithmName } from './key-oids';
import { hmac } from '@noble/hashes/hmac.js';
import { SYNC_HASHES, type SyncHash } from './hashes';
import { MAX_JS_ITERATIONS } from './pbes2';

export interface MacData {
  hash: SyncHash;
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

/** MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 } */
export function readMacData(t: Node): MacData {
  const m = seq(t, 'PKCS#12 MAC');
  const info = seq(m[0], 'PKCS#12 MAC digest');
  const alg = seq(info[0], 'PKCS#12 MAC algorithm');
  const id = oid(alg[0], 'PKCS#12 MAC algorithm');
  if (id === OID.pbmac1) throw new PkiError('UNSUPPORTED_ALGORITHM', { algorithm: 'PKCS#12 PBMAC1' });
  const name = DIGESTS[id];
  if (!name) throw new PkiError('UNSUPPORTED_ALGORITHM', { algorithm: `PKCS#12 MAC ${algorithmName(id)}` });
  const hash = SYNC_HASHES[name];
  const digest = octets(info[1], 'PKCS#12 MAC value');
  if (digest.length !== hash.outputLen) throw corrupt('PKCS#12 MAC length');
  const salt = octets(m[1], 'PKCS#12 MAC salt');
  const iterations = m[2] ? int(m[2], 'PKCS#12 MAC iterations') : 1;
  if (m.length > 3 || salt.length > 1024) throw corrupt('PKCS#12 MAC');
  if (iterations < 1 || iterations > MAX_JS_ITERATIONS) throw corrupt(`PKCS#12 MAC iteration count ${iterations}`);
  return { hash, digest, salt, iterations };
}

/** RFC 7292 B.2: `id` 1 = cipher key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(hash: SyncHash, id: number, password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Uint8Array {
  const v = hash.blockLen, u = hash.outputLen;
  const fill = (src: Uint8Array): Uint8Array => {
    const out = new Uint8Array(src.length === 0 ? 0 : v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const s = fill(salt), p = fill(password);
  const I = new Uint8Array(s.length + p.length);
  I.set(s);
  I.set(p, s.length);
  const out = new Uint8Array(length);
  const D = new Uint8Array(v).fill(id);
  for (let block = 0; block * u < length; block++) {
    const first = new Uint8Array(v + I.length);
    first.set(D);
    first.set(I, v);
    let A = hash(first);
    first.fill(0);
    for (let j = 1; j < iterations; j++) {
      const next = hash(A);
      A.fill(0);
      A = next;
    }
    out.set(A.subarray(0, Math.min(u, length - block * u)), block * u);
    // I_j = (I_j + B + 1) mod 2^(8v), with B = A repeated to v bytes.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + A[k % u]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >>> 8;
      }
    }
    A.fill(0);
  }
  for (const a of [s, p, I]) a.fill(0);
  return out;
}

/** Whether `password` (a BMPString) reproduces the file's MAC over `content`. */
export function macMatches(mac: MacData, password: Uint8Array, content: Uint8Array): boolean {
  const key = pkcs12Kdf(mac.hash, 3, password, mac.salt, mac.iterations, mac.hash.outputLen);
  const value = hmac(mac.hash, key, content);
  key.fill(0);
  let diff = 0;
  for (let i = 0; i < value.length; i++) diff |= value[i]! ^ mac.digest[i]!;
  return diff === 0;
}
