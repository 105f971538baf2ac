// Test helpers for the certificate endpoints: a CSR with a given DN (peculiar/x509), and a login with any
// certificate and key (the simulator-issued ones included).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { readCertificate } from '../../lib/pki';
import { signAuthTokenRequest } from '../../lib/xades';
import { call } from './kit';
import type { Simulator } from './simulator';

const subtle = webcrypto.subtle as SubtleCrypto;

/** The DN attributes of CertificateEnrollmentDataResponse, by OID, in the order the official generators write. */
const DN_ORDER: [string, string][] = [
  ['countryName', '2.5.4.6'], ['organizationName', '2.5.4.10'], ['organizationIdentifier', '2.5.4.97'], ['givenName', '2.5.4.42'],
  ['surname', '2.5.4.4'], ['commonName', '2.5.4.3'], ['serialNumber', '2.5.4.5'], ['uniqueIdentifier', '2.5.4.45'],
];

export function dnOf(data: Record<string, string | null | undefined>): x509.JsonName {
  return DN_ORDER.filter(([k]) => data[k]).map(([k, oid]) => ({ [oid]: [data[k] as string] }));
}

export async function ecKeys(curve: 'P-256' | 'P-384' = 'P-256'): Promise<CryptoKeyPair> {
  return (await subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, false, ['sign', 'verify'])) as CryptoKeyPair;
}

/** Base64 DER PKCS#10 signed with ECDSA-SHA256 (or the key's own algorithm). */
export async function makeCsr(data: Record<string, string | null | undefined>, keys: CryptoKeyPair, signingAlgorithm?: Algorithm): Promise<string> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: dnOf(data),
    keys,
    signingAlgorithm: signingAlgorithm ?? ({ name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams),
  });
  return Buffer.from(csr.rawData).toString('base64');
}

/** challenge → signed request → status polls → redeem; returns the final status code and, on 200, the tokens. */
export async function loginWith(sim: Simulator, certificateDer: string | Uint8Array, privateKey: CryptoKey, contextNip: string) {
  const certificate = await readCertificate(typeof certificateDer === 'string' ? Buffer.from(certificateDer, 'base64') : certificateDer);
  const challenge = (await call(sim, 'POST', '/auth/challenge')).body.challenge as string;
  const xml = await signAuthTokenRequest({
    challenge,
    contextIdentifier: { type: 'Nip', value: contextNip },
    subjectIdentifierType: 'certificateSubject',
    certificate,
    privateKey,
    signingTime: new Date(sim.state.clock.now() - 60_000),
  });
  const started = await call(sim, 'POST', '/auth/xades-signature', { body: xml, headers: { 'Content-Type': 'application/xml' } });
  if (started.status !== 202) return { started, status: null, accessToken: null };
  const operationToken = started.body.authenticationToken.token as string;
  let status = { code: 100, details: [] as string[] };
  for (let i = 0; i < 10 && status.code === 100; i++) {
    status = (await call(sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: operationToken })).body.status;
  }
  if (status.code !== 200) return { started, status, accessToken: null };
  const tokens = await call(sim, 'POST', '/auth/token/redeem', { token: operationToken });
  return { started, status, accessToken: tokens.body.accessToken.token as string };
}

/** A PKCS#8 key from the admin hook, imported for signing (non-extractable, as the extension keeps keys). */
export async function importEcKey(pkcs8Base64: string): Promise<CryptoKey> {
  return subtle.importKey('pkcs8', Buffer.from(pkcs8Base64, 'base64'), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
}
