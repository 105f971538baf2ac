// Shared by the lib/xades tests: the OpenSSL-made fixture credentials and deterministic random inputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadCredentials, readCertificate, type CertificateInfo } from '../../lib/pki';

export const PKI_DIR = fileURLToPath(new URL('../fixtures/pki/', import.meta.url));
export const XADES_DIR = fileURLToPath(new URL('../fixtures/xades/', import.meta.url));
export const KSEF_DIR = fileURLToPath(new URL('../fixtures/ksef/', import.meta.url));

export interface FixtureCredentials {
  certificate: CertificateInfo;
  privateKey: CryptoKey;
  certPath: string;
  /** Plain PKCS#8 PEM of the same key, for xmlsec1 --sign. */
  keyPath: string;
}

const FIXTURES = {
  ec: { name: 'person-tinpl-ec', plainKey: 'ec-pkcs8-plain.pem' },
  rsa: { name: 'person-rsa2048', plainKey: 'rsa-pkcs8-plain.pem' },
} as const;

export const PASSWORD = JSON.parse(readFileSync(`${PKI_DIR}expected.json`, 'utf8')).password as string;

/** A certificate and its AP-style encrypted key, loaded the way the extension loads them (lib/pki). */
export async function loadFixture(name: string): Promise<{ certificate: CertificateInfo; privateKey: CryptoKey }> {
  return loadCredentials({
    certificate: readFileSync(`${PKI_DIR}${name}.crt`),
    privateKey: readFileSync(`${PKI_DIR}${name}.key`),
    password: PASSWORD,
  });
}

export async function fixtureCredentials(kind: keyof typeof FIXTURES): Promise<FixtureCredentials> {
  const f = FIXTURES[kind];
  return { ...(await loadFixture(f.name)), certPath: `${PKI_DIR}${f.name}.crt`, keyPath: `${PKI_DIR}${f.plainKey}` };
}

export async function readFixtureCertificate(name: string): Promise<CertificateInfo> {
  return readCertificate(readFileSync(`${PKI_DIR}${name}.crt`));
}

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: n, maxLength: n });

/** Challenges as KSeF issues them: yyyymmdd-CR-10 hex-10 hex-2 hex (NOTES §3.2). */
export const challengeArb = fc
  .tuple(fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), hex(10), hex(10), hex(2))
  .map(([d, a, b, c]) => `${d.toISOString().slice(0, 10).replace(/-/g, '')}-CR-${a}-${b}-${c}`);

/** NIPs that pass the API pattern and the checksum (NOTES §11). */
export const nipArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((d) => {
    d[0] = d[0] === 0 ? 1 : d[0]!;
    if (d[1] === 0 && d[2] === 0) d[2] = 7;
    const sum = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * d[i]!, 0) % 11;
    return sum === 10 ? null : d.join('') + String(sum);
  })
  .filter((nip): nip is string => nip !== null);

export const SEED = 20261124;

/** `count` deterministic samples; the seed is fixed so a failure names the exact input again. */
export function samples<T>(arb: fc.Arbitrary<T>, count: number, seed = SEED): T[] {
  return fc.sample(arb, { numRuns: count, seed });
}
