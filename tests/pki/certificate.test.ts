import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../lib/pki/certificate';
import { identifierFromSubject } from '../../lib/pki/dn';
import type { CertificateInfo } from '../../lib/pki/types';

const dir = new URL('../fixtures/pki/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, dir));
const pemText = (name: string) => fixture(name).toString('utf8');
interface Expected {
  fingerprintSha256: string; serialNumberHex: string; issuer: string; subject: string; notBefore: string; notAfter: string;
}
const expected = JSON.parse(pemText('expected.json')) as {
  nips: { person: string; seal: string; other: string }; pesel: string; certificates: Record<string, Expected>;
};
const names = Object.keys(expected.certificates);

/** The DER inside a PEM certificate file (the test's own decoding, independent of lib/pki/pem.ts). */
function derOf(name: string): Uint8Array {
  const body = pemText(name).replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
}
const read = (name: string): Promise<CertificateInfo> => readCertificate(pemText(`${name}.crt`));

describe('readCertificate reads every fixture as OpenSSL does (expected.json)', () => {
  it('covers all fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(19);
  });

  it.each(names)('%s', async (name) => {
    const e = expected.certificates[name]!;
    const info = await read(name);
    expect(info.fingerprintSha256).toBe(e.fingerprintSha256);
    expect(info.serialNumberHex).toBe(e.serialNumberHex);
    expect(info.issuer).toBe(e.issuer);
    expect(info.subjectDn).toBe(e.subject);
    expect(info.notBefore.toISOString()).toBe(e.notBefore);
    expect(info.notAfter.toISOString()).toBe(e.notAfter);
    const der = derOf(`${name}.crt`);
    expect(Buffer.from(info.der).equals(Buffer.from(der))).toBe(true);
    expect(createHash('sha256').update(info.der).digest('hex')).toBe(info.fingerprintSha256);
  });
});

describe('subject fields and the identifier KSeF reads (NOTES §4.1)', () => {
  it('reads a person certificate (TINPL)', async () => {
    const info = await read('person-tinpl-ec');
    expect(info.subject).toEqual({
      countryName: 'PL', givenName: 'Anna', surname: 'Nowak', commonName: 'Anna Nowak',
      serialNumber: `TINPL-${expected.nips.person}`, uniqueIdentifier: '5f1c2a4e-8c1d-4b7e-9f0a-2d3b4c5d6e7f',
    });
    expect(info.identifier).toEqual({ type: 'NIP', value: expected.nips.person });
  });

  it.each([
    ['person-tinpl-ec', { type: 'NIP', value: expected.nips.person }],
    ['person-pnopl-ec', { type: 'PESEL', value: expected.pesel }],
    ['seal-vatpl-ec', { type: 'NIP', value: expected.nips.seal }],
    ['other-nip-ec', { type: 'NIP', value: expected.nips.other }],
    ['dn-special-ec', { type: 'NIP', value: expected.nips.person }],
    ['no-identifier-ec', null],
    ['test-ca', null],
  ])('%s → %j', async (name, identifier) => {
    expect((await read(name)).identifier).toEqual(identifier);
  });

  it('reads a seal certificate (organizationName, organizationIdentifier)', async () => {
    const info = await read('seal-vatpl-ec');
    expect(info.subject.organizationName).toBe('Fundacja Przykładowa');
    expect(info.subject.organizationIdentifier).toBe(`VATPL-${expected.nips.seal}`);
    expect(info.subject.givenName).toBeUndefined();
  });

  it.each([
    [{ serialNumber: 'TINPL-5265877635' }, { type: 'NIP', value: '5265877635' }],
    [{ serialNumber: 'NIP-1234567890' }, { type: 'NIP', value: '1234567890' }],
    [{ serialNumber: 'NIP: 12345678901' }, { type: 'NIP', value: '1234567890' }],
    [{ serialNumber: 'PNOPL-85010112345' }, { type: 'PESEL', value: '85010112345' }],
    [{ serialNumber: 'PESEL:12345678901' }, { type: 'PESEL', value: '12345678901' }],
    [{ serialNumber: 'TINPL-123' }, null],
    [{ serialNumber: 'PESEL-1234567890' }, null], // 10 digits: no PESEL (ksef-api#169)
    [{ serialNumber: 'tinpl-5265877635' }, null], // KSeF's patterns are case-sensitive
    [{ serialNumber: '5265877635' }, null],
    [{ organizationIdentifier: 'VATPL-7680002466' }, { type: 'NIP', value: '7680002466' }],
    [{ organizationIdentifier: '7680002466' }, null],
    [{ organizationIdentifier: 'VATDE-123456789' }, null],
    [{ serialNumber: 'PNOPL-85010112345', organizationIdentifier: 'VATPL-7680002466' }, { type: 'PESEL', value: '85010112345' }],
    [{ serialNumber: 'X-1', organizationIdentifier: 'VATPL-7680002466' }, { type: 'NIP', value: '7680002466' }],
    [{ serialNumber: 'TINPL-5265877635 PESEL 85010112345' }, { type: 'NIP', value: '5265877635' }],
    [{ commonName: 'TINPL-5265877635' }, null], // only serialNumber and organizationIdentifier count
    [{}, null],
  ])('identifierFromSubject(%j) → %j', (subject, identifier) => {
    expect(identifierFromSubject(subject)).toEqual(identifier);
  });

  it('reads x500UniqueIdentifier typed as a BIT STRING (X.520) as hex', async () => {
    const der = derOf('person-tinpl-ec.crt');
    const guid = Buffer.from('5f1c2a4e-8c1d-4b7e-9f0a-2d3b4c5d6e7f');
    const at = Buffer.from(der).indexOf(Buffer.concat([Buffer.from([0x0c, guid.length]), guid]));
    expect(at).toBeGreaterThan(0);
    der[at] = 0x03; // same length: the first content octet becomes "0 unused bits"
    der[at + 2] = 0x00;
    const info = await readCertificate(der);
    const bits = guid.subarray(1).toString('hex');
    expect(info.subject.uniqueIdentifier).toBe(bits);
    expect(info.subjectDn.startsWith(`x500UniqueIdentifier=#0324${('00' + bits).toUpperCase()},`)).toBe(true);
  });
});

describe('what the certificate is for and where it comes from', () => {
  it.each([
    ['person-tinpl-ec', 'EC P-256'],
    ['person-p384', 'EC P-384'],
    ['person-p521', 'EC P-521'],
    ['person-rsa2048', 'RSA 2048'],
    ['person-rsa4096', 'RSA 4096'],
  ])('%s key algorithm is %s', async (name, algorithm) => {
    expect((await read(name)).keyAlgorithm).toBe(algorithm);
  });

  it.each([
    ['person-tinpl-ec', 'authentication'],
    ['self-signed-ec', 'authentication'],
    ['offline-ec', 'offline'],
    ['test-ca', 'unknown'], // keyCertSign, cRLSign
  ])('%s purpose is %s (keyUsage, NOTES §4.3)', async (name, purpose) => {
    expect((await read(name)).purpose).toBe(purpose);
  });

  it.each([
    ['self-signed-ec', true],
    ['test-ca', true],
    ['prod-ca', true],
    ['person-tinpl-ec', false],
    ['other-issuer-ec', false],
  ])('%s selfSigned is %s', async (name, selfSigned) => {
    expect((await read(name)).selfSigned).toBe(selfSigned);
  });

  it('is not self-signed when the names match but the signature does not verify', async () => {
    const der = derOf('self-signed-ec.crt');
    der[der.length - 1] = der[der.length - 1]! ^ 0x01; // last octet of the ECDSA s value
    const info = await readCertificate(der);
    expect(info.issuer).toBe(info.subjectDn);
    expect(info.selfSigned).toBe(false);
    expect(info.environmentHint).toBe('other');
  });

  it.each([
    ['person-tinpl-ec', 'test'],
    ['person-tinpl-prod-ec', 'production'],
    ['self-signed-ec', 'test'],
    ['other-issuer-ec', 'other'],
    ['test-ca', 'test'],
    ['prod-ca', 'production'],
  ])('%s environmentHint is %s', async (name, hint) => {
    expect((await read(name)).environmentHint).toBe(hint);
  });

  it('reads UTCTime before 2000 and GeneralizedTime after 2049', async () => {
    const info = await read('generalized-time-ec');
    expect(info.notBefore.toISOString()).toBe('1999-01-01T00:00:00.000Z');
    expect(info.notAfter.toISOString()).toBe('2055-01-01T00:00:00.000Z');
  });

  it('formats awkward names exactly as OpenSSL (escaping, multi-valued RDN, unknown attribute as #hex)', async () => {
    const info = await read('dn-special-ec');
    expect(info.subjectDn).toBe(expected.certificates['dn-special-ec']!.subject);
    expect(info.subjectDn).toContain('serialNumber=TINPL-');
    expect(info.subjectDn).toContain('+CN=Anna Nowak');
    expect(info.subjectDn).toContain('O=Biuro \\"Rachunkowe\\"\\, Kowalski\\; \\<Oddział\\>');
    expect(info.subjectDn).toContain('OU=\\ spacje\\ ');
    expect(info.subjectDn).toContain('1.3.6.1.4.1.99999.1=#0C');
  });
});

describe('input forms', () => {
  const name = 'person-tinpl-ec';
  const pem = pemText(`${name}.crt`);
  const fp = expected.certificates[name]!.fingerprintSha256;
  const keyPem = pemText(`${name}.key`);
  const other = pemText('person-pnopl-ec.crt');
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
  const der = derOf(`${name}.crt`);

  it.each<[string, () => string | Uint8Array | ArrayBuffer]>([
    ['PEM string', () => pem],
    ['PEM bytes', () => new TextEncoder().encode(pem)],
    ['PEM with CRLF', () => pem.replace(/\n/g, '\r\n')],
    ['PEM with a UTF-8 BOM (string)', () => '\uFEFF' + pem],
    ['PEM with a UTF-8 BOM (bytes)', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(pem)])],
    ['PEM with text around', () => `Subject: Anna Nowak\nIssuer: TEST CCK KSeF\n\n${pem}\nkoniec pliku\n`],
    ['two certificates: the first is taken', () => pem + other],
    ['a key block before the certificate', () => keyPem + pem],
    ['X509 CERTIFICATE label', () => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '-----$1 X509 CERTIFICATE-----')],
    ['DER as Uint8Array', () => der],
    ['DER as ArrayBuffer', () => der.slice().buffer],
    ['bare base64 (as /certificates/retrieve returns it)', () => base64],
    ['bare base64 in lines', () => base64.replace(/(.{64})/g, '$1\n')],
  ])('%s', async (_label, make) => {
    expect((await readCertificate(make())).fingerprintSha256).toBe(fp);
  });

  it('TRUSTED CERTIFICATE: ignores the trust data OpenSSL appends', async () => {
    const aux = [0x30, 0x0c, 0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02];
    const body = Buffer.from([...der, ...aux]).toString('base64').replace(/(.{64})/g, '$1\n');
    const info = await readCertificate(`-----BEGIN TRUSTED CERTIFICATE-----\n${body}\n-----END TRUSTED CERTIFICATE-----\n`);
    expect(info.fingerprintSha256).toBe(fp);
    expect(info.der.length).toBe(der.length);
  });

  it('returns a DER copy that does not share memory with the input', async () => {
    const input = derOf(`${name}.crt`);
    const info = await readCertificate(input);
    input.fill(0);
    expect(createHash('sha256').update(info.der).digest('hex')).toBe(fp);
  });

  it.each([[null], [42], [{}], [undefined]])('rejects %j with a TypeError', async (value) => {
    await expect(readCertificate(value as unknown as string)).rejects.toThrow(
      new TypeError('"input" must be a string, a Uint8Array or an ArrayBuffer'),
    );
  });
});
