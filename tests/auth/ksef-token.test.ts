import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../lib/auth/session';
import { createMemoryTokenStore } from '../../lib/auth/token-store';
import { encryptKsefToken } from '../../lib/auth/ksef-token';
import type { AuthError } from '../../lib/auth/errors';
import { base64ToBytes, bytesToBase64, sha256Base64 } from '../../lib/ksef/encoding';
import { createKsefClient } from '../../lib/ksef/client';
import { spkiOfCertificate } from '../../lib/ksef/public-keys';
import { t } from '../../lib/i18n';
import { createFakeClock, createFakeKsef, T0, type FakeKsef } from '../ksef/fake-ksef';
import { AUTH_REF, CHALLENGE, challengeBody, initBody, iso, statusBody, tokensBody } from '../ksef/samples';
import { CONTEXT } from './setup';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/pki/${name}`, import.meta.url), 'utf8');
const certificateB64 = bytesToBase64(new X509Certificate(fixture('person-rsa2048.crt')).raw);
const KSEF_TOKEN = '20260302-EC-2F20AD2000-242386DF86-52|nip-5265877635|0f2e1d3c4b5a69788796a5b4c3d2e1f0';

let decryptKey: CryptoKey;
let publicKeyId: string;

beforeAll(async () => {
  const der = base64ToBytes(fixture('rsa-pkcs8-plain.pem').replace(/-----[^-]+-----/g, ''));
  decryptKey = await crypto.subtle.importKey('pkcs8', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
  publicKeyId = await sha256Base64(spkiOfCertificate(certificateB64));
});

async function decrypt(b64: string): Promise<string> {
  return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, decryptKey, base64ToBytes(b64)));
}

describe('encryptKsefToken', () => {
  it('encrypts "<token>|<timestampMs>" with RSA-OAEP SHA-256 for the certificate key', async () => {
    const token = KSEF_TOKEN;
    const encrypted = await encryptKsefToken(token, T0, certificateB64);
    expect(base64ToBytes(encrypted)).toHaveLength(256); // RSA-2048
    expect(await decrypt(encrypted)).toBe(`${token}|${T0}`);
  });

  it.each([
    [['', T0, certificateB64], '"token" must be a non-empty KSeF token'],
    [['two words', T0, certificateB64], '"token" must be a non-empty KSeF token'],
    [['abc', 1.5, certificateB64], '"timestampMs" must be a positive integer (Unix milliseconds)'],
    [['abc', T0, 'AAAA'], '"certificate" must be a DER X.509 certificate'],
  ] as const)('checks its arguments (%#)', async (args, message) => {
    await expect(encryptKsefToken(...(args as [string, number, string]))).rejects.toThrow(new TypeError(message));
  });
});

describe('KSeF-token login', () => {
  let fake: FakeKsef;

  afterEach(() => {
    expect(fake.problems).toEqual([]);
  });

  function setup(keys: { usage: string[]; validFrom: string; validTo: string }[]) {
    fake = createFakeKsef();
    const clock = createFakeClock();
    const client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock });
    const store = createMemoryTokenStore();
    const session = createAuthSession({ client, tokenStore: store, credentials: { ksefToken: KSEF_TOKEN }, context: CONTEXT, clock });
    fake.on('GET /security/public-key-certificates', {
      status: 200,
      json: keys.map((k) => ({ certificate: certificateB64, certificateId: publicKeyId, publicKeyId, ...k })),
    });
    return { session, store };
  }

  it('encrypts the token with the KsefTokenEncryption key and the challenge time, then redeems', async () => {
    const { session, store } = setup([{ usage: ['KsefTokenEncryption'], validFrom: iso(T0 - 1000), validTo: iso(T0 + 1000) }]);
    fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0 - 5000) });
    fake.on('POST /auth/ksef-token', { status: 202, json: initBody(T0) });
    fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(200, 'Uwierzytelnianie zakończone sukcesem') });
    fake.on('POST /auth/token/redeem', { status: 200, json: tokensBody(T0) });

    expect(await session.getAccessToken()).toBe(tokensBody(T0).accessToken.token);
    const body = JSON.parse(fake.calls('POST /auth/ksef-token')[0]!.body!);
    expect(body).toMatchObject({ challenge: CHALLENGE, contextIdentifier: CONTEXT, publicKeyId });
    expect(await decrypt(body.encryptedToken)).toBe(`${KSEF_TOKEN}|${T0 - 5000}`);
    expect(store.snapshot()).toMatchObject({ method: 'ksefToken', referenceNumber: AUTH_REF });
    expect(JSON.stringify(fake.requests)).not.toContain('0f2e1d3c4b5a69788796a5b4c3d2e1f0'); // never sent in clear
  });

  it('fails with NO_TOKEN_KEY when KSeF offers no usable key', async () => {
    const { session } = setup([
      { usage: ['SymmetricKeyEncryption'], validFrom: iso(T0 - 1000), validTo: iso(T0 + 1000) },
      { usage: ['KsefTokenEncryption'], validFrom: iso(T0 - 2000), validTo: iso(T0 - 1000) },
    ]);
    const error = (await session.getAccessToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toMatchObject({ name: 'AuthError', code: 'NO_TOKEN_KEY' });
    expect(error.message).toBe(t('pl', 'auth_error_NO_TOKEN_KEY'));
    expect(fake.calls('POST /auth/challenge')).toHaveLength(0);
  });

  it('maps a revoked token (450) to TOKEN_REJECTED', async () => {
    const { session } = setup([{ usage: ['KsefTokenEncryption'], validFrom: iso(T0 - 1000), validTo: iso(T0 + 1000) }]);
    fake.on('POST /auth/challenge', { status: 200, json: challengeBody(T0) });
    fake.on('POST /auth/ksef-token', { status: 202, json: initBody(T0) });
    fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(450, 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu', ['Token unieważniony']) });
    const error = (await session.getAccessToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toMatchObject({ code: 'TOKEN_REJECTED', ksefStatus: 450, data: { detail: 'Token unieważniony' } });
    expect(error.message).toBe(t('pl', 'auth_error_TOKEN_REJECTED', { detail: 'Token unieważniony' }));
  });
});
