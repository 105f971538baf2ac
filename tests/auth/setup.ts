// Shared wiring for the auth tests: a client on the fake KSeF, a fake clock, a memory token store and a
// fake signer standing in for lib/xades.
import { createKsefClient } from '../../lib/ksef/client';
import { createAuthSession, type AuthSessionOptions } from '../../lib/auth/session';
import { createMemoryTokenStore } from '../../lib/auth/token-store';
import type { LoginContextIdentifier, SignAuthTokenRequestInput } from '../../lib/auth/login';
import type { CertificateInfo } from '../../lib/pki/types';
import { createFakeClock, createFakeKsef, T0 } from '../ksef/fake-ksef';
import { NIP, challengeBody, initBody, statusBody, tokensBody } from '../ksef/samples';

export const CONTEXT: LoginContextIdentifier = { type: 'Nip', value: NIP };

export function certificateInfo(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: { commonName: 'Anna Nowak', serialNumber: `TINPL-${NIP}`, givenName: 'Anna', surname: 'Nowak', countryName: 'PL' },
    identifier: { type: 'NIP', value: NIP },
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
    issuer: 'CN=TEST CCK KSeF,OU=Krajowa Administracja Skarbowa,O=Ministerstwo Finansów,C=PL',
    subjectDn: `serialNumber=TINPL-${NIP},CN=Anna Nowak,C=PL`,
    serialNumberHex: 'bb1c80caebee9cb357dd0ed0cd4e873d',
    fingerprintSha256: '7b2717b585fdfcfbf575bbf7ed15ae301d9964f3031343139eacc08eb29a61b7',
    keyAlgorithm: 'EC P-256',
    purpose: 'authentication',
    selfSigned: false,
    environmentHint: 'test',
    der: new Uint8Array(0),
    ...overrides,
  };
}

export async function signingKey(): Promise<CryptoKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return pair.privateKey;
}

export function setupAuth(options: Partial<AuthSessionOptions> & { privateKey: CryptoKey }) {
  const fake = createFakeKsef();
  const clock = createFakeClock();
  const client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock, random: () => 0.5 });
  const store = createMemoryTokenStore();
  const signed: SignAuthTokenRequestInput[] = [];
  const signer = async (input: SignAuthTokenRequestInput) => {
    signed.push(input);
    return `<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0"><Challenge>${input.challenge}</Challenge></AuthTokenRequest>`;
  };
  const { privateKey, ...rest } = options;
  const session = createAuthSession({
    client,
    tokenStore: store,
    credentials: { certificate: certificateInfo(), privateKey },
    context: CONTEXT,
    clock,
    signer,
    ...rest,
  });
  return { fake, clock, client, store, signed, session };
}

/** Scripts a complete certificate login: challenge, submit, `pending` × status 100, status 200, redeem. */
export function scriptLogin(fake: ReturnType<typeof createFakeKsef>, now = T0, pending = 1, n = 1) {
  fake.on('POST /auth/challenge', { status: 200, json: challengeBody(now) });
  fake.on('POST /auth/xades-signature', { status: 202, json: initBody(now) });
  for (let i = 0; i < pending; i += 1) fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(100, 'Uwierzytelnianie w toku') });
  fake.on('GET /auth/{referenceNumber}', { status: 200, json: statusBody(200, 'Uwierzytelnianie zakończone sukcesem') });
  fake.on('POST /auth/token/redeem', { status: 200, json: tokensBody(now, { per: ['Owner'] }, n) });
}
