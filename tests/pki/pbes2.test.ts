// The JS building blocks under readPrivateKey, each checked against node:crypto (an independent
// implementation): SHA-1/2, HMAC and PBKDF2 (hmacWithSHA224 has no WebCrypto path), AES-CBC (Chromium
// refuses AES-192), and the EC public point for keys stored without one.
import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesCbcDecrypt, aesCbcDecryptJs } from '../../lib/pki/aes-cbc';
import { DerReader } from '../../lib/pki/der-reader';
import { isValidScalar, publicPointFor } from '../../lib/pki/ec-public';
import type { CurveName, HashName } from '../../lib/pki/key-oids';
import { pbes2Decrypt, readEncryptedPrivateKeyInfo, type EncryptedKeyInfo } from '../../lib/pki/pbes2';
import { legacyKeyError } from '../../lib/pki/legacy-encryption';
import { SYNC_HASHES, hmac, pbkdf2 } from '../../lib/pki/sync-hash';
import { PASSWORD, fixture, flatTlvs, pemDer } from './key-fixtures';

const NODE_NAMES: Record<HashName, string> = {
  'SHA-1': 'sha1', 'SHA-224': 'sha224', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512',
};
const HASHES = Object.keys(NODE_NAMES) as HashName[];
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('synchronous hashes', () => {
  // Lengths around the padding boundaries of 64- and 128-byte blocks.
  const lengths = [0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 127, 128, 129, 1000];
  it.each(HASHES)('%s matches node:crypto at every padding boundary', (name) => {
    for (const n of lengths) {
      const data = randomBytes(n);
      expect(hex(SYNC_HASHES[name].digest(data)), `length ${n}`).toBe(createHash(NODE_NAMES[name]).update(data).digest('hex'));
    }
  });

  it.each(HASHES)('HMAC-%s matches node:crypto, with short and long keys', (name) => {
    for (const keyLength of [0, 20, 64, 200]) {
      const key = randomBytes(keyLength), data = randomBytes(77);
      expect(hex(hmac(SYNC_HASHES[name], key, data))).toBe(createHmac(NODE_NAMES[name], key).update(data).digest('hex'));
    }
  });

  it.each([
    [1, 16], [2, 28], [1000, 32], [3, 60],
  ])('PBKDF2-HMAC-SHA224 with %i rounds and %i bytes matches node:crypto', (iterations, length) => {
    const password = Buffer.from(PASSWORD), salt = randomBytes(8);
    expect(hex(pbkdf2(SYNC_HASHES['SHA-224'], password, salt, iterations, length))).toBe(
      pbkdf2Sync(password, salt, iterations, length, 'sha224').toString('hex'),
    );
  });
});

describe('AES-CBC', () => {
  it.each([16, 24, 32])('the JS fallback decrypts what node:crypto encrypts (%i-byte key)', (keyBytes) => {
    for (const n of [0, 1, 15, 16, 17, 100]) {
      const key = randomBytes(keyBytes), iv = randomBytes(16), plain = randomBytes(n);
      const c = createCipheriv(`aes-${keyBytes * 8}-cbc`, key, iv);
      const out = aesCbcDecryptJs(key, iv, Buffer.concat([c.update(plain), c.final()]));
      expect(out && hex(out)).toBe(hex(plain));
    }
  });

  it('the JS fallback returns null on bad padding or bad sizes', () => {
    const key = randomBytes(32), iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', key, iv);
    c.setAutoPadding(false);
    const bad = Buffer.concat([c.update(Buffer.alloc(16, 0x11)), c.final()]); // last byte 0x11 > 16
    expect(aesCbcDecryptJs(key, iv, bad)).toBeNull();
    expect(aesCbcDecryptJs(key, iv, new Uint8Array(15))).toBeNull();
    expect(aesCbcDecryptJs(randomBytes(20), iv, new Uint8Array(16))).toBeNull();
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
  const r = new DerReader(pemDer(file));
  return readEncryptedPrivateKeyInfo(r, r.root(), legacyKeyError);
}

const utf8 = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;

describe('EC public point', () => {
  it.each([
    ['ec-pkcs8-plain.pem', 'P-256'],
    ['p384-pkcs8-plain.pem', 'P-384'],
    ['p521-pkcs8-plain.pem', 'P-521'],
  ] as const)('d·G for %s equals the public key OpenSSL stored (%s)', (file, curve: CurveName) => {
    // Inside the PKCS#8: the ECPrivateKey's OCTET STRING is the scalar, its BIT STRING the public point.
    const outer = flatTlvs(pemDer(file));
    const inner = flatTlvs(outer.filter((f) => f.tag === 0x04)[0]!.content);
    const d = inner.find((f) => f.tag === 0x04)!.content;
    const point = inner.find((f) => f.tag === 0x03)!.content.subarray(1);
    expect(isValidScalar(curve, d)).toBe(true);
    expect(hex(publicPointFor(curve, d))).toBe(hex(point));
  });

  it('rejects scalars outside [1, n-1]', () => {
    expect(isValidScalar('P-256', new Uint8Array(32))).toBe(false);
    expect(isValidScalar('P-256', new Uint8Array(32).fill(0xff))).toBe(false);
    expect(isValidScalar('P-256', new Uint8Array(32).fill(0x01))).toBe(true);
  });
});
