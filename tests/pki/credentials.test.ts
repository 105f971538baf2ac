import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyMatchesCertificate } from '../../lib/pki/key-match';
import { loadCredentials } from '../../lib/pki/credentials';
import { readPrivateKey } from '../../lib/pki/private-key';
import { FIX, PASSWORD, expectPkiError, fixture, fixtureText, pemDer, provesCertificate } from './key-fixtures';

const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8')).certificates as Record<string, { fingerprintSha256: string }>;

describe('loadCredentials: matching pairs', () => {
  it.each([
    ['person-tinpl-ec', 'person-tinpl-ec.key', PASSWORD, 'EC P-256'],
    ['person-rsa2048', 'person-rsa2048.key', PASSWORD, 'RSA 2048'],
    ['person-rsa4096', 'person-rsa4096.key', PASSWORD, 'RSA 4096'],
    ['person-p384', 'person-p384.key', PASSWORD, 'EC P-384'],
    ['person-p521', 'person-p521.key', PASSWORD, 'EC P-521'],
    ['self-signed-ec', 'self-signed-ec.key', PASSWORD, 'EC P-256'],
    ['person-tinpl-ec', 'ec-sec1.pem', undefined, 'EC P-256'],
    ['person-rsa2048', 'rsa-pkcs1.der', undefined, 'RSA 2048'],
    ['person-tinpl-ec', 'ec-bundle.p12', PASSWORD, 'EC P-256'],
  ])('%s.crt with %s', async (certName, keyFile, password, keyAlgorithm) => {
    const { certificate, privateKey } = await loadCredentials({
      certificate: fixture(`${certName}.crt`),
      privateKey: fixture(keyFile),
      password,
    });
    expect(certificate.fingerprintSha256).toBe(expected[certName]!.fingerprintSha256);
    expect(certificate.keyAlgorithm).toBe(keyAlgorithm);
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.usages).toEqual(['sign']);
    expect(await provesCertificate(privateKey, `${certName}.crt`)).toBe(true);
  });

  it('takes PEM text and DER bytes alike', async () => {
    const { certificate } = await loadCredentials({
      certificate: pemDer('person-tinpl-ec.crt'),
      privateKey: fixtureText('person-tinpl-ec.key'),
      password: PASSWORD,
    });
    expect(certificate.fingerprintSha256).toBe(expected['person-tinpl-ec']!.fingerprintSha256);
  });
});

describe('loadCredentials: what goes wrong', () => {
  it.each([
    ['a key of another certificate (same curve)', 'person-tinpl-ec.crt', 'other-nip-ec.key', { keyAlgorithm: 'EC P-256', certificateAlgorithm: 'EC P-256' }],
    ['an RSA key with an EC certificate', 'person-tinpl-ec.crt', 'person-rsa2048.key', { keyAlgorithm: 'RSA 2048', certificateAlgorithm: 'EC P-256' }],
    ['an EC key with an RSA certificate', 'person-rsa2048.crt', 'person-tinpl-ec.key', { keyAlgorithm: 'EC P-256', certificateAlgorithm: 'RSA 2048' }],
    ['a P-384 key with a P-256 certificate', 'person-tinpl-ec.crt', 'person-p384.key', { keyAlgorithm: 'EC P-384', certificateAlgorithm: 'EC P-256' }],
    ['the production twin of the test certificate', 'person-tinpl-prod-ec.crt', 'person-tinpl-ec.key', {}],
  ])('%s → KEY_CERT_MISMATCH', async (_what, cert, key, data) => {
    await expectPkiError(loadCredentials({ certificate: fixture(cert), privateKey: fixture(key), password: PASSWORD }), 'KEY_CERT_MISMATCH', data);
  });

  it.each([
    ['with the password', PASSWORD],
    ['without a password', undefined],
    ['with a wrong password', 'złe hasło'],
  ])('swapped files %s → NOT_A_CERTIFICATE marked as swapped', async (_what, password) => {
    await expectPkiError(
      loadCredentials({ certificate: fixture('person-tinpl-ec.key'), privateKey: fixture('person-tinpl-ec.crt'), password }),
      'NOT_A_CERTIFICATE',
      { swapped: 'yes' },
    );
  });

  it.each([
    ['the key given twice', 'person-tinpl-ec.key', 'person-tinpl-ec.key', 'NOT_A_CERTIFICATE'],
    ['a plain key as the certificate', 'ec-sec1.pem', 'person-tinpl-ec.key', 'NOT_A_CERTIFICATE'],
    ['the certificate given twice', 'person-tinpl-ec.crt', 'person-tinpl-ec.crt', 'NOT_A_PRIVATE_KEY'],
  ] as const)('%s → %s', async (_what, cert, key, code) => {
    const { data } = await expectPkiError(loadCredentials({ certificate: fixture(cert), privateKey: fixture(key), password: PASSWORD }), code);
    expect(data.swapped).toBeUndefined();
  });

  it.each([
    ['a wrong password', 'zażółć-gęślą-jaźń-2025', 'WRONG_PASSWORD'],
    ['no password', undefined, 'PASSWORD_REQUIRED'],
  ] as const)('%s → %s', async (_what, password, code) => {
    await expectPkiError(loadCredentials({ certificate: fixture('person-tinpl-ec.crt'), privateKey: fixture('person-tinpl-ec.key'), password }), code);
  });

  it('reports a legacy key before asking for its password', async () => {
    await expectPkiError(
      loadCredentials({ certificate: fixture('person-tinpl-ec.crt'), privateKey: fixture('ec-legacy-encrypted.pem') }),
      'LEGACY_ENCRYPTION',
    );
  });

  it.each([
    ['no object', undefined, '"input" must be an object'],
    ['a numeric certificate', { certificate: 1, privateKey: 'x' }, '"certificate" must be a string, a Uint8Array or an ArrayBuffer'],
    ['a missing key', { certificate: 'x' }, '"privateKey" must be a string, a Uint8Array or an ArrayBuffer'],
    ['a numeric password', { certificate: 'x', privateKey: 'y', password: 5 }, '"password" must be a string or undefined'],
  ])('rejects %s with a TypeError', async (_what, input, message) => {
    await expect(loadCredentials(input as never)).rejects.toThrow(new TypeError(message));
  });
});

describe('keyMatchesCertificate', () => {
  it('is true for the pair and false for another certificate or garbage', async () => {
    const key = await readPrivateKey(fixture('ec-pkcs8-plain.pem'));
    expect(await keyMatchesCertificate(key, pemDer('person-tinpl-ec.crt'))).toBe(true);
    expect(await keyMatchesCertificate(key, pemDer('other-nip-ec.crt'))).toBe(false);
    expect(await keyMatchesCertificate(key, pemDer('person-rsa2048.crt'))).toBe(false);
    expect(await keyMatchesCertificate(key, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBe(false);
  });
});
