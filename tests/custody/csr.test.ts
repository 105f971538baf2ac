// The CSR made in the browser (issue 14 point 1): OpenSSL verifies its signature, its subject is exactly the
// enrolment data's DN, and its private key never leaves WebCrypto.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCsr, dnAttributes, generateEnrolmentKey, readCsr, type EnrolmentDn } from '../../lib/custody/csr';

const dir = mkdtempSync(path.join(tmpdir(), 'ksef-csr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(der: Uint8Array, ...args: string[]): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.der`);
  writeFileSync(file, der);
  const run = spawnSync('/usr/bin/openssl', ['req', '-inform', 'DER', '-in', file, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr}`);
  return run.stdout + run.stderr;
}

/** OpenSSL 3.0 exits 0 either way and says the verdict on stderr. */
const verify = (der: Uint8Array) => openssl(der, '-verify', '-noout').trim();

const PERSON: EnrolmentDn = {
  commonName: 'Anna Nowak',
  countryName: 'PL',
  givenName: 'Anna',
  surname: 'Nowak',
  serialNumber: 'TINPL-5265877635',
  uniqueIdentifier: '5f1c2a4e-8c1d-4b7e-9f0a-2d3b4c5d6e7f',
  organizationName: null,
  organizationIdentifier: null,
};
const SEAL: EnrolmentDn = {
  commonName: 'Fundacja Przykładowa',
  countryName: 'PL',
  organizationName: 'Fundacja Przykładowa',
  organizationIdentifier: 'VATPL-7680002466',
};

describe('buildCsr', () => {
  it.each([
    ['a person', PERSON],
    ['a seal with Polish letters', SEAL],
  ])('%s: OpenSSL verifies it and its subject is the enrolment DN, attribute for attribute', async (_name, dn) => {
    const keys = await generateEnrolmentKey();
    const der = await buildCsr(dn, keys);
    expect(verify(der)).toBe('Certificate request self-signature verify OK');
    const text = openssl(der, '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb');
    expect(text).toContain('Public-Key: (256 bit)');
    expect(text).toContain('NIST CURVE: P-256');
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    // One attribute per RDN, as KSeF's own example CSR: RFC 2253 joins RDNs with "," and multi-valued ones with "+".
    expect(text).toMatch(/Subject: [^\n]*CN=/);
    expect(/Subject: ([^\n]*)/.exec(text)![1]).not.toContain('+');
    const read = await readCsr(der);
    expect(read.signatureValid).toBe(true);
    expect(read.subject).toEqual(dnAttributes(dn));
    const expected = Object.fromEntries(Object.entries(dn).filter(([, v]) => typeof v === 'string'));
    const names: Record<string, string> = {
      '2.5.4.3': 'commonName', '2.5.4.6': 'countryName', '2.5.4.42': 'givenName', '2.5.4.4': 'surname', '2.5.4.5': 'serialNumber',
      '2.5.4.45': 'uniqueIdentifier', '2.5.4.10': 'organizationName', '2.5.4.97': 'organizationIdentifier',
    };
    expect(Object.fromEntries(read.subject.map(([oid, value]) => [names[oid], value]))).toEqual(expected);
  });

  it('the private key is non-extractable from birth and still signs; the public key is readable', async () => {
    const keys = await generateEnrolmentKey();
    expect(keys.privateKey.extractable).toBe(false);
    expect(keys.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
    expect((await crypto.subtle.exportKey('spki', keys.publicKey)).byteLength).toBe(91);
  });

  it('a tampered CSR fails OpenSSL\'s verification', async () => {
    const der = await buildCsr(PERSON, await generateEnrolmentKey());
    const at = Buffer.from(der).indexOf(Buffer.from('Anna Nowak'));
    const tampered = der.slice();
    tampered[at] = 'E'.charCodeAt(0);
    expect(verify(tampered)).toBe('Certificate request self-signature verify failure');
  });

  it('refuses enrolment data without the two required attributes', () => {
    expect(() => dnAttributes({ commonName: '', countryName: 'PL' })).toThrow('"dn" must have commonName and countryName');
  });
});
