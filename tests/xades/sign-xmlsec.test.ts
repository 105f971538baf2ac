// Our signatures judged by independent tools: xmlsec1 must verify every one, xmllint must validate the
// document against the official XSD, and any change to a signed value must be caught by both xmlsec1 and
// verifyXadesSignature. 50 random challenges and NIPs (fixed seed) for each of EC P-256 and RSA-2048.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAuthTokenRequest } from '../../lib/xades/sign';
import { verifyXadesSignature } from '../../lib/xades/verify';
import type { SubjectIdentifierType } from '../../lib/xades/auth-token-request';
import { challengeArb, fixtureCredentials, nipArb, PKI_DIR, samples, SEED } from './helpers';
import {
  libxml2CompatibleXsd,
  pool,
  removeTempDirs,
  requireTools,
  tempDir,
  withoutSignature,
  xmllintValidate,
  xmlsecVerify,
} from './xmlsec';

afterAll(removeTempDirs);

const COUNT = 50;
const challenges = samples(challengeArb, COUNT);
const nips = samples(nipArb, COUNT, SEED + 1);

interface Signed {
  index: number;
  challenge: string;
  nip: string;
  subjectIdentifierType: SubjectIdentifierType;
  xml: string;
  file: string;
}

function certBase64(name: string): string {
  return readFileSync(`${PKI_DIR}${name}.crt`, 'utf8').replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
}

function replaceOnce(xml: string, pattern: RegExp, replace: (match: string) => string): string {
  const matches = xml.match(new RegExp(pattern.source, 'g')) ?? [];
  if (matches.length !== 1) throw new Error(`expected one match of ${pattern}, found ${matches.length}`);
  return xml.replace(pattern, replace);
}

const HEX = '0123456789ABCDEF';
const mutations = {
  challenge: (xml: string) =>
    replaceOnce(xml, /<Challenge>[^<]*<\/Challenge>/, (m) => {
      const at = m.indexOf('-CR-') + 4;
      const flipped = HEX[(HEX.indexOf(m[at]!) + 1) % 16]!;
      return m.slice(0, at) + flipped + m.slice(at + 1);
    }),
  nip: (xml: string) =>
    replaceOnce(xml, /<Nip>\d{10}<\/Nip>/, (m) => m.slice(0, 14) + String((Number(m[14]) + 1) % 10) + m.slice(15)),
  signingTime: (xml: string) =>
    replaceOnce(xml, /<xades:SigningTime>[^<]*<\/xades:SigningTime>/, (m) => {
      const value = m.replace(/<[^>]+>/g, '');
      const earlier = new Date(new Date(value).getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return `<xades:SigningTime>${earlier}</xades:SigningTime>`;
    }),
} as const;

describe.each([
  { kind: 'ec' as const, otherCert: 'other-nip-ec' },
  { kind: 'rsa' as const, otherCert: 'person-rsa4096' },
])('signAuthTokenRequest with $kind keys, judged by xmlsec1 and xmllint', ({ kind, otherCert }) => {
  let dir: string;
  let xsd: string;
  let signed: Signed[];

  beforeAll(async () => {
    requireTools();
    dir = tempDir(`xades-${kind}-`);
    xsd = libxml2CompatibleXsd(dir);
    const creds = await fixtureCredentials(kind);
    signed = [];
    for (let index = 0; index < COUNT; index++) {
      const subjectIdentifierType: SubjectIdentifierType = index % 2 ? 'certificateFingerprint' : 'certificateSubject';
      const xml = await signAuthTokenRequest({
        challenge: challenges[index]!,
        contextIdentifier: { type: 'Nip', value: nips[index]! },
        subjectIdentifierType,
        certificate: creds.certificate,
        privateKey: creds.privateKey,
      });
      const file = join(dir, `signed-${index}.xml`);
      writeFileSync(file, xml);
      signed.push({ index, challenge: challenges[index]!, nip: nips[index]!, subjectIdentifierType, xml, file });
    }
  });

  it(`xmlsec1 --verify accepts all ${COUNT} signatures (seed ${SEED})`, async () => {
    const results = await pool(signed.map((s) => () => xmlsecVerify(s.file)));
    const failures = results.flatMap((r, i) => (r.ok ? [] : [{ ...signed[i]!, xml: undefined, output: r.output }]));
    expect(failures).toEqual([]);
    expect(results.every((r) => /SignedInfo References \(ok\/all\): 2\/2/.test(r.output))).toBe(true);
  });

  it(`xmllint --schema accepts all ${COUNT} documents with the signature set aside`, async () => {
    const results = await pool(
      signed.map((s) => () => {
        const file = join(dir, `unsigned-${s.index}.xml`);
        writeFileSync(file, withoutSignature(s.xml));
        return xmllintValidate(file, xsd);
      }),
    );
    const failures = results.flatMap((r, i) => (r.ok ? [] : [{ index: i, output: r.output }]));
    expect(failures).toEqual([]);
  });

  it('verifyXadesSignature accepts all of them and reads back what was signed', async () => {
    for (const s of signed) {
      const result = await verifyXadesSignature(s.xml);
      expect(result.errors.map((e) => e.message)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.request).toMatchObject({
        challenge: s.challenge,
        contextIdentifier: { type: 'Nip', value: s.nip },
        subjectIdentifierType: s.subjectIdentifierType,
      });
    }
  });

  it.each(Object.keys(mutations) as Array<keyof typeof mutations>)(
    'a changed %s is caught by xmlsec1 and by verifyXadesSignature (9105 DIGEST)',
    async (field) => {
      const mutated = signed.map((s) => ({ ...s, xml: mutations[field](s.xml), file: join(dir, `${field}-${s.index}.xml`) }));
      mutated.forEach((m) => writeFileSync(m.file, m.xml));
      const tool = await pool(mutated.map((m) => () => xmlsecVerify(m.file)));
      expect(tool.flatMap((r, i) => (!r.ok && /^FAIL$/m.test(r.output) ? [] : [i]))).toEqual([]);
      for (const m of mutated) {
        const result = await verifyXadesSignature(m.xml);
        expect(result.valid).toBe(false);
        expect(result.errors.map((e) => [e.code, e.reason])).toEqual([[9105, 'DIGEST']]);
        expect(result.errors[0]!.message).toBe(
          `XAdES invalid signature (9105 DIGEST): the digest of the reference to "${field === 'signingTime' ? '#SignedProperties' : ''}" does not match its content`,
        );
      }
    },
  );

  it('a swapped certificate is caught by xmlsec1 and by verifyXadesSignature (9105 SIGNING_CERTIFICATE)', async () => {
    const other = certBase64(otherCert);
    const mutated = signed.map((s) => ({
      ...s,
      xml: replaceOnce(s.xml, /<ds:X509Certificate>[^<]*<\/ds:X509Certificate>/, () => `<ds:X509Certificate>${other}</ds:X509Certificate>`),
      file: join(dir, `certificate-${s.index}.xml`),
    }));
    mutated.forEach((m) => writeFileSync(m.file, m.xml));
    const tool = await pool(mutated.map((m) => () => xmlsecVerify(m.file)));
    expect(tool.flatMap((r, i) => (!r.ok && /^FAIL$/m.test(r.output) ? [] : [i]))).toEqual([]);
    for (const m of mutated) {
      const result = await verifyXadesSignature(m.xml);
      expect(result.errors.map((e) => [e.code, e.reason])).toEqual([[9105, 'SIGNING_CERTIFICATE']]);
      expect(result.errors[0]!.message).toBe(
        'XAdES invalid signature (9105 SIGNING_CERTIFICATE): no KeyInfo certificate matches the SigningCertificate digest',
      );
    }
  });
});
