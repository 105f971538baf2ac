// AES-CBC decryption with PKCS#7 padding removal. WebCrypto first; @noble/ciphers (audited; STYLE 25) for
// what a browser's WebCrypto refuses: Chromium rejects 192-bit AES keys ("192-bit AES keys are not
// supported"), yet OpenSSL writes PBES2 keys with `-v2 aes-192-cbc`. Feature-detected per call, not by
// browser sniffing. Cost: @noble/ciphers' aes.js, 6 kB minified (2.6 kB gzip), in the bundles that read keys.
import { cbc } from '@noble/ciphers/aes.js';

/** Decrypt; null on a padding failure (what a wrong password usually gives). The caller wipes the result. */
export async function aesCbcDecrypt(
  key: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array<ArrayBuffer> | null> {
  let cryptoKey: CryptoKey | null = null;
  try {
    cryptoKey = await subtle.importKey('raw', key, { name: 'AES-CBC' }, false, ['decrypt']);
  } catch {
    // Not in this WebCrypto: decrypt with @noble/ciphers below.
  }
  try {
    if (cryptoKey) return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, cryptoKey, data));
    return cbc(key, iv).decrypt(data) as Uint8Array<ArrayBuffer>;
  } catch {
    return null;
  }
}
