// PKCS#8 EncryptedPrivateKeyInfo with PBES2 = PBKDF2 + AES-CBC (RFC 8018 §6.2, appendix A.4/B.2), the
// format of Aplikacja Podatnika's .key files (NOTES §4.4). The parameters are checked before any work so
// a hostile file cannot make the worker derive for minutes (RELIABILITY §4.2: attacker-chosen iterations).
import { PkiError } from './errors';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { corrupt, int, is, octets, oid, parseDer, seq, type Node } from './asn1';
import {
  AES_CBC, LEGACY_PBES2_CIPHERS, LEGACY_SCHEMES, OID, PRFS, algorithmName, type HashName,
} from './key-oids';
import { SYNC_HASHES } from './hashes';
import { aesCbcDecrypt } from './aes-cbc';

/** WebCrypto's PBKDF2 runs natively; 10 million rounds take a few seconds, real files use 2048–600 000. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** hmacWithSHA224 has no WebCrypto path and runs in JS on the calling thread, so it gets a lower bound. */
export const MAX_JS_ITERATIONS = 1_000_000;

const MAX_SALT_BYTES = 1024;

export interface Pbes2Scheme {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  prf: HashName;
  /** For messages and tests, e.g. 'AES-256-CBC'. */
  cipher: string;
  keyBytes: number;
  iv: Uint8Array<ArrayBuffer>;
}

export interface EncryptedKeyInfo {
  scheme: Pbes2Scheme;
  ciphertext: Uint8Array<ArrayBuffer>;
}

export type LegacyErrorFactory = (algorithm: string) => PkiError;

const unsupported = (algorithm: string): PkiError => new PkiError('UNSUPPORTED_ALGORITHM', { algorithm });

function readPbkdf2(params: Node | undefined): Omit<Pbes2Scheme, 'cipher' | 'keyBytes' | 'iv'> & { keyLength?: number } {
  const p = seq(params, 'PBKDF2 parameters');
  if (is(p[0], 'SEQUENCE')) throw unsupported('PBKDF2 salt source');
  const salt = octets(p[0], 'PBKDF2 salt');
  if (salt.length === 0 || salt.length > MAX_SALT_BYTES) throw corrupt(`PBKDF2 salt of ${salt.length} bytes`);
  const iterations = int(p[1], 'PBKDF2 iteration count');
  if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) throw corrupt(`PBKDF2 iteration count ${iterations}`);
  let i = 2;
  let keyLength: number | undefined;
  if (is(p[i], 'INTEGER')) keyLength = int(p[i++], 'PBKDF2 key length');
  let prf: HashName = 'SHA-1'; // RFC 8018 A.2: DEFAULT algid-hmacWithSHA1
  if (p[i]) {
    const prfAlg = seq(p[i++], 'PBKDF2 PRF');
    const prfOid = oid(prfAlg[0], 'PBKDF2 PRF');
    if (prfAlg.length > 2 || (prfAlg[1] && !is(prfAlg[1], 'NULL'))) throw corrupt('PBKDF2 PRF parameters');
    const known = PRFS[prfOid];
    if (!known) throw unsupported(`PBKDF2 PRF ${algorithmName(prfOid)}`);
    prf = known;
  }
  if (p.length !== i) throw corrupt('PBKDF2 parameters');
  if (prf === 'SHA-224' && iterations > MAX_JS_ITERATIONS) throw corrupt(`PBKDF2 iteration count ${iterations}`);
  return { salt, iterations, prf, keyLength };
}

/** The PBES2 scheme of an AlgorithmIdentifier; PBES1 and non-AES ciphers raise `legacy`. */
export function readPbes2Algorithm(alg: Node | undefined, legacy: LegacyErrorFactory): Pbes2Scheme {
  const a = seq(alg, 'encryption algorithm');
  const scheme = oid(a[0], 'encryption algorithm');
  const legacyName = LEGACY_SCHEMES[scheme];
  if (legacyName) throw legacy(legacyName);
  if (scheme !== OID.pbes2) throw unsupported(algorithmName(scheme));
  if (a.length !== 2) throw corrupt('PBES2 parameters');
  const params = seq(a[1], 'PBES2 parameters');
  if (params.length !== 2) throw corrupt('PBES2 parameters');
  const kdf = seq(params[0], 'PBES2 key derivation');
  const kdfOid = oid(kdf[0], 'PBES2 key derivation');
  if (kdfOid !== OID.pbkdf2) throw unsupported(algorithmName(kdfOid));
  if (kdf.length !== 2) throw corrupt('PBKDF2 parameters');
  const derivation = readPbkdf2(kdf[1]);
  const enc = seq(params[1], 'PBES2 cipher');
  const encOid = oid(enc[0], 'PBES2 cipher');
  const legacyCipher = LEGACY_PBES2_CIPHERS[encOid];
  if (legacyCipher) throw legacy(legacyCipher);
  const aes = AES_CBC[encOid];
  if (!aes) throw unsupported(algorithmName(encOid));
  if (enc.length !== 2) throw corrupt('AES-CBC parameters');
  const iv = octets(enc[1], 'AES-CBC IV');
  if (iv.length !== 16) throw corrupt(`AES-CBC IV of ${iv.length} bytes`);
  if (derivation.keyLength !== undefined && derivation.keyLength !== aes.keyBytes) throw corrupt('PBKDF2 key length');
  const { keyLength: _ignored, ...rest } = derivation;
  return { ...rest, cipher: aes.name, keyBytes: aes.keyBytes, iv };
}

/** Ciphertext checks that need no password: AES-CBC output is a non-empty multiple of 16 bytes. */
export function checkCiphertext(ciphertext: Uint8Array): void {
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw corrupt(`ciphertext of ${ciphertext.length} bytes`);
  }
}

/** EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm, encryptedData OCTET STRING } (RFC 5958 §3). */
export function readEncryptedPrivateKeyInfo(t: Node | Uint8Array, legacy: LegacyErrorFactory): EncryptedKeyInfo {
  const parts = seq(t instanceof Uint8Array ? parseDer(t) : t, 'EncryptedPrivateKeyInfo');
  if (parts.length !== 2) throw corrupt('EncryptedPrivateKeyInfo');
  const scheme = readPbes2Algorithm(parts[0], legacy);
  const ciphertext = octets(parts[1], 'encrypted key');
  checkCiphertext(ciphertext);
  return { scheme, ciphertext };
}

/**
 * PBKDF2 natively where WebCrypto can (every PRF but SHA-224); with @noble/hashes otherwise, and also when a
 * WebCrypto refuses the input (an empty password, which a .p12 exported without one has), within the JS bound.
 */
async function deriveKey(scheme: Pbes2Scheme, password: Uint8Array<ArrayBuffer>, subtle: SubtleCrypto): Promise<Uint8Array<ArrayBuffer>> {
  if (scheme.prf !== 'SHA-224') {
    try {
      const base = await subtle.importKey('raw', password, { name: 'PBKDF2' }, false, ['deriveBits']);
      const bits = await subtle.deriveBits(
        { name: 'PBKDF2', hash: scheme.prf, salt: scheme.salt, iterations: scheme.iterations },
        base,
        scheme.keyBytes * 8,
      );
      return new Uint8Array(bits);
    } catch {
      if (scheme.iterations > MAX_JS_ITERATIONS) throw unsupported(`PBKDF2 ${scheme.prf}`);
    }
  }
  return pbkdf2(SYNC_HASHES[scheme.prf], password, scheme.salt, { c: scheme.iterations, dkLen: scheme.keyBytes }) as Uint8Array<ArrayBuffer>;
}

/**
 * Decrypt with one candidate password (already encoded). Null when the padding is wrong, which is what a
 * wrong password usually gives; the caller must still parse the result strictly (about 1 in 256 wrong
 * passwords leave valid-looking padding). The derived key is wiped; the caller wipes the plaintext.
 */
export async function pbes2Decrypt(
  info: EncryptedKeyInfo,
  password: Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await deriveKey(info.scheme, password, subtle);
  try {
    return await aesCbcDecrypt(key, info.scheme.iv, info.ciphertext, subtle);
  } finally {
    key.fill(0);
  }
}
