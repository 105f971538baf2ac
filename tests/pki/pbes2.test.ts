// The fallbacks under readPrivateKey, each checked against node:crypto (an independent implementation):
// AES-CBC through @noble/ciphers when WebCrypto refuses the key (Chromium refuses AES-192), and PBKDF2
// through @noble/hashes when WebCrypto refuses the derivation.
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesCbcDecrypt } from '../../lib/pki/aes-cbc';
import { pbes2Decrypt, readEncryptedPrivateKeyInfo, type EncryptedKeyInfo } from '../../lib/pki/pbes2';
import { legacyKeyError } from '../../lib/pki/legacy-encryption';
import { PASSWORD, fixture, pemDer } from './key-fixtures';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
/** A WebCrypto without AES-CBC, so aesCbcDecrypt takes its @noble/ciphers path. */
const noAes = () => refusing((alg) => alg.name === 'AES-CBC').subtle;

describe('AES-CBC', () => {
  it.each([16, 24, 32])('the JS fallback decrypts what node:crypto encrypts (%i-byte key)', async (keyBytes) => {
    for (const n of [0, 1, 15, 16, 17, 100]) {
      const key = randomBytes(keyBytes), iv = randomBytes(16), plain = randomBytes(n);
      const c = createCipheriv(`aes-${keyBytes * 8}-cbc`, key, iv);
      const out = await aesCbcDecrypt(key, iv, Buffer.concat([c.update(plain), c.final()]), noAes());
      expect(out && hex(out)).toBe(hex(plain));
    }
  });

  it('the JS fallback returns null on bad padding or bad sizes', async () => {
    const key = randomBytes(32), iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', key, iv);
    c.setAutoPadding(false);
    const bad = Buffer.concat([c.update(Buffer.alloc(16, 0x11)), c.final()]); // last byte 0x11 > 16
    expect(await aesCbcDecrypt(key, iv, bad, noAes())).toBeNull();
    expect(await aesCbcDecrypt(key, iv, new Uint8Array(15), noAes())).toBeNull();
    expect(await aesCbcDecrypt(randomBytes(20), iv, new Uint8Array(16), noAes())).toBeNull();
  });

  it('falls back to JS when WebCrypto refuses 192-bit keys, as Chromium does', async () => {
    const { subtle, refused } = refusing((alg, data) => alg.name === 'AES-CBC' && data.byteLength === 24);
    const info = encryptedInfo('ec-pbes2-hmacWithSHA256-aes-192-cbc.key');
    expect(info.scheme).toMatchObject({ cipher: 'AES-192-CBC', keyBytes: 24, prf: 'SHA-256', iterations: 1000 });
    const plain = await pbes2Decrypt(info, utf8(PASSWORD), subtle);
    expect(refused()).toBe(1);
    expect(plain && hex(plain)).toBe(hex(fixture('ec-pkcs8-plain.der')));
    // And the WebCrypto path gives the same bytes.
    const viaWebCrypto = await pbes2Decrypt(info, utf8(PASSWORD));
    expect(viaWebCrypto && hex(viaWebCrypto)).toBe(hex(fixture('ec-pkcs8-plain.der')));
    expect(await aesCbcDecrypt(new Uint8Array(32), new Uint8Array(16), new Uint8Array(16))).toBeNull();
  });
});

describe('PBKDF2 fallback', () => {
  it.each(['hmacWithSHA1', 'hmacWithSHA256', 'hmacWithSHA512'])('derives in JS when WebCrypto refuses PBKDF2 (%s)', async (prf) => {
    const { subtle, refused } = refusing((alg) => alg.name === 'PBKDF2');
    const plain = await pbes2Decrypt(encryptedInfo(`ec-pbes2-${prf}-aes-256-cbc.key`), utf8(PASSWORD), subtle);
    expect(refused()).toBe(1);
    expect(plain && hex(plain)).toBe(hex(fixture('ec-pkcs8-plain.der')));
  });
});

/** WebCrypto that refuses some imports, the way one browser or another does. */
function refusing(refuse: (alg: Algorithm, data: Uint8Array) => boolean): { subtle: SubtleCrypto; refused: () => number } {
  const real = crypto.subtle;
  let count = 0;
  const subtle = new Proxy(real, {
    get(target, prop) {
      if (prop === 'importKey') {
        return (format: KeyFormat, data: Uint8Array, alg: AlgorithmIdentifier, ...rest: unknown[]) => {
          const algorithm = typeof alg === 'string' ? { name: alg } : alg;
          if (refuse(algorithm, data)) {
            count++;
            return Promise.reject(new DOMException('not supported here', 'NotSupportedError'));
          }
          return (target.importKey as (...a: unknown[]) => Promise<CryptoKey>)(format, data, alg, ...rest);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { subtle, refused: () => count };
}

function encryptedInfo(file: string): EncryptedKeyInfo {
  return readEncryptedPrivateKeyInfo(pemDer(file), legacyKeyError);
}

const utf8 = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
