// The signer's memory (lib/xades/self-check.ts): the certificate read once, the full self-check once per
// certificate, key and shape, and what it still catches. Calls are counted through the signer's seams and a
// counting lib/pki/x509 parseCertificate, never timed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toHex } from '../../lib/core/bytes';
import { parseCertificate } from '../../lib/pki/x509';
import { readCertificateKey } from '../../lib/xades/certificate-key';
import { createAuthTokenSigner, type AuthTokenSignerDeps, type SignAuthTokenRequestOptions } from '../../lib/xades/sign';
import { verifySignedDocument, verifyXadesSignature } from '../../lib/xades/verify';
import { fixtureCredentials, type FixtureCredentials } from './helpers';
import { removeTempDirs, requireTools, tempDir, xmlsecVerify } from './xmlsec';

vi.mock('../../lib/pki/x509', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lib/pki/x509')>();
  return { ...original, parseCertificate: vi.fn(original.parseCertificate) };
});

afterAll(removeTempDirs);

const challenge = (n: number) => `20261124-CR-0123456789-ABCDEF0123-${(n + 16).toString(16).toUpperCase()}`;
let ec: FixtureCredentials;

beforeAll(async () => {
  ec = await fixtureCredentials('ec');
});

function options(overrides: Partial<SignAuthTokenRequestOptions> = {}): SignAuthTokenRequestOptions {
  return {
    challenge: challenge(0),
    contextIdentifier: { type: 'Nip', value: '5265877635' },
    subjectIdentifierType: 'certificateSubject',
    certificate: ec.certificate,
    privateKey: ec.privateKey,
    ...overrides,
  };
}

function countingSigner(extra: AuthTokenSignerDeps = {}) {
  const readKey = vi.fn(readCertificateKey);
  const verifySigned = vi.fn(verifySignedDocument);
  return { sign: createAuthTokenSigner({ readCertificateKey: readKey, verifySigned, ...extra }), readKey, verifySigned };
}

async function failure(promise: Promise<unknown>) {
  const error = (await promise.catch((e: unknown) => e)) as Error & { code: number; reason: string; cause?: { reason?: string } };
  expect(error).toMatchObject({ name: 'XadesError', code: 9105, reason: 'SELF_CHECK' });
  return error;
}

describe('one signer, many logins', () => {
  it('reads the certificate once and checks in full once across 6 logins; every document verifies, the last with xmlsec1', async () => {
    requireTools();
    const { sign, readKey, verifySigned } = countingSigner();
    const parsesBefore = vi.mocked(parseCertificate).mock.calls.length;
    const documents: string[] = [];
    for (let n = 0; n < 6; n++) documents.push(await sign(options({ challenge: challenge(n) })));

    expect(readKey).toHaveBeenCalledTimes(1);
    expect(vi.mocked(parseCertificate).mock.calls.length - parsesBefore).toBe(1);
    expect(verifySigned).toHaveBeenCalledTimes(1);
    expect(verifySigned.mock.calls[0]![2]).toMatchObject({ der: ec.certificate.der, info: ec.certificate });

    for (const [n, xml] of documents.entries()) {
      const result = await verifyXadesSignature(xml);
      expect(result.errors).toEqual([]);
      expect(result.request?.challenge).toBe(challenge(n));
    }
    const file = join(tempDir(), 'sixth-login.xml');
    writeFileSync(file, documents.at(-1)!);
    expect((await xmlsecVerify(file)).output).toMatch(/^OK$/m);
  });

  it('checks in full again for another key, another shape, or another description of the same certificate', async () => {
    const { sign, readKey, verifySigned } = countingSigner();
    await sign(options());
    await sign(options({ challenge: challenge(1) }));
    expect(verifySigned).toHaveBeenCalledTimes(1);

    const sameKeyAgain = await crypto.subtle.importKey('pkcs8', pkcs8(ec.keyPath), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    await sign(options({ privateKey: sameKeyAgain }));
    expect(verifySigned).toHaveBeenCalledTimes(2);

    await sign(options({ contextIdentifier: { type: 'InternalId', value: '5265877635-00017' } }));
    await sign(options({ subjectIdentifierType: 'certificateFingerprint' }));
    expect(verifySigned).toHaveBeenCalledTimes(4);

    const reworded = { ...ec.certificate, issuer: `${ec.certificate.issuer},L=Warszawa` };
    const xml = await sign(options({ certificate: reworded }));
    expect(verifySigned).toHaveBeenCalledTimes(5);
    expect((await verifyXadesSignature(xml)).valid).toBe(true);
    expect(readKey).toHaveBeenCalledTimes(1);
  });
});

describe('what the self-check still catches', () => {
  it('a key that is not the certificate\'s, the first time it is used, after the certificate signed fine, every time', async () => {
    const { sign, verifySigned } = countingSigner();
    await sign(options());
    await sign(options({ challenge: challenge(1) }));
    const stranger = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await failure(sign(options({ privateKey: stranger.privateKey })));
      expect(error.message).toBe(
        'XAdES invalid signature (9105 SELF_CHECK): our own signature failed verification: XAdES invalid signature (9105 SIGNATURE_VALUE): the signature value does not verify with the KeyInfo certificate',
      );
      expect(error.cause).toMatchObject({ reason: 'SIGNATURE_VALUE' });
    }
    expect(verifySigned).toHaveBeenCalledTimes(3);
    expect((await verifyXadesSignature(await sign(options({ challenge: challenge(2) })))).valid).toBe(true);
  });

  it('a faulty signature value: in full at the first login, by the per-login verification later', async () => {
    let faulty = true;
    const signData: AuthTokenSignerDeps['signData'] = async (algorithm, key, data) => {
      const value = new Uint8Array(await crypto.subtle.sign(algorithm, key, data));
      if (faulty) value[5]! ^= 0x01;
      return value.buffer;
    };
    const { sign, verifySigned } = countingSigner({ signData });
    const first = await failure(sign(options()));
    expect(first.cause).toMatchObject({ reason: 'SIGNATURE_VALUE' });

    faulty = false;
    await sign(options());
    faulty = true;
    const later = await failure(sign(options({ challenge: challenge(1) })));
    expect(later.message).toBe("XAdES invalid signature (9105 SELF_CHECK): our own signature does not verify with the certificate's public key");
    expect(verifySigned).toHaveBeenCalledTimes(2);
  });

  it('a CertificateInfo whose fingerprint is not its certificate\'s, at every login', async () => {
    const { sign } = countingSigner();
    await sign(options());
    const other = { ...ec.certificate, fingerprintSha256: '00'.repeat(32) };
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await failure(sign(options({ certificate: other })));
      expect(error.message).toBe('XAdES invalid signature (9105 SELF_CHECK): the verified signer certificate is not the one given');
    }
  });

  it('a certificate that cannot be read: the verifier\'s CERTIFICATE answer, and it is read again next time', async () => {
    const { sign, readKey } = countingSigner();
    const der = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]);
    const fingerprintSha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', der)));
    const broken = { ...ec.certificate, der, fingerprintSha256 };
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await failure(sign(options({ certificate: broken })));
      expect(error.message).toMatch(/^XAdES invalid signature \(9105 SELF_CHECK\): our own signature failed verification: XAdES invalid signature \(9105 CERTIFICATE\): the KeyInfo certificate cannot be read: /);
      expect(error.cause).toMatchObject({ reason: 'CERTIFICATE' });
    }
    expect(readKey).toHaveBeenCalledTimes(2);
  });
});

/** The fixture's plain PKCS#8 key bytes: the same key as a new CryptoKey object. */
function pkcs8(path: string): Uint8Array<ArrayBuffer> {
  const pem = readFileSync(path, 'utf8').replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
  return new Uint8Array(Buffer.from(pem, 'base64'));
}
