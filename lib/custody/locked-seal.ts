// Locked mode ("Pytaj o hasło", issue 14 point 3): what is kept at rest is the user's own key file (.key or .p12,
// as chosen) sealed with AES-256-GCM under a key derived from the password with PBKDF2-SHA256 at 600 000
// iterations, WebCrypto only. Why seal the file rather than keep the user's encrypted PKCS#8 as it is:
//  - a known floor: the .key's own PBE parameters are undocumented (NOTES §4.4) and may be weak, and a .p12 or an
//    unencrypted key has none we chose; 600 000 is OWASP's PBKDF2-SHA256 figure and MetaMask's (RELIABILITY §1.1);
//  - an authenticated cipher: a wrong password fails the GCM tag for certain, where AES-CBC leaves valid-looking
//    padding for about 1 wrong password in 256 (RELIABILITY §4.2), so the count of wrong tries is exact;
//  - one path for every key file: after unsealing, lib/pki reads the file exactly as at set-up (no second reader).
// The cost: an unlock runs two derivations (ours, then the file's own). The password is the one that opens the
// file; an unencrypted key file is sealed under the password the user types when locking.
import type { SealedKey } from '../store';

export const SEAL_SCHEME = 'pbkdf2-sha256/aes-256-gcm' as const;
export const SEAL_ITERATIONS = 600_000;
const SALT_BYTES = 16;
/** 96-bit nonce, the size AES-GCM is specified for (NIST SP 800-38D §5.2.1.1); a fresh random one per seal. */
const IV_BYTES = 12;

function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  // NFC: the same password typed on another keyboard or system must give the same bytes.
  return new TextEncoder().encode(password.normalize('NFC'));
}

/**
 * The certificate's fingerprint is the GCM additional data: a sealed key copied into another profile's record
 * does not open there, even with the right password.
 */
function additionalData(fingerprintSha256: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`ksef-pilot:${SEAL_SCHEME}:${fingerprintSha256}`);
}

async function deriveSealingKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number, subtle: SubtleCrypto): Promise<CryptoKey> {
  const bytes = passwordBytes(password);
  try {
    const base = await subtle.importKey('raw', bytes, 'PBKDF2', false, ['deriveKey']);
    return await subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } finally {
    bytes.fill(0);
  }
}

/** Seals the key file's bytes under `password` (not empty). The caller wipes `keyFile`. */
export async function sealKeyFile(
  keyFile: Uint8Array,
  password: string,
  fingerprintSha256: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<SealedKey> {
  if (!(keyFile instanceof Uint8Array) || keyFile.length === 0) throw new TypeError('"keyFile" must be non-empty bytes');
  if (typeof password !== 'string' || password === '') throw new TypeError('"password" must be a non-empty string');
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveSealingKey(password, salt, SEAL_ITERATIONS, subtle);
  const sealed = new Uint8Array(
    await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(fingerprintSha256) }, key, new Uint8Array(keyFile)),
  );
  return { scheme: SEAL_SCHEME, iterations: SEAL_ITERATIONS, salt, iv, sealed };
}

/**
 * The key file's bytes, or null when the password is wrong (the GCM tag does not verify). The caller reads the
 * key from them with lib/pki and wipes them.
 */
export async function unsealKeyFile(
  sealedKey: SealedKey,
  password: string,
  fingerprintSha256: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (sealedKey?.scheme !== SEAL_SCHEME) throw new TypeError('"sealedKey" must be a SealedKey');
  if (typeof password !== 'string' || password === '') return null;
  const key = await deriveSealingKey(password, sealedKey.salt, sealedKey.iterations, subtle);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: sealedKey.iv, additionalData: additionalData(fingerprintSha256) },
      key,
      sealedKey.sealed,
    );
    return new Uint8Array(plain);
  } catch (error) {
    // OperationError is WebCrypto's answer to a tag that does not verify: a wrong password (or another profile's seal).
    if ((error as Error)?.name === 'OperationError') return null;
    throw error;
  }
}
