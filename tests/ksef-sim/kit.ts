// Helpers for the simulator's own tests: a contract-checked simulator, a tiny fetch wrapper, logins with the
// OpenSSL fixtures (tests/fixtures/pki) and the client side of an online session done with WebCrypto.
import { createPrivateKey, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCertificate, type CertificateInfo } from '../../lib/pki';
import { signAuthTokenRequest } from '../../lib/xades';
import { createContractChecker, type ContractChecker } from './contract';
import { startSimulator, type Simulator, type SimulatorOptions } from './simulator';

const subtle = webcrypto.subtle as SubtleCrypto;
const PKI = fileURLToPath(new URL('../fixtures/pki/', import.meta.url));
export const KSEF_FIXTURES = fileURLToPath(new URL('../fixtures/ksef/', import.meta.url));

export const pkiExpected = JSON.parse(readFileSync(`${PKI}expected.json`, 'utf8')) as {
  password: string;
  nips: { person: string; seal: string; other: string };
  certificates: Record<string, { fingerprintSha256: string; notBefore: string; notAfter: string }>;
};

export interface Checked {
  sim: Simulator;
  checker: ContractChecker;
}

/** A simulator with a frozen clock (moved only by the tests) whose every answer is contract-checked. */
export async function startChecked(options: SimulatorOptions = {}): Promise<Checked> {
  const checker = createContractChecker();
  const sim = await startSimulator({ freezeClock: true, rateLimits: false, ...options, onExchange: checker.onExchange });
  return { sim, checker };
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function call(
  sim: Simulator,
  method: string,
  path: string,
  init: { token?: string; json?: unknown; body?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | Uint8Array | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(`${path.startsWith('/admin') || path.startsWith('/storage') ? sim.url : sim.baseUrl}${path}`, { method, headers, body: body as BodyInit | undefined });
  const text = await response.text();
  let parsed: any = undefined;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** The fixture certificate and its key (decrypted by OpenSSL's rules through Node, imported non-extractable). */
export async function fixtureCredentials(name: string): Promise<{ certificate: CertificateInfo; privateKey: CryptoKey }> {
  const certificate = await readCertificate(readFileSync(`${PKI}${name}.crt`, 'utf8'));
  const der = createPrivateKey({ key: readFileSync(`${PKI}${name}.key`, 'utf8'), passphrase: pkiExpected.password }).export({ type: 'pkcs8', format: 'der' });
  const rsa = certificate.keyAlgorithm.startsWith('RSA');
  const curve = certificate.keyAlgorithm.replace('EC ', '');
  const privateKey = await subtle.importKey('pkcs8', new Uint8Array(der), rsa ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: curve }, false, ['sign']);
  der.fill(0);
  return { certificate, privateKey };
}

/** challenge → signed AuthTokenRequest → POST /auth/xades-signature; returns the 202 answer. */
export async function submitSignature(
  sim: Simulator,
  fixture: string,
  contextNip: string,
  options: { subjectIdentifierType?: 'certificateSubject' | 'certificateFingerprint'; query?: string; challenge?: string } = {},
): Promise<CallResult & { challenge: string }> {
  const challenge = options.challenge ?? (await call(sim, 'POST', '/auth/challenge')).body.challenge;
  const { certificate, privateKey } = await fixtureCredentials(fixture);
  const xml = await signAuthTokenRequest({
    challenge,
    contextIdentifier: { type: 'Nip', value: contextNip },
    subjectIdentifierType: options.subjectIdentifierType ?? 'certificateSubject',
    certificate,
    privateKey,
    signingTime: new Date(sim.state.clock.now() - 60_000),
  });
  const answer = await call(sim, 'POST', `/auth/xades-signature${options.query ?? ''}`, { body: xml, headers: { 'Content-Type': 'application/xml' } });
  return { ...answer, challenge };
}

/** The whole login; returns the tokens (or throws with the final status). */
export async function login(sim: Simulator, fixture: string, contextNip: string) {
  const started = await submitSignature(sim, fixture, contextNip);
  if (started.status !== 202) throw new Error(`xades-signature answered ${started.status}: ${started.text}`);
  const operationToken: string = started.body.authenticationToken.token;
  let status = 100;
  for (let i = 0; i < 10 && status === 100; i++) {
    status = (await call(sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: operationToken })).body.status.code;
  }
  if (status !== 200) throw new Error(`authentication ended with ${status}`);
  const tokens = await call(sim, 'POST', '/auth/token/redeem', { token: operationToken });
  return { referenceNumber: started.body.referenceNumber as string, operationToken, accessToken: tokens.body.accessToken.token as string, refreshToken: tokens.body.refreshToken.token as string };
}

const b64 = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

async function sha256b64(bytes: Uint8Array): Promise<string> {
  return b64(await subtle.digest('SHA-256', new Uint8Array(bytes)));
}

/** The client's side of NOTES §8.2: a fresh AES-256 key and IV, the key wrapped with the published RSA key. */
export async function sessionEncryption(sim: Simulator) {
  const published = (await call(sim, 'GET', '/security/public-key-certificates')).body as { certificate: string; publicKeyId: string; usage: string[] }[];
  const entry = published.find((p) => p.usage.includes('SymmetricKeyEncryption'));
  if (!entry) throw new Error('no SymmetricKeyEncryption key published');
  const { X509Certificate } = await import('node:crypto');
  const spki = new X509Certificate(Buffer.from(entry.certificate, 'base64')).publicKey.export({ type: 'spki', format: 'der' });
  const rsa = await subtle.importKey('spki', new Uint8Array(spki), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const rawKey = webcrypto.getRandomValues(new Uint8Array(32));
  const iv = webcrypto.getRandomValues(new Uint8Array(16));
  const aesKey = await subtle.importKey('raw', rawKey, { name: 'AES-CBC' }, false, ['encrypt']);
  const encryptedSymmetricKey = b64(await subtle.encrypt({ name: 'RSA-OAEP' }, rsa, rawKey));
  rawKey.fill(0);
  return { aesKey, iv, encryption: { encryptedSymmetricKey, initializationVector: b64(iv), publicKeyId: entry.publicKeyId } };
}

/** SendInvoiceRequest for one invoice: AES-256-CBC ciphertext (no IV prefix), hashes and sizes (NOTES §8.2). */
export async function encryptInvoice(aesKey: CryptoKey, iv: Uint8Array, xml: string | Uint8Array) {
  const plain = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  const cipher = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(iv) }, aesKey, new Uint8Array(plain)));
  return {
    invoiceHash: await sha256b64(plain),
    invoiceSize: plain.length,
    encryptedInvoiceHash: await sha256b64(cipher),
    encryptedInvoiceSize: cipher.length,
    encryptedInvoiceContent: b64(cipher),
  };
}

/** POST /auth/ksef-token body fields: `text` ("token|timestampMs") RSA-OAEP-encrypted with the published key (NOTES §5). */
export async function encryptKsefToken(sim: Simulator, text: string): Promise<{ encryptedToken: string; publicKeyId: string }> {
  const { X509Certificate } = await import('node:crypto');
  const keys = (await call(sim, 'GET', '/security/public-key-certificates')).body as { certificate: string; publicKeyId: string; usage: string[] }[];
  const key = keys.find((k) => k.usage.includes('KsefTokenEncryption'));
  if (!key) throw new Error('no KsefTokenEncryption key published');
  const spki = new X509Certificate(Buffer.from(key.certificate, 'base64')).publicKey.export({ type: 'spki', format: 'der' });
  const rsa = await subtle.importKey('spki', new Uint8Array(spki), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const encrypted = await subtle.encrypt({ name: 'RSA-OAEP' }, rsa, new TextEncoder().encode(text));
  return { encryptedToken: b64(encrypted), publicKeyId: key.publicKeyId };
}

export const FA3_FORM = { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' };
