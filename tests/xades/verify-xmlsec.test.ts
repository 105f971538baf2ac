// The other direction: signatures made by xmlsec1 from XAdES templates (ours: ds:/xades: prefixes and
// exclusive C14N; and the official C# client's shape: default namespace, inclusive C14N for SignedInfo)
// are accepted by verifyXadesSignature, and the variants KSeF refuses get KSeF's codes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyXadesSignature } from '../../lib/xades/verify';
import { challengeArb, fixtureCredentials, nipArb, samples, SEED, type FixtureCredentials } from './helpers';
import {
  fillTemplate,
  libxml2CompatibleXsd,
  removeTempDirs,
  requireTools,
  tempDir,
  withoutSignature,
  xmllintValidate,
  xmlsecSign,
  xmlsecVerify,
  type TemplateValues,
} from './xmlsec';

afterAll(removeTempDirs);

const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const METHODS = {
  ec: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  rsa: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
};
const SIGNING_TIME = '2026-11-24T20:00:00+01:00';
const NOW = new Date('2026-11-24T19:05:00Z');

let dir: string;
let counter = 0;
const creds: Record<'ec' | 'rsa', FixtureCredentials> = {} as never;

function valuesFor(kind: 'ec' | 'rsa', overrides: Partial<TemplateValues> = {}): TemplateValues {
  const { certificate } = creds[kind];
  const digest = Buffer.from(certificate.fingerprintSha256, 'hex').toString('base64');
  return {
    challenge: '20261124-CR-0123456789-ABCDEF0123-4F',
    nip: '5265877635',
    signatureMethod: METHODS[kind],
    digestMethod: SHA256,
    signingTime: SIGNING_TIME,
    certDigest: digest,
    issuer: certificate.issuer,
    serial: BigInt(`0x${certificate.serialNumberHex}`).toString(10),
    ...overrides,
  };
}

/** Signs `template` (text) with xmlsec1 in a fresh file and returns the signed text. */
async function sign(kind: 'ec' | 'rsa', template: string): Promise<string> {
  const n = counter++;
  const input = join(dir, `template-${n}.xml`);
  const output = join(dir, `signed-${n}.xml`);
  writeFileSync(input, template);
  const result = await xmlsecSign(input, creds[kind].keyPath, creds[kind].certPath, output, dir);
  if (!result.ok) throw new Error(`xmlsec1 --sign failed: ${result.output}`);
  return readFileSync(output, 'utf8');
}

function codes(result: Awaited<ReturnType<typeof verifyXadesSignature>>) {
  return result.errors.map((e) => [e.code, e.reason]);
}

beforeAll(async () => {
  requireTools();
  dir = tempDir('xades-xmlsec-made-');
  creds.ec = await fixtureCredentials('ec');
  creds.rsa = await fixtureCredentials('rsa');
  writeFileSync(join(dir, 'content.xml'), '<Content>detached</Content>\n');
});

describe('signatures made by xmlsec1', () => {
  const challenges = samples(challengeArb, 3, SEED + 2);
  const nips = samples(nipArb, 3, SEED + 3);
  const cases = (['ec', 'rsa'] as const).flatMap((kind) =>
    (['prefixed', 'csharp-shaped'] as const).flatMap((template) =>
      challenges.map((challenge, i) => ({ kind, template, challenge, nip: nips[i]! })),
    ),
  );

  it.each(cases)('$kind, $template template, $challenge / $nip: valid', async ({ kind, template, challenge, nip }) => {
    const xml = await sign(kind, fillTemplate(template, valuesFor(kind, { challenge, nip })));
    const result = await verifyXadesSignature(xml, { now: NOW });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.request).toEqual({
      namespace: 'http://ksef.mf.gov.pl/auth/token/2.0',
      challenge,
      contextIdentifier: { type: 'Nip', value: nip },
      subjectIdentifierType: 'certificateSubject',
    });
    expect(result.certificate?.fingerprintSha256).toBe(creds[kind].certificate.fingerprintSha256);
    expect(result.signingTime?.toISOString()).toBe('2026-11-24T19:00:00.000Z');
  });

  it('the 2.1 namespace is read as well (KSeF accepts both since API 2.5.0)', async () => {
    const template = fillTemplate('prefixed', valuesFor('ec')).replace('auth/token/2.0', 'auth/token/2.1');
    const result = await verifyXadesSignature(await sign('ec', template), { now: NOW });
    expect(result.valid).toBe(true);
    expect(result.request?.namespace).toBe('http://ksef.mf.gov.pl/auth/token/2.1');
  });
});

describe('variants KSeF refuses', () => {
  it('an ECDSA value in ASN.1 DER instead of raw R||S: 9105 ECDSA_FORMAT (xmlsec1 refuses it too)', async () => {
    const xml = await sign('ec', fillTemplate('prefixed', valuesFor('ec')));
    const der = xml.replace(/<ds:SignatureValue>([^<]*)<\/ds:SignatureValue>/, (_, b64: string) => {
      const raw = Buffer.from(b64.replace(/\s/g, ''), 'base64');
      expect(raw.length).toBe(64);
      const int = (b: Buffer) => {
        let v = b;
        while (v.length > 1 && v[0] === 0 && v[1]! < 0x80) v = v.subarray(1);
        if (v[0]! >= 0x80) v = Buffer.concat([Buffer.from([0]), v]);
        return Buffer.concat([Buffer.from([0x02, v.length]), v]);
      };
      const body = Buffer.concat([int(raw.subarray(0, 32)), int(raw.subarray(32))]);
      return `<ds:SignatureValue>${Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64')}</ds:SignatureValue>`;
    });
    const file = join(dir, 'der-ecdsa.xml');
    writeFileSync(file, der);
    expect((await xmlsecVerify(file)).ok).toBe(false);
    const result = await verifyXadesSignature(der, { now: NOW });
    expect(codes(result)).toEqual([[9105, 'ECDSA_FORMAT']]);
    expect(result.errors[0]!.message).toMatch(
      /^XAdES invalid signature \(9105 ECDSA_FORMAT\): ECDSA SignatureValue has (70|71|72) bytes, P-256 needs 64 \(looks like ASN\.1 DER; KSeF needs raw R\|\|S\)$/,
    );
  });

  it.each([
    { what: 'a SHA-1 document digest', values: { digestMethod: SHA1 }, detail: `Reference "" uses digest algorithm "${SHA1}", only SHA-256/384/512 are accepted` },
    {
      what: 'rsa-sha1',
      values: { signatureMethod: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' },
      detail: 'signature method "http://www.w3.org/2000/09/xmldsig#rsa-sha1" is not accepted (RSA PKCS#1 v1.5 or ECDSA with SHA-2 only)',
    },
  ])('$what: xmlsec1 accepts it, KSeF (DEMO, production) and we answer 9105 ALGORITHM', async ({ values, detail }) => {
    const xml = await sign('rsa', fillTemplate('prefixed', valuesFor('rsa', values)));
    const file = join(dir, `sha1-${counter}.xml`);
    writeFileSync(file, xml);
    expect((await xmlsecVerify(file)).ok).toBe(true);
    const result = await verifyXadesSignature(xml, { now: NOW });
    expect(codes(result)).toEqual([[9105, 'ALGORITHM']]);
    expect(result.errors[0]!.message).toBe(`XAdES invalid signature (9105 ALGORITHM): ${detail}`);
  });

  it('a SHA-1 SigningCertificate digest: 9105 ALGORITHM', async () => {
    const sha1 = Buffer.from(await crypto.subtle.digest('SHA-1', creds.ec.certificate.der)).toString('base64');
    const template = fillTemplate('prefixed', valuesFor('ec', { certDigest: sha1 })).replace(
      /(<xades:CertDigest>\s*<ds:DigestMethod Algorithm=")[^"]*/,
      `$1${SHA1}`,
    );
    const result = await verifyXadesSignature(await sign('ec', template), { now: NOW });
    expect(codes(result)).toEqual([[9105, 'ALGORITHM']]);
    expect(result.errors[0]!.message).toContain('SigningCertificate/CertDigest uses digest algorithm');
  });

  const detachedTemplate = () =>
    fillTemplate('prefixed', valuesFor('ec'))
      .replace('<ds:Reference URI="">', '<ds:Reference URI="content.xml">')
      .replace(/\s*<ds:Transform Algorithm="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#enveloped-signature"\/>/, '');

  it('a detached signature (reference to another file) inside the request: 9105 NOT_ENVELOPED', async () => {
    const xml = await sign('ec', detachedTemplate());
    const file = join(dir, 'detached.xml');
    writeFileSync(file, xml);
    // Cryptographically sound (xmlsec1 resolves content.xml next to it); refused for its packaging.
    const tool = await xmlsecVerify(file, dir);
    expect(tool.output).toMatch(/^OK$/m);
    expect(tool.ok).toBe(true);
    const result = await verifyXadesSignature(xml, { now: NOW });
    expect(codes(result)).toEqual([[9105, 'NOT_ENVELOPED']]);
    expect(result.errors[0]!.message).toBe(
      'XAdES invalid signature (9105 NOT_ENVELOPED): reference to "content.xml" outside the document: detached signatures are rejected',
    );
  });

  it('a bare detached ds:Signature document instead of the request: 9101 NOT_AUTH_TOKEN_REQUEST', async () => {
    const xml = await sign('ec', detachedTemplate());
    const bare = '<?xml version="1.0" encoding="UTF-8"?>\n' + /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(xml)![0];
    const result = await verifyXadesSignature(bare, { now: NOW });
    expect(codes(result)).toEqual([[9101, 'NOT_AUTH_TOKEN_REQUEST']]);
    expect(result.errors[0]!.message).toMatch(/^XAdES invalid document \(9101 NOT_AUTH_TOKEN_REQUEST\)/);
  });

  it('a signature over the SignedProperties only, not the document: 9105 NOT_ENVELOPED', async () => {
    const template = fillTemplate('prefixed', valuesFor('ec')).replace(/<ds:Reference URI="">[\s\S]*?<\/ds:Reference>\s*/, '');
    const result = await verifyXadesSignature(await sign('ec', template), { now: NOW });
    expect(codes(result)).toEqual([[9105, 'NOT_ENVELOPED']]);
    expect(result.errors[0]!.message).toContain('expected one reference to the whole document (URI=""), found 0');
  });

  it('two signatures: 9103 TOO_MANY_SIGNATURES', async () => {
    const xml = await sign('ec', fillTemplate('prefixed', valuesFor('ec')));
    const second = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(xml)![0].replace(/sig-1/g, 'sig-2').replace(/sp-1/g, 'sp-2');
    const twice = xml.replace('</AuthTokenRequest>', `${second}</AuthTokenRequest>`);
    const result = await verifyXadesSignature(twice, { now: NOW });
    expect(codes(result)).toEqual([[9103, 'TOO_MANY_SIGNATURES']]);
    expect(result.errors[0]!.message).toBe(
      'XAdES too many signatures (9103 TOO_MANY_SIGNATURES): the document has 2 ds:Signature elements, one is allowed',
    );
  });

  it('no signature: 9102 NO_SIGNATURE', async () => {
    const result = await verifyXadesSignature(withoutSignature(fillTemplate('prefixed', valuesFor('ec'))), { now: NOW });
    expect(codes(result)).toEqual([[9102, 'NO_SIGNATURE']]);
    expect(result.errors[0]!.message).toBe('XAdES no signature (9102 NO_SIGNATURE): the document has no ds:Signature');
  });

  it('a DOCTYPE, even a harmless one: 21001 DOCTYPE, refused before parsing', async () => {
    const xml = await sign('ec', fillTemplate('prefixed', valuesFor('ec')));
    const withDtd = xml.replace('<AuthTokenRequest', '<!DOCTYPE AuthTokenRequest [<!ENTITY x "y">]>\n<AuthTokenRequest');
    const result = await verifyXadesSignature(withDtd, { now: NOW });
    expect(codes(result)).toEqual([[21001, 'DOCTYPE']]);
    expect(result.errors[0]!.message).toBe(
      'XAdES unreadable content (21001 DOCTYPE): document contains <!DOCTYPE; DTDs are not allowed',
    );
  });
});

describe('schema checks agree with xmllint on the official XSD (signed by xmlsec1, signature set aside)', () => {
  let xsd: string;
  beforeAll(() => {
    xsd = libxml2CompatibleXsd(dir);
  });
  const set = (pattern: RegExp, replacement: string) => (xml: string) => {
    if (!pattern.test(xml)) throw new Error(`${pattern} not in template`);
    return xml.replace(pattern, replacement);
  };
  const CH = /<Challenge>[^<]*<\/Challenge>/;
  const CTX = /<ContextIdentifier>[\s\S]*?<\/ContextIdentifier>/;
  const SUBJ = /<SubjectIdentifierType>[^<]*<\/SubjectIdentifierType>/;

  it.each([
    { name: 'lowercase hex in Challenge', edit: set(CH, '<Challenge>20261124-CR-0123456789-abcdef0123-4F</Challenge>'), reason: 'CHALLENGE' },
    { name: 'Challenge of 35 characters', edit: set(CH, '<Challenge>20261124-CR-0123456789-ABCDEF0123-4</Challenge>'), reason: 'CHALLENGE' },
    { name: 'NIP of 9 digits', edit: set(CTX, '<ContextIdentifier><Nip>526587763</Nip></ContextIdentifier>'), reason: 'CONTEXT_IDENTIFIER' },
    { name: 'NIP starting with 0', edit: set(CTX, '<ContextIdentifier><Nip>0265877635</Nip></ContextIdentifier>'), reason: 'CONTEXT_IDENTIFIER' },
    { name: 'NIP with a space (xsd:string keeps it)', edit: set(CTX, '<ContextIdentifier><Nip> 5265877635</Nip></ContextIdentifier>'), reason: 'CONTEXT_IDENTIFIER' },
    { name: 'InternalId without its suffix', edit: set(CTX, '<ContextIdentifier><InternalId>5265877635</InternalId></ContextIdentifier>'), reason: 'CONTEXT_IDENTIFIER' },
    { name: 'two identifiers', edit: set(CTX, '<ContextIdentifier><Nip>5265877635</Nip><Nip>5265877635</Nip></ContextIdentifier>'), reason: 'SCHEMA' },
    { name: 'an unknown identifier', edit: set(CTX, '<ContextIdentifier><Pesel>85010112345</Pesel></ContextIdentifier>'), reason: 'SCHEMA' },
    { name: 'an unknown subject type', edit: set(SUBJ, '<SubjectIdentifierType>certificatePesel</SubjectIdentifierType>'), reason: 'SCHEMA' },
    { name: 'elements out of order', edit: (x: string) => set(CH, '')(x).replace('</SubjectIdentifierType>', '</SubjectIdentifierType><Challenge>20261124-CR-0123456789-ABCDEF0123-4F</Challenge>'), reason: 'SCHEMA' },
    { name: 'a missing Challenge', edit: set(CH, ''), reason: 'SCHEMA' },
    { name: 'an extra element', edit: set(SUBJ, '<SubjectIdentifierType>certificateSubject</SubjectIdentifierType><Extra/>'), reason: 'SCHEMA' },
    { name: 'an attribute the XSD does not declare', edit: set(CH, '<Challenge lang="pl">20261124-CR-0123456789-ABCDEF0123-4F</Challenge>'), reason: 'SCHEMA' },
    { name: 'xsi:nil on an element that is not nillable', edit: set(CH, '<Challenge xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="false">20261124-CR-0123456789-ABCDEF0123-4F</Challenge>'), reason: 'SCHEMA' },
    { name: 'text directly in ContextIdentifier', edit: set(CTX, '<ContextIdentifier>NIP <Nip>5265877635</Nip></ContextIdentifier>'), reason: 'SCHEMA' },
    { name: 'the 1.0 namespace', edit: set(/auth\/token\/2\.0/, 'auth/token/1.0'), reason: 'SCHEMA' },
    { name: 'an invalid IP in AuthorizationPolicy', edit: set(SUBJ, '<SubjectIdentifierType>certificateSubject</SubjectIdentifierType><AuthorizationPolicy><AllowedIps><Ip4Address>300.1.1.1</Ip4Address></AllowedIps></AuthorizationPolicy>'), reason: 'SCHEMA' },
  ])('$name: xmllint and verifyXadesSignature both refuse it (21401 $reason)', async ({ edit, reason }) => {
    const xml = await sign('ec', edit(fillTemplate('prefixed', valuesFor('ec'))));
    const file = join(dir, `schema-${counter}.xml`);
    writeFileSync(file, withoutSignature(xml));
    const lint = await xmllintValidate(file, xsd);
    expect(lint.ok).toBe(false);
    expect(lint.output).toMatch(/Schemas validity error/);
    const result = await verifyXadesSignature(xml, { now: NOW });
    expect(codes(result)).toEqual([[21401, reason]]);
    expect(result.errors[0]!.message).toMatch(new RegExp(`^XAdES schema violation \\(21401 ${reason}\\): `));
  });

  it.each([
    { name: 'Challenge with spaces around it (xsd:token collapses them)', edit: set(CH, '<Challenge>\n  20261124-CR-0123456789-ABCDEF0123-4F  </Challenge>') },
    { name: 'InternalId', edit: set(CTX, '<ContextIdentifier><InternalId>5265877635-00017</InternalId></ContextIdentifier>') },
    { name: 'an AuthorizationPolicy', edit: set(SUBJ, '<SubjectIdentifierType>certificateSubject</SubjectIdentifierType><AuthorizationPolicy><AllowedIps><Ip4Address>192.168.0.1</Ip4Address><Ip4Mask>10.0.0.0/8</Ip4Mask></AllowedIps></AuthorizationPolicy>') },
    {
      name: 'comments and xsi:schemaLocation',
      edit: set(
        /<AuthTokenRequest [^>]*>\s*<Challenge>/,
        '<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://ksef.mf.gov.pl/auth/token/2.0 schemat_auth_v2-0.xsd"><!-- wyzwanie --><Challenge>',
      ),
    },
  ])('$name: xmllint and verifyXadesSignature both accept it', async ({ edit }) => {
    const xml = await sign('ec', edit(fillTemplate('prefixed', valuesFor('ec'))));
    const file = join(dir, `schema-ok-${counter}.xml`);
    writeFileSync(file, withoutSignature(xml));
    const lint = await xmllintValidate(file, xsd);
    expect(lint.output).toMatch(/validates/);
    expect(lint.ok).toBe(true);
    const result = await verifyXadesSignature(xml, { now: NOW });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('NipVatUe: the 2.0 XSD ends its pattern with "$", an anchor for KSeF (.NET), a literal for libxml2', async () => {
    const xml = await sign('ec', set(CTX, '<ContextIdentifier><NipVatUe>5265877635-DE123456789</NipVatUe></ContextIdentifier>')(fillTemplate('prefixed', valuesFor('ec'))));
    const file = join(dir, 'nipvatue.xml');
    writeFileSync(file, withoutSignature(xml));
    expect((await xmllintValidate(file, xsd)).output).toContain("is not accepted by the pattern");
    const result = await verifyXadesSignature(xml, { now: NOW });
    expect(result.valid).toBe(true);
    expect(result.request?.contextIdentifier).toEqual({ type: 'NipVatUe', value: '5265877635-DE123456789' });
  });
});
