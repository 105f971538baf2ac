import { X509Certificate, createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CONVERT_KEY_COMMAND } from '../../lib/pki/legacy-encryption';
import { readPrivateKey } from '../../lib/pki/private-key';
import { signingAlgorithm } from '../../lib/pki/key-match';
import {
  FIX, OIDS, PASSWORD, epki, expectPkiError, fixture, fixtureText, flatTlvs, int, oct, oid, pemDer, provesCertificate,
  runShell, seq, toPem,
} from './key-fixtures';

const EC_CERT = 'person-tinpl-ec.crt';
const RSA_CERT = 'person-rsa2048.crt';
const PRFS = ['hmacWithSHA1', 'hmacWithSHA224', 'hmacWithSHA256', 'hmacWithSHA384', 'hmacWithSHA512'];
const CIPHERS = ['aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc'];

async function expectUsableKey(key: CryptoKey, certName: string, algorithm: Record<string, unknown>): Promise<void> {
  expect(key.type).toBe('private');
  expect(key.extractable).toBe(false);
  expect(key.usages).toEqual(['sign']);
  expect(key.algorithm).toMatchObject(algorithm);
  await expect(crypto.subtle.exportKey('pkcs8', key)).rejects.toThrow();
  await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  expect(await provesCertificate(key, certName)).toBe(true);
}

describe('readPrivateKey: every key format, proven against its certificate', () => {
  const P256 = { name: 'ECDSA', namedCurve: 'P-256' };
  const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } };
  it.each([
    ['person-tinpl-ec.key', 'AP-style encrypted PKCS#8 (PEM)', EC_CERT, P256],
    ['ec-pkcs8-enc.der', 'encrypted PKCS#8 (DER)', EC_CERT, P256],
    ['ec-pkcs8-plain.pem', 'plain PKCS#8 (PEM)', EC_CERT, P256],
    ['ec-pkcs8-plain.der', 'plain PKCS#8 (DER)', EC_CERT, P256],
    ['ec-sec1.pem', 'SEC1 (PEM)', EC_CERT, P256],
    ['ec-sec1.der', 'SEC1 (DER)', EC_CERT, P256],
    ['ec-sec1-with-params.pem', 'SEC1 after EC PARAMETERS', EC_CERT, P256],
    ['ec-sec1-no-public.pem', 'SEC1 without the public key (PEM)', EC_CERT, P256],
    ['ec-sec1-no-public.der', 'SEC1 without the public key (DER)', EC_CERT, P256],
    ['ec-sec1-compressed.pem', 'SEC1 with a compressed public key', EC_CERT, P256],
    ['ec-pbes2-iter1.key', 'PBES2 with one PBKDF2 round', EC_CERT, P256],
    ['person-p384.key', 'encrypted P-384', 'person-p384.crt', { name: 'ECDSA', namedCurve: 'P-384' }],
    ['person-p521.key', 'encrypted P-521', 'person-p521.crt', { name: 'ECDSA', namedCurve: 'P-521' }],
    ['p384-pkcs8-plain.pem', 'plain P-384', 'person-p384.crt', { name: 'ECDSA', namedCurve: 'P-384' }],
    ['p521-pkcs8-plain.pem', 'plain P-521', 'person-p521.crt', { name: 'ECDSA', namedCurve: 'P-521' }],
    ['person-rsa2048.key', 'encrypted RSA-2048', RSA_CERT, { ...RSA, modulusLength: 2048 }],
    ['person-rsa4096.key', 'encrypted RSA-4096', 'person-rsa4096.crt', { ...RSA, modulusLength: 4096 }],
    ['rsa-pkcs8-plain.pem', 'plain PKCS#8 RSA', RSA_CERT, { ...RSA, modulusLength: 2048 }],
    ['rsa-pkcs1.pem', 'PKCS#1 (PEM)', RSA_CERT, { ...RSA, modulusLength: 2048 }],
    ['rsa-pkcs1.der', 'PKCS#1 (DER)', RSA_CERT, { ...RSA, modulusLength: 2048 }],
    ['ec-bundle.p12', 'PKCS#12 (EC)', EC_CERT, P256],
    ['rsa-bundle.p12', 'PKCS#12 (RSA)', RSA_CERT, { ...RSA, modulusLength: 2048 }],
  ])('%s (%s)', async (file, _what, cert, algorithm) => {
    await expectUsableKey(await readPrivateKey(fixture(file), PASSWORD), cert, algorithm);
  });

  it.each(PRFS.flatMap((prf) => CIPHERS.map((c) => [prf, c])))('PBES2 with %s and %s', async (prf, cipher) => {
    const key = await readPrivateKey(fixture(`ec-pbes2-${prf}-${cipher}.key`), PASSWORD);
    await expectUsableKey(key, EC_CERT, { name: 'ECDSA', namedCurve: 'P-256' });
  });

  it('reads the PBKDF2 default PRF (hmacWithSHA1) when the file leaves it out, as OpenSSL does', () => {
    // OpenSSL omits the PRF for SHA-1; the fixture must really lack it for the test above to mean anything.
    expect(Buffer.from(pemDer('ec-pbes2-hmacWithSHA1-aes-256-cbc.key')).includes(Buffer.from('2a864886f70d0207', 'hex'))).toBe(false);
    expect(Buffer.from(pemDer('ec-pbes2-hmacWithSHA256-aes-256-cbc.key')).includes(Buffer.from('2a864886f70d0209', 'hex'))).toBe(true);
  });

  it.each([
    ['a PEM string', () => fixtureText('person-tinpl-ec.key')],
    ['an ArrayBuffer', () => fixture('person-tinpl-ec.key').slice().buffer],
    ['PEM with CRLF line ends, a BOM and text around it', () => `\uFEFFklucz z AP\r\n${fixtureText('person-tinpl-ec.key').replace(/\n/g, '\r\n')}koniec\r\n`],
    ['bare base64 DER without armour', () => Buffer.from(fixture('ec-pkcs8-enc.der')).toString('base64')],
    ['EC PARAMETERS after the key', () => fixtureText('ec-sec1.pem') + toPem('EC PARAMETERS', pemDer('ec-sec1-with-params.pem').subarray(0, 10))],
    ['the certificate and the key in one PEM file', () => fixtureText(EC_CERT) + fixtureText('person-tinpl-ec.key')],
  ])('accepts %s', async (_what, make) => {
    await expectUsableKey(await readPrivateKey(make(), PASSWORD), EC_CERT, { name: 'ECDSA' });
  });

  it('ignores a password for an unencrypted key', async () => {
    await expectUsableKey(await readPrivateKey(fixture('ec-pkcs8-plain.pem'), 'cokolwiek'), EC_CERT, { name: 'ECDSA' });
  });

  it('does not modify the caller\'s buffer', async () => {
    const input = fixture('ec-pkcs8-plain.der');
    const copy = input.slice();
    await readPrivateKey(input);
    expect(input).toEqual(copy);
  });
});

describe('readPrivateKey: passwords', () => {
  it.each([
    ['no password', undefined],
    ['an empty password', ''],
  ])('says PASSWORD_REQUIRED for an encrypted key and %s', async (_what, password) => {
    await expectPkiError(readPrivateKey(fixture('person-tinpl-ec.key'), password), 'PASSWORD_REQUIRED');
  });

  it.each([
    ['a wrong password', 'zażółć-gęślą-jaźń-2025'],
    ['the password in the wrong case', PASSWORD.toUpperCase()],
    ['the password without Polish letters', 'zazolc-gesla-jazn-2026'],
  ])('says WRONG_PASSWORD for %s', async (_what, password) => {
    await expectPkiError(readPrivateKey(fixture('person-tinpl-ec.key'), password), 'WRONG_PASSWORD');
  });

  it('says WRONG_PASSWORD when a wrong password happens to leave valid AES-CBC padding', async () => {
    // Find wrong passwords whose derived key decrypts the fixture to valid PKCS#7 padding (about 1 in 256),
    // checked with node:crypto, then make sure we still call them wrong passwords.
    const fields = flatTlvs(pemDer('ec-pbes2-iter1.key'));
    const octets = fields.filter((f) => f.tag === 0x04);
    const [salt, iv, body] = [octets[0]!.content, octets[1]!.content, octets[2]!.content];
    expect(fields.find((f) => f.tag === 0x02)!.content).toEqual(new Uint8Array([1])); // one PBKDF2 round
    const lucky: string[] = [];
    for (let i = 0; lucky.length < 4 && i < 20_000; i++) {
      const candidate = `błędne-${i}`;
      const d = createDecipheriv('aes-256-cbc', pbkdf2Sync(Buffer.from(candidate), salt, 1, 32, 'sha256'), iv);
      try {
        Buffer.concat([d.update(body), d.final()]);
        lucky.push(candidate);
      } catch {
        // bad padding: the common case
      }
    }
    expect(lucky).toHaveLength(4);
    for (const candidate of lucky) await expectPkiError(readPrivateKey(fixture('ec-pbes2-iter1.key'), candidate), 'WRONG_PASSWORD');
  });

  it('says WRONG_PASSWORD when the right password decrypts something that is not a key', async () => {
    const salt = randomBytes(8), iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', pbkdf2Sync(Buffer.from(PASSWORD), salt, 10, 32, 'sha256'), iv);
    const body = Buffer.concat([c.update(seq(int(0), seq(), oct([1, 2, 3]))), c.final()]);
    const fake = epki({ salt, iterations: int(10), cipher: seq(oid(OIDS.aes256cbc), oct(iv)), ciphertext: body });
    await expectPkiError(readPrivateKey(toPem('ENCRYPTED PRIVATE KEY', fake), PASSWORD), 'WRONG_PASSWORD');
  });

  it('opens the key with the Polish-letter password (UTF-8 bytes)', async () => {
    expect(PASSWORD).toMatch(/[ąćęłńóśźż]/);
    await expectUsableKey(await readPrivateKey(fixture('person-tinpl-ec.key'), PASSWORD), EC_CERT, { name: 'ECDSA' });
  });

  it.each([
    ['NFC file, password typed in NFD', 'person-tinpl-ec.key', 'NFD'],
    ['NFD file, password typed in NFC', 'ec-pbes2-nfd-password.key', 'NFC'],
    ['NFD file, password typed in NFD', 'ec-pbes2-nfd-password.key', 'NFD'],
  ] as const)('accepts the same-looking password in another Unicode form (%s)', async (_what, file, form) => {
    const typed = PASSWORD.normalize(form);
    expect(Buffer.from(typed).equals(Buffer.from(PASSWORD.normalize(form === 'NFC' ? 'NFD' : 'NFC')))).toBe(false);
    await expectUsableKey(await readPrivateKey(fixture(file), typed), EC_CERT, { name: 'ECDSA' });
  });
});

describe('readPrivateKey: legacy encryption', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['ec-legacy-encrypted.pem', 'AES-256-CBC (OpenSSL PEM)', EC_CERT],
    ['rsa-legacy-encrypted.pem', 'AES-256-CBC (OpenSSL PEM)', RSA_CERT],
    ['ec-pbes1-3des.key', 'PBE-SHA1-3DES', EC_CERT],
    ['ec-pbes2-des3.key', 'PBES2 DES-EDE3-CBC', EC_CERT],
  ])('%s → LEGACY_ENCRYPTION with an OpenSSL command that really converts it', async (file, algorithm, cert) => {
    for (const password of [PASSWORD, undefined]) {
      const error = await expectPkiError(readPrivateKey(fixture(file), password), 'LEGACY_ENCRYPTION', { algorithm });
      expect(error.data.command).toBe(CONVERT_KEY_COMMAND);
      expect(error.message).toContain(CONVERT_KEY_COMMAND);
      expect(error.messageEn).toContain(CONVERT_KEY_COMMAND);
    }
    // Follow the advice: the user's file is "stary.key"; OpenSSL asks for the passwords (given here by env).
    copyFileSync(join(FIX, file), join(dir, 'stary.key'));
    rmSync(join(dir, 'nowy.key'), { force: true });
    runShell(`${CONVERT_KEY_COMMAND} -passin env:PASS -passout env:PASS`, dir, { PASS: PASSWORD });
    const converted = await readPrivateKey(readFileSync(join(dir, 'nowy.key')), PASSWORD);
    await expectUsableKey(converted, cert, {});
  });

  it('names a DES-CBC PEM file with the legacy-provider variant of the command', async () => {
    const pem = fixtureText('ec-legacy-encrypted.pem').replace(/DEK-Info: AES-256-CBC,([0-9A-F]{16})[0-9A-F]{16}/, 'DEK-Info: DES-CBC,$1');
    const { data } = await expectPkiError(readPrivateKey(pem, PASSWORD), 'LEGACY_ENCRYPTION', { algorithm: 'DES-CBC (OpenSSL PEM)' });
    expect(data.command).toContain('-provider legacy -provider default');
  });
});

describe('readPrivateKey: keys KSeF cannot use', () => {
  it.each([
    ['ed25519.pem', 'Ed25519'],
    ['dsa-pkcs8.pem', 'DSA'],
    ['dsa-traditional.pem', 'DSA'],
    ['secp256k1.pem', 'EC secp256k1'],
    ['ec-explicit-params.pem', 'EC explicit parameters'],
    ['rsa1024.pem', 'RSA 1024'],
    ['ec-scrypt.key', 'scrypt'],
  ])('%s → UNSUPPORTED_ALGORITHM (%s)', async (file, algorithm) => {
    await expectPkiError(readPrivateKey(fixture(file), PASSWORD), 'UNSUPPORTED_ALGORITHM', { algorithm });
  });

  it.each([
    ['the .crt (PEM)', () => fixture(EC_CERT)],
    ['the .crt (DER)', () => pemDer(EC_CERT)],
    ['a public key', () => toPem('PUBLIC KEY', spkiOf(EC_CERT))],
    ['a CA certificate', () => fixture('test-ca.crt')],
  ])('%s → NOT_A_PRIVATE_KEY', async (_what, make) => {
    await expectPkiError(readPrivateKey(make(), PASSWORD), 'NOT_A_PRIVATE_KEY');
  });
});

function spkiOf(certName: string): Uint8Array {
  return new Uint8Array(new X509Certificate(fixture(certName)).publicKey.export({ type: 'spki', format: 'der' }));
}

describe('readPrivateKey: hygiene', () => {
  afterEach(() => vi.restoreAllMocks());

  it('wipes the key bytes it handed to WebCrypto, and the decrypted plaintext', async () => {
    const imported: Uint8Array[] = [];
    const decrypted: ArrayBuffer[] = [];
    const subtle = crypto.subtle;
    const importKey = subtle.importKey.bind(subtle);
    const decrypt = subtle.decrypt.bind(subtle);
    vi.spyOn(subtle, 'importKey').mockImplementation(((format: KeyFormat, data: BufferSource, ...rest: unknown[]) => {
      if (format === 'pkcs8') imported.push(data as Uint8Array);
      return (importKey as (...a: unknown[]) => Promise<CryptoKey>)(format, data, ...rest);
    }) as typeof subtle.importKey);
    vi.spyOn(subtle, 'decrypt').mockImplementation((async (...args: Parameters<typeof subtle.decrypt>) => {
      const out = await decrypt(...args);
      decrypted.push(out);
      return out;
    }) as typeof subtle.decrypt);
    await readPrivateKey(fixture('person-tinpl-ec.key'), PASSWORD);
    await readPrivateKey(fixture('rsa-pkcs1.pem'));
    expect(imported).toHaveLength(2);
    expect(decrypted).toHaveLength(1);
    for (const bytes of imported) expect(bytes.every((b) => b === 0)).toBe(true);
    expect(new Uint8Array(decrypted[0]!).every((b) => b === 0)).toBe(true);
  });

  it.each([
    ['a number', 42, undefined, '"input" must be a string, a Uint8Array or an ArrayBuffer'],
    ['null', null, undefined, '"input" must be a string, a Uint8Array or an ArrayBuffer'],
    ['a numeric password', 'x', 1234, '"password" must be a string or undefined'],
  ])('rejects %s with a TypeError', async (_what, input, password, message) => {
    await expect(readPrivateKey(input as never, password as never)).rejects.toThrow(new TypeError(message));
  });
});

describe('signingAlgorithm', () => {
  it.each([
    ['ec-pkcs8-plain.pem', { name: 'ECDSA', hash: 'SHA-256' }],
    ['p384-pkcs8-plain.pem', { name: 'ECDSA', hash: 'SHA-384' }],
    ['p521-pkcs8-plain.pem', { name: 'ECDSA', hash: 'SHA-512' }],
    ['rsa-pkcs1.pem', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }],
  ])('%s → %o', async (file, expected) => {
    expect(signingAlgorithm(await readPrivateKey(fixture(file)))).toEqual(expected);
  });

  it('rejects a key that cannot sign', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    expect(() => signingAlgorithm(pair.publicKey)).toThrow(new TypeError('"key" must be a private CryptoKey with the "sign" usage'));
    expect(() => signingAlgorithm({} as CryptoKey)).toThrow(TypeError);
  });
});
