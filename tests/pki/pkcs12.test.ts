import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONVERT_PKCS12_COMMAND } from '../../lib/pki/legacy-encryption';
import { readPkcs12 } from '../../lib/pki/pkcs12';
import { readPrivateKey } from '../../lib/pki/private-key';
import { bmpBytes } from '../../lib/pki/password';
import { pkcs12Kdf } from '../../lib/pki/pkcs12-mac';
import { SYNC_HASHES } from '../../lib/pki/hashes';
import { FIX, PASSWORD, expectPkiError, fixture, provesCertificate, runShell } from './key-fixtures';

const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')).certificates as Record<string, { fingerprintSha256: string }>;

async function expectBundle(file: string, password: string, certName: string): Promise<void> {
  const { certificate, privateKey } = await readPkcs12(fixture(file), password);
  expect(certificate.fingerprintSha256).toBe(expected[certName]!.fingerprintSha256);
  expect(privateKey.extractable).toBe(false);
  expect(privateKey.usages).toEqual(['sign']);
  await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
  expect(await provesCertificate(privateKey, `${certName}.crt`)).toBe(true);
}

/** The PFX with its outer SEQUENCE re-encoded with an indefinite length, as NSS (Firefox) writes BER. */
function withIndefiniteOuterLength(p12: Uint8Array): Uint8Array {
  expect(p12[0]).toBe(0x30);
  const headerLength = 2 + (p12[1]! & 0x80 ? p12[1]! & 0x7f : 0);
  return new Uint8Array([0x30, 0x80, ...p12.subarray(headerLength), 0, 0]);
}

describe('readPkcs12', () => {
  it.each([
    ['ec-bundle.p12', 'OpenSSL 3 default (PBES2, AES-256, SHA-256 MAC), EC', PASSWORD, 'person-tinpl-ec'],
    ['rsa-bundle.p12', 'OpenSSL 3 default, RSA-2048', PASSWORD, 'person-rsa2048'],
    ['ec-bundle-chain.p12', 'with the CA certificate too: the leaf is chosen', PASSWORD, 'person-tinpl-ec'],
    ['ec-bundle-sha512mac.p12', 'with a SHA-512 MAC', PASSWORD, 'person-tinpl-ec'],
    ['ec-bundle-nopass.p12', 'exported without a password', '', 'person-tinpl-ec'],
  ])('reads %s (%s)', async (file, _what, password, certName) => {
    await expectBundle(file, password, certName);
  });

  it('accepts the password typed in Unicode NFD (BMPString of the NFC form is tried too)', async () => {
    await expectBundle('ec-bundle.p12', PASSWORD.normalize('NFD'), 'person-tinpl-ec');
  });

  it('reads a BER-encoded PFX (indefinite outer length)', async () => {
    const { certificate } = await readPkcs12(withIndefiniteOuterLength(fixture('ec-bundle.p12')), PASSWORD);
    expect(certificate.fingerprintSha256).toBe(expected['person-tinpl-ec']!.fingerprintSha256);
  });

  it.each([
    ['ec-bundle.p12', 'zażółć-gęślą-jaźń-2025', 'WRONG_PASSWORD'],
    ['ec-bundle.p12', '', 'PASSWORD_REQUIRED'],
    ['ec-bundle-legacy.p12', 'nie-to-hasło', 'WRONG_PASSWORD'],
    ['ec-bundle-nopass.p12', 'jakieś hasło', 'WRONG_PASSWORD'],
  ] as const)('%s with the password %j → %s (the MAC is checked before anything else)', async (file, password, code) => {
    await expectPkiError(readPkcs12(fixture(file), password), code);
  });

  it('cert-only.p12 → PKCS12_INCOMPLETE, missing the key', async () => {
    const error = await expectPkiError(readPkcs12(fixture('cert-only.p12'), PASSWORD), 'PKCS12_INCOMPLETE', { missing: 'key' });
    expect(error.message).toContain('W pliku .p12 brakuje klucza prywatnego.');
    expect(error.messageEn).toContain('The .p12 file lacks a private key.');
  });

  it('key-only.p12 → PKCS12_INCOMPLETE, missing the certificate', async () => {
    const error = await expectPkiError(readPkcs12(fixture('key-only.p12'), PASSWORD), 'PKCS12_INCOMPLETE', { missing: 'certificate' });
    expect(error.message).toContain('W pliku .p12 brakuje certyfikatu.');
  });

  it('ec-bundle-legacy.p12 (3DES, SHA-1 MAC) → LEGACY_ENCRYPTION with a command that converts it', async () => {
    const error = await expectPkiError(readPkcs12(fixture('ec-bundle-legacy.p12'), PASSWORD), 'LEGACY_ENCRYPTION', {
      algorithm: 'PBE-SHA1-3DES',
      command: CONVERT_PKCS12_COMMAND,
    });
    expect(error.message).toContain(CONVERT_PKCS12_COMMAND);
    expect(error.messageEn).toContain(CONVERT_PKCS12_COMMAND);
    const dir = mkdtempSync(join(tmpdir(), 'ksef-p12-'));
    try {
      copyFileSync(join(FIX, 'ec-bundle-legacy.p12'), join(dir, 'stary.p12'));
      // The advice, with the two password prompts answered from the environment.
      const command = CONVERT_PKCS12_COMMAND.replace('-nodes', '-nodes -passin env:PASS').replace('-export', '-export -passout env:PASS');
      expect(command).not.toBe(CONVERT_PKCS12_COMMAND);
      runShell(command, dir, { PASS: PASSWORD });
      expect(existsSync(join(dir, 'tymczasowy.pem'))).toBe(false); // the unencrypted copy is gone
      const { certificate } = await readPkcs12(readFileSync(join(dir, 'nowy.p12')), PASSWORD);
      expect(certificate.fingerprintSha256).toBe(expected['person-tinpl-ec']!.fingerprintSha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an encrypted .key', 'person-tinpl-ec.key', 'UNSUPPORTED_KEY_FORMAT', { format: 'PKCS#8' }],
    ['a .crt', 'person-tinpl-ec.crt', 'NOT_A_PRIVATE_KEY', {}],
  ] as const)('refuses %s', async (_what, file, code, data) => {
    await expectPkiError(readPkcs12(fixture(file), PASSWORD), code, data);
  });

  it('says CORRUPT_FILE for a cut .p12; a flipped byte under the MAC reads as a wrong password', async () => {
    await expectPkiError(readPkcs12(fixture('ec-bundle.p12').slice(0, 300), PASSWORD), 'CORRUPT_FILE');
    const flipped = fixture('ec-bundle.p12').slice();
    flipped[200] = flipped[200]! ^ 0x01; // inside the AuthenticatedSafe: the MAC no longer matches
    await expectPkiError(readPkcs12(flipped, PASSWORD), 'WRONG_PASSWORD');
  });

  it.each([
    ['a number', 1, PASSWORD, '"input" must be a string, a Uint8Array or an ArrayBuffer'],
    ['no password', fixture('ec-bundle.p12'), undefined, '"password" must be a string'],
  ])('rejects %s with a TypeError', async (_what, input, password, message) => {
    await expect(readPkcs12(input as never, password as never)).rejects.toThrow(new TypeError(message));
  });
});

describe('readPrivateKey on PKCS#12', () => {
  it('returns the key; no password → PASSWORD_REQUIRED, wrong → WRONG_PASSWORD', async () => {
    expect(await provesCertificate(await readPrivateKey(fixture('ec-bundle.p12'), PASSWORD), 'person-tinpl-ec.crt')).toBe(true);
    expect(await provesCertificate(await readPrivateKey(fixture('ec-bundle-nopass.p12')), 'person-tinpl-ec.crt')).toBe(true);
    await expectPkiError(readPrivateKey(fixture('ec-bundle.p12')), 'PASSWORD_REQUIRED');
    await expectPkiError(readPrivateKey(fixture('ec-bundle.p12'), 'złe'), 'WRONG_PASSWORD');
    await expectPkiError(readPrivateKey(fixture('cert-only.p12'), PASSWORD), 'PKCS12_INCOMPLETE', { missing: 'key' });
  });
});

describe('PKCS#12 building blocks', () => {
  it('encodes the password as a BMPString: UTF-16BE plus two zero bytes (RFC 7292 B.1)', () => {
    expect([...bmpBytes('Aż')]).toEqual([0x00, 0x41, 0x01, 0x7c, 0x00, 0x00]);
    expect([...bmpBytes('')]).toEqual([0, 0]);
  });

  it('derives the MAC key as RFC 7292 B.2 says (checked against a known SHA-1 vector)', () => {
    // Test vector from the BouncyCastle/OpenSSL PKCS#12 KDF tests: password "smeg", salt 0A58CF64530D823F,
    // id 1, 1 iteration, 24 bytes.
    const key = pkcs12Kdf(SYNC_HASHES['SHA-1'], 1, bmpBytes('smeg'), Buffer.from('0A58CF64530D823F', 'hex'), 1, 24);
    expect(Buffer.from(key).toString('hex').toUpperCase()).toBe('8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3');
  });
});
