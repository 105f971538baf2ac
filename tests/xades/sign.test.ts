// signAuthTokenRequest: the arguments it refuses (with codes and messages), and the document it makes,
// element by element against NOTES §3.5 and the fixtures' expected.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CertificateInfo } from '../../lib/pki';
import { signAuthTokenRequest, type SignAuthTokenRequestOptions } from '../../lib/xades/sign';
import { verifyXadesSignature } from '../../lib/xades/verify';
import { fixtureCredentials, loadFixture, PKI_DIR, readFixtureCertificate, type FixtureCredentials } from './helpers';
import { removeTempDirs, requireTools, tempDir, xmlsecVerify } from './xmlsec';

afterAll(removeTempDirs);

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const CHALLENGE = '20261124-CR-0123456789-ABCDEF0123-4F';

let ec: FixtureCredentials;
let rsa: FixtureCredentials;
const expected = () => JSON.parse(readFileSync(`${PKI_DIR}expected.json`, 'utf8')).certificates as Record<string, { fingerprintSha256: string; serialNumberHex: string; issuer: string }>;

function options(creds: FixtureCredentials, overrides: Partial<Record<keyof SignAuthTokenRequestOptions, unknown>> = {}) {
  return {
    challenge: CHALLENGE,
    contextIdentifier: { type: 'Nip', value: '5265877635' },
    subjectIdentifierType: 'certificateSubject',
    certificate: creds.certificate,
    privateKey: creds.privateKey,
    ...overrides,
  } as SignAuthTokenRequestOptions;
}

beforeAll(async () => {
  ec = await fixtureCredentials('ec');
  rsa = await fixtureCredentials('rsa');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('signAuthTokenRequest refuses bad arguments', () => {
  it.each([
    { name: 'no options', args: () => null, message: '"options" must be an object' },
    { name: 'a challenge that is not a string', args: () => options(ec, { challenge: 20261124 }), message: '"challenge" must be a string' },
    { name: 'no context identifier', args: () => options(ec, { contextIdentifier: undefined }), message: '"contextIdentifier" must be an object { type, value } with a string value' },
    { name: 'a PeppolId context', args: () => options(ec, { contextIdentifier: { type: 'PeppolId', value: 'PPL123456' } }), message: '"contextIdentifier.type" must be one of Nip, InternalId, NipVatUe' },
    { name: 'an unknown subject type', args: () => options(ec, { subjectIdentifierType: 'pesel' }), message: '"subjectIdentifierType" must be one of certificateSubject, certificateFingerprint' },
    { name: 'a certificate that is not a CertificateInfo', args: () => options(ec, { certificate: { der: 'MII…' } }), message: '"certificate" must be the CertificateInfo returned by readCertificate' },
    { name: 'no private key', args: () => options(ec, { privateKey: undefined }), message: '"privateKey" must be a private CryptoKey with the "sign" usage' },
    { name: 'an invalid signing time', args: () => options(ec, { signingTime: new Date('never') }), message: '"signingTime" must be a valid Date' },
  ])('$name: TypeError', async ({ args, message }) => {
    await expect(signAuthTokenRequest(args() as SignAuthTokenRequestOptions)).rejects.toThrow(new TypeError(message));
  });

  it('a public key: TypeError', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    await expect(signAuthTokenRequest(options(ec, { privateKey: pair.publicKey }))).rejects.toThrow(
      new TypeError('"privateKey" must be a private CryptoKey with the "sign" usage'),
    );
  });

  it.each([
    {
      name: 'a challenge in lowercase',
      args: () => options(ec, { challenge: CHALLENGE.toLowerCase() }),
      code: 21401,
      reason: 'CHALLENGE',
      pl: 'Dokument logowania nie jest zgodny ze schematem KSeF (kod 21401). Sprawdź NIP w ustawieniach profilu i zaloguj się ponownie.',
      en: "The login document does not match KSeF's schema (code 21401). Check the NIP in the profile settings and log in again.",
    },
    {
      name: 'a NIP with dashes',
      args: () => options(ec, { contextIdentifier: { type: 'Nip', value: '526-587-76-35' } }),
      code: 21401,
      reason: 'CONTEXT_IDENTIFIER',
      pl: '„526-587-76-35” nie jest poprawnym identyfikatorem firmy dla KSeF (NIP to 10 cyfr bez kresek). Popraw NIP w ustawieniach profilu.',
      en: '“526-587-76-35” is not a valid company identifier for KSeF (a NIP is 10 digits without dashes). Correct the NIP in the profile settings.',
    },
    {
      name: 'an RSA key for an EC certificate',
      args: () => options(ec, { privateKey: rsa.privateKey }),
      code: 9105,
      reason: 'KEY_MISMATCH',
      pl: 'Klucz prywatny nie pasuje do certyfikatu (certyfikat: EC P-256, klucz: RSA 2048). Wczytaj plik .key zapisany razem z tym certyfikatem w Aplikacji Podatnika.',
      en: 'The private key does not match the certificate (certificate: EC P-256, key: RSA 2048). Load the .key file saved together with this certificate in Aplikacja Podatnika.',
    },
    {
      name: 'an EC key for an RSA certificate',
      args: () => options(rsa, { privateKey: ec.privateKey }),
      code: 9105,
      reason: 'KEY_MISMATCH',
      pl: 'Klucz prywatny nie pasuje do certyfikatu (certyfikat: RSA 2048, klucz: EC P-256). Wczytaj plik .key zapisany razem z tym certyfikatem w Aplikacji Podatnika.',
      en: 'The private key does not match the certificate (certificate: RSA 2048, key: EC P-256). Load the .key file saved together with this certificate in Aplikacja Podatnika.',
    },
    {
      name: 'an RSA key shorter than 2048 bits',
      args: () => options(rsa, { certificate: { ...rsa.certificate, keyAlgorithm: 'RSA 1024' } }),
      code: 9105,
      reason: 'UNSUPPORTED_KEY',
      pl: 'Tym certyfikatem nie można zalogować się do KSeF: jego klucz (RSA 1024) nie jest obsługiwany. Użyj certyfikatu KSeF z Aplikacji Podatnika (klucz EC P-256) albo certyfikatu z kluczem RSA o długości co najmniej 2048 bitów.',
      en: 'This certificate cannot be used to log in to KSeF: its key (RSA 1024) is not supported. Use a KSeF certificate from Aplikacja Podatnika (EC P-256 key) or a certificate with an RSA key of at least 2048 bits.',
    },
  ])('$name: XadesError $code $reason', async ({ args, code, reason, pl, en }) => {
    const error = await signAuthTokenRequest(args()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'XadesError', code, reason });
    expect((error as { messageIn(l: string): string }).messageIn('pl')).toBe(pl);
    expect((error as { messageIn(l: string): string }).messageIn('en')).toBe(en);
  });

  it('a P-256 key for a P-384 certificate: KEY_MISMATCH', async () => {
    const p384 = await readFixtureCertificate('person-p384');
    const error = await signAuthTokenRequest(options(ec, { certificate: p384 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 9105, reason: 'KEY_MISMATCH', data: { certificateAlgorithm: 'EC P-384', keyAlgorithm: 'EC P-256' } });
    expect((error as Error).message).toBe('XAdES invalid signature (9105 KEY_MISMATCH): certificate key is EC P-384, private key is EC P-256');
  });

  it('an RSA key bound to SHA-1: TypeError (lib/pki imports RSA keys for SHA-256)', async () => {
    const pem = readFileSync(rsa.keyPath, 'utf8').replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
    const sha1Key = await crypto.subtle.importKey('pkcs8', Buffer.from(pem, 'base64'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign']);
    await expect(signAuthTokenRequest(options(rsa, { privateKey: sha1Key }))).rejects.toThrow(
      new TypeError('"privateKey" must be bound to SHA-256 for rsa-sha256, not SHA-1'),
    );
  });

  it('a key of the right type that is not the certificate\'s: SELF_CHECK, nothing returned', async () => {
    const stranger = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const error = await signAuthTokenRequest(options(ec, { privateKey: stranger.privateKey })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'XadesError', code: 9105, reason: 'SELF_CHECK' });
    expect((error as Error).message).toBe(
      'XAdES invalid signature (9105 SELF_CHECK): our own signature failed verification: XAdES invalid signature (9105 SIGNATURE_VALUE): the signature value does not verify with the KeyInfo certificate',
    );
    expect((error as Error).cause).toMatchObject({ reason: 'SIGNATURE_VALUE' });
    expect((error as { messageIn(l: string): string }).messageIn('pl')).toMatch(/^Podpis złożony tym kluczem nie przeszedł sprawdzenia/);
  });
});

describe('the signed document', () => {
  it.each([
    { kind: 'ec', name: 'person-tinpl-ec', method: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256', signatureBytes: 64 },
    { kind: 'rsa', name: 'person-rsa2048', method: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', signatureBytes: 256 },
  ] as const)('$kind: follows NOTES §3.5 with explicit ds:/xades: prefixes and exclusive C14N', async ({ kind, name, method, signatureBytes }) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T20:00:30.500Z'));
    const creds = kind === 'ec' ? ec : rsa;
    const xml = await signAuthTokenRequest(options(creds));
    vi.useRealTimers();

    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0"><Challenge>')).toBe(true);
    const doc = new DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;
    const root = doc.documentElement!;
    const kids = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
    expect(kids(root).map((e) => e.localName)).toEqual(['Challenge', 'ContextIdentifier', 'SubjectIdentifierType', 'Signature']);
    const signature = kids(root)[3]!;
    expect([signature.prefix, signature.namespaceURI, signature.getAttribute('Id')]).toEqual(['ds', DS, 'Signature']);
    const all = Array.from(signature.getElementsByTagName('*'));
    expect(all.filter((e) => !(e.prefix === 'ds' && e.namespaceURI === DS) && !(e.prefix === 'xades' && e.namespaceURI === XADES))).toEqual([]);
    expect(xml.slice(xml.indexOf('<ds:Signature'))).not.toMatch(/xmlns="/);

    const byName = (ns: string, local: string) => Array.from(doc.getElementsByTagNameNS(ns, local));
    const attr = (els: Element[], a: string) => els.map((e) => e.getAttribute(a));
    expect(attr(byName(DS, 'CanonicalizationMethod'), 'Algorithm')).toEqual([EXC_C14N]);
    expect(attr(byName(DS, 'SignatureMethod'), 'Algorithm')).toEqual([method]);
    expect(attr(byName(DS, 'Reference'), 'URI')).toEqual(['', '#SignedProperties']);
    expect(attr(byName(DS, 'Reference'), 'Type')).toEqual([null, 'http://uri.etsi.org/01903#SignedProperties']);
    expect(attr(byName(DS, 'Transform'), 'Algorithm')).toEqual(['http://www.w3.org/2000/09/xmldsig#enveloped-signature', EXC_C14N, EXC_C14N]);
    expect(attr(byName(DS, 'DigestMethod'), 'Algorithm')).toEqual([SHA256, SHA256, SHA256]);
    expect(attr(byName(XADES, 'QualifyingProperties'), 'Target')).toEqual(['#Signature']);
    expect(attr(byName(XADES, 'SignedProperties'), 'Id')).toEqual(['SignedProperties']);

    const text = (ns: string, local: string) => byName(ns, local).map((e) => e.textContent);
    const facts = expected()[name]!;
    expect(text(XADES, 'SigningTime')).toEqual(['2026-11-24T19:59:30Z']);
    expect(text(DS, 'X509IssuerName')).toEqual([facts.issuer]);
    expect(text(DS, 'X509SerialNumber')).toEqual([BigInt(`0x${facts.serialNumberHex}`).toString(10)]);
    expect(byName(DS, 'DigestValue').at(-1)!.textContent).toBe(Buffer.from(facts.fingerprintSha256, 'hex').toString('base64'));
    expect(Buffer.from(text(DS, 'X509Certificate')[0]!, 'base64')).toEqual(Buffer.from(creds.certificate.der));
    expect(Buffer.from(text(DS, 'SignatureValue')[0]!, 'base64').length).toBe(signatureBytes);
  });

  it('is returned exactly as verified: the unsigned request, then the signature, nothing re-serialized', async () => {
    const xml = await signAuthTokenRequest(options(ec, { subjectIdentifierType: 'certificateFingerprint' }));
    expect(xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.0">' +
        `<Challenge>${CHALLENGE}</Challenge><ContextIdentifier><Nip>5265877635</Nip></ContextIdentifier>` +
        '<SubjectIdentifierType>certificateFingerprint</SubjectIdentifierType></AuthTokenRequest>',
    );
    expect((await verifyXadesSignature(xml)).valid).toBe(true);
  });

  it.each([
    { type: 'InternalId', value: '5265877635-00017' },
    { type: 'NipVatUe', value: '5265877635-DE123456789' },
  ] as const)('a $type context: verified by us and by xmlsec1', async (contextIdentifier) => {
    requireTools();
    const xml = await signAuthTokenRequest(options(rsa, { contextIdentifier }));
    expect(xml).toContain(`<ContextIdentifier><${contextIdentifier.type}>${contextIdentifier.value}</${contextIdentifier.type}></ContextIdentifier>`);
    expect((await verifyXadesSignature(xml)).request?.contextIdentifier).toEqual(contextIdentifier);
    const file = join(tempDir(), 'context.xml');
    writeFileSync(file, xml);
    expect((await xmlsecVerify(file)).output).toMatch(/^OK$/m);
  });

  it.each([
    { name: 'person-p384', method: 'ecdsa-sha384', bytes: 96 },
    { name: 'person-p521', method: 'ecdsa-sha512', bytes: 132 },
    { name: 'person-rsa4096', method: 'rsa-sha256', bytes: 512 },
    { name: 'seal-vatpl-ec', method: 'ecdsa-sha256', bytes: 64 },
    { name: 'person-pnopl-ec', method: 'ecdsa-sha256', bytes: 64 },
  ])('$name (loaded with loadCredentials): $method, verified by us and by xmlsec1', async ({ name, method, bytes }) => {
    requireTools();
    const creds = await loadFixture(name);
    const xml = await signAuthTokenRequest(options({ ...ec, ...creds }));
    expect(xml).toContain(`<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#${method}"/>`);
    expect(Buffer.from(/<ds:SignatureValue>([^<]*)</.exec(xml)![1]!, 'base64').length).toBe(bytes);
    expect((await verifyXadesSignature(xml)).certificate?.fingerprintSha256).toBe(expected()[name]!.fingerprintSha256);
    const file = join(tempDir(), `${name}.xml`);
    writeFileSync(file, xml);
    expect((await xmlsecVerify(file)).output).toMatch(/^OK$/m);
  });

  it('uses the issuer name exactly as CertificateInfo gives it, XML-escaped', async () => {
    const certificate: CertificateInfo = { ...ec.certificate, issuer: 'CN=A\\, B & <C>,O=Ministerstwo Finansów,C=PL' };
    const xml = await signAuthTokenRequest(options(ec, { certificate }));
    expect(xml).toContain('<ds:X509IssuerName>CN=A\\, B &amp; &lt;C&gt;,O=Ministerstwo Finansów,C=PL</ds:X509IssuerName>');
    expect((await verifyXadesSignature(xml)).valid).toBe(true);
  });
});
