import { describe, expect, it } from 'vitest';
import { caught, dumpAll, freshStore, makeCertificateInfo, makeKeyPair, NOW, profileInput, signsAndVerifies } from './helpers';

describe('saveCredentials and getCredentials', () => {
  it('keeps a non-extractable key that still signs after it was read back, and the certificate as lib/pki gave it', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const keys = await makeKeyPair();
    const certificate = makeCertificateInfo();
    await store.saveCredentials('p1', { certificate, privateKey: keys.privateKey });
    await store.close(); // a new connection, as a restarted worker would open

    const read = await store.getCredentials('p1');
    expect(read).toMatchObject({ profileId: 'p1', keyAlgorithm: 'ECDSA P-256', storedAt: NOW.toISOString() });
    expect(read!.certificate).toEqual(certificate);
    expect(read!.certificate.notAfter).toBeInstanceOf(Date);
    expect(read!.privateKey).not.toBe(keys.privateKey);
    expect(read!.privateKey).toMatchObject({ type: 'private', extractable: false, usages: ['sign'] });
    expect(await signsAndVerifies(read!.privateKey!, keys.publicKey)).toBe(true);
  });

  it('stores an RSA key with its hash in keyAlgorithm', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const rsa = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    await store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: rsa.privateKey });
    expect((await store.getCredentials('p1'))?.keyAlgorithm).toBe('RSASSA-PKCS1-v1_5 SHA-256');
  });

  it('stores the dates as ISO text and the DER as bytes, never a password', async () => {
    const { store, factory } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey });
    const [record] = (await dumpAll(factory)).credentials as Record<string, unknown>[];
    expect(Object.keys(record!).sort()).toEqual(['certificate', 'certificateDer', 'custody', 'keyAlgorithm', 'privateKey', 'profileId', 'storedAt']);
    expect(record!.certificate).toMatchObject({ notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2028-01-01T00:00:00.000Z' });
    expect(record!.certificate).not.toHaveProperty('der');
    expect(record!.certificateDer).toEqual(makeCertificateInfo().der);
  });

  it('refuses an extractable key with EXTRACTABLE_KEY', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const keys = await makeKeyPair(true);
    expect(await caught(store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: keys.privateKey }))).toMatchObject({
      name: 'StoreError',
      code: 'EXTRACTABLE_KEY',
      message: 'saveCredentials: refused an extractable private key',
    });
    expect(await store.getCredentials('p1')).toBeUndefined();
  });

  it.each([
    ['a password beside the key', (c: object) => ({ ...c, password: 'zażółć-gęślą-jaźń-2026' }), 'password'],
    ['a PIN inside the subject', (c: { certificate: object }) => ({ ...c, certificate: { ...c.certificate, subject: { pin: '1234' } } }), 'certificate.subject.pin'],
    ['a secret in snake case', (c: object) => ({ ...c, key_secret: 'x' }), 'key_secret'],
  ])('refuses %s with SECRET_FIELD, naming the field but not the value', async (_name, tamper, field) => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const input = tamper({ certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey } as never);
    const error = await caught(store.saveCredentials('p1', input as never));
    expect(error).toMatchObject({
      code: 'SECRET_FIELD',
      message: `saveCredentials: refused fields ${field}: secrets are never stored`,
    });
    expect((error as Error).message).not.toContain('zażółć');
    expect(await store.getCredentials('p1')).toBeUndefined();
  });

  it.each([
    ['a public key', async () => (await makeKeyPair()).publicKey, '"privateKey" must be a private key with the "sign" usage'],
    ['raw bytes', async () => new Uint8Array(32), '"privateKey" must be a CryptoKey'],
  ])('refuses %s as the private key with a TypeError', async (_name, key, message) => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    expect(await caught(store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: (await key()) as CryptoKey }))).toMatchObject({
      name: 'TypeError',
      message,
    });
  });

  it('refuses a certificate that is not a CertificateInfo', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const certificate = { ...makeCertificateInfo(), notAfter: '2028-01-01' } as never;
    expect(await caught(store.saveCredentials('p1', { certificate, privateKey: (await makeKeyPair()).privateKey }))).toMatchObject({
      name: 'TypeError',
      message: '"certificate" must be a CertificateInfo from lib/pki',
    });
  });

  it('refuses credentials for a profile that does not exist (PROFILE_NOT_FOUND)', async () => {
    const { store } = freshStore();
    expect(await caught(store.saveCredentials('ghost', { certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey }))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'saveCredentials: no profile "ghost"',
    });
  });

  it('deleteCredentials removes the key and the tokens but keeps the profile', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveCredentials('p1', { certificate: makeCertificateInfo(), privateKey: (await makeKeyPair()).privateKey });
    await store.saveTokens('p1', {
      accessToken: 'a',
      accessValidUntil: '2026-02-10T13:00:00Z',
      refreshToken: 'r',
      refreshValidUntil: '2026-02-17T12:00:00Z',
    });
    await store.deleteCredentials('p1');
    expect(await store.getCredentials('p1')).toBeUndefined();
    expect(await store.getTokens('p1')).toBeUndefined();
    expect(await store.getProfile('p1')).toBeDefined();
  });
});
