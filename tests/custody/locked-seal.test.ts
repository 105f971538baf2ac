// Locked mode's seal (lib/custody/locked-seal.ts): the user's key file under PBKDF2-SHA256 (600 000 iterations)
// and AES-256-GCM, WebCrypto only; a wrong password or another certificate's seal opens nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEAL_ITERATIONS, sealKeyFile, unsealKeyFile } from '../../lib/custody/locked-seal';
import { pkiExpected } from '../ksef-sim/kit';

const keyFile = new Uint8Array(readFileSync(new URL('../fixtures/pki/person-tinpl-ec.key', import.meta.url)));
const FINGERPRINT = '7b2717b585fdfcfbf575bbf7ed15ae301d9964f3031343139eacc08eb29a61b7';
const PASSWORD = pkiExpected.password;

/** WebCrypto with every deriveKey's parameters recorded. */
function recordingSubtle() {
  const derived: Array<{ params: Pbkdf2Params; target: unknown; extractable: unknown; usages: unknown }> = [];
  const real = globalThis.crypto.subtle;
  const subtle = new Proxy(real, {
    get(target, name) {
      if (name === 'deriveKey') {
        return (params: Pbkdf2Params, ...rest: unknown[]) => {
          derived.push({ params, target: rest[1], extractable: rest[2], usages: rest[3] });
          return (target.deriveKey as (...args: unknown[]) => Promise<CryptoKey>).call(target, params, ...rest);
        };
      }
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { subtle, derived };
}

describe('sealKeyFile / unsealKeyFile', () => {
  it('round-trips the key file, and the sealed bytes are not the file', async () => {
    const sealed = await sealKeyFile(keyFile, PASSWORD, FINGERPRINT);
    expect(sealed).toMatchObject({ scheme: 'pbkdf2-sha256/aes-256-gcm', iterations: 600_000 });
    expect(sealed.salt).toHaveLength(16);
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.sealed.length).toBe(keyFile.length + 16); // the GCM tag
    expect(Buffer.from(sealed.sealed).includes(Buffer.from(keyFile.subarray(40, 80)))).toBe(false);
    const opened = await unsealKeyFile(sealed, PASSWORD, FINGERPRINT);
    expect(opened).toEqual(keyFile);
  });

  it('derives with PBKDF2-SHA256 at 600 000 iterations into a non-extractable AES-256-GCM key', async () => {
    expect(SEAL_ITERATIONS).toBe(600_000);
    const { subtle, derived } = recordingSubtle();
    const sealed = await sealKeyFile(keyFile, PASSWORD, FINGERPRINT, subtle);
    await unsealKeyFile(sealed, PASSWORD, FINGERPRINT, subtle);
    const expected = {
      params: expect.objectContaining({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: sealed.salt }),
      target: { name: 'AES-GCM', length: 256 },
      extractable: false,
      usages: ['encrypt', 'decrypt'],
    };
    expect(derived).toEqual([expected, expected]);
  });

  it('a wrong password, an empty one, or another certificate opens nothing (the GCM tag, not a guess)', async () => {
    const sealed = await sealKeyFile(keyFile, PASSWORD, FINGERPRINT);
    expect(await unsealKeyFile(sealed, `${PASSWORD}x`, FINGERPRINT)).toBeNull();
    expect(await unsealKeyFile(sealed, '', FINGERPRINT)).toBeNull();
    expect(await unsealKeyFile(sealed, PASSWORD, 'c78b13a181fc9acff337574650e003f64aa67ba2d7a9386ce63b08fd59e1beaa')).toBeNull();
  });

  it('a fresh salt and nonce every time; an empty password is refused', async () => {
    const [a, b] = await Promise.all([sealKeyFile(keyFile, PASSWORD, FINGERPRINT), sealKeyFile(keyFile, PASSWORD, FINGERPRINT)]);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.iv).not.toEqual(b.iv);
    await expect(sealKeyFile(keyFile, '', FINGERPRINT)).rejects.toThrow('"password" must be a non-empty string');
  });
});
