// Decrypting an EncryptedPrivateKeyInfo into key material, for .key files and PKCS#12 shrouded key bags.
// AES-CBC is unauthenticated: about 1 wrong password in 256 leaves valid-looking padding
// (RELIABILITY §4.2), so the plaintext must also parse strictly as a PrivateKeyInfo; any structural
// failure after decryption means "wrong password", never "corrupt file".
import { isPkiError } from './errors';
import { parseDer } from './asn1';
import { fromPkcs8, type KeyMaterial } from './key-material';
import { pbes2Decrypt, type EncryptedKeyInfo } from './pbes2';
import { utf8Bytes } from './password';

function wipe(plain: Uint8Array): void {
  new Uint8Array(plain.buffer, 0, plain.buffer.byteLength).fill(0);
}

/**
 * Try each password form in turn; null when none decrypts to a well-formed key (the caller says
 * WRONG_PASSWORD). A well-formed key of a kind we cannot use still throws (e.g. UNSUPPORTED_ALGORITHM).
 */
export async function decryptKeyInfo(
  info: EncryptedKeyInfo,
  passwords: readonly string[],
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<KeyMaterial | null> {
  for (const password of passwords) {
    const bytes = utf8Bytes(password);
    let plain: Uint8Array<ArrayBuffer> | null;
    try {
      plain = await pbes2Decrypt(info, bytes, subtle);
    } finally {
      bytes.fill(0);
    }
    if (!plain) continue;
    try {
      return fromPkcs8(parseDer(plain));
    } catch (e) {
      if (isPkiError(e) && e.code === 'CORRUPT_FILE') continue;
      throw e;
    } finally {
      wipe(plain);
    }
  }
  return null;
}
