// verifyXadesSignature on our own signatures, changed one way at a time: each change gets the code
// KSeF answers with and a message naming the check. It never throws, whatever it is given.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_TIME_TOLERANCE_MS, verifyXadesSignature } from '../../lib/xades/verify';
import { signAuthTokenRequest } from '../../lib/xades/sign';
import type { XadesErrorCode } from '../../lib/xades/errors';
import { fixtureCredentials, SEED, type FixtureCredentials } from './helpers';

const SIGNED_AT = new Date('2026-11-24T19:00:00Z');
const NOW = new Date('2026-11-24T19:01:00Z');
const CHALLENGE = '20261124-CR-0123456789-ABCDEF0123-4F';
const KNOWN_CODES: XadesErrorCode[] = [9101, 9102, 9103, 9105, 21001, 21401];

let ec: FixtureCredentials;
let signed: string;

async function signAt(signingTime: Date) {
  return signAuthTokenRequest({
    challenge: CHALLENGE,
    contextIdentifier: { type: 'Nip', value: '5265877635' },
    subjectIdentifierType: 'certificateSubject',
    certificate: ec.certificate,
    privateKey: ec.privateKey,
    signingTime,
  });
}

beforeAll(async () => {
  ec = await fixtureCredentials('ec');
  signed = await signAt(SIGNED_AT);
});

function edit(pattern: RegExp | string, replacement: string | ((m: string) => string)) {
  return (xml: string) => {
    const out = xml.replace(pattern, replacement as string);
    if (out === xml) throw new Error(`edit ${pattern} changed nothing`);
    return out;
  };
}

const SIGNATURE = /<ds:Signature[\s\S]*<\/ds:Signature>/;
const flipSignatureByte = (m: string) => {
  const b64 = m.replace(/<[^>]+>/g, '');
  const bytes = Buffer.from(b64, 'base64');
  bytes[10] = bytes[10]! ^ 0x01;
  return `<ds:SignatureValue>${bytes.toString('base64')}</ds:SignatureValue>`;
};

describe('verifyXadesSignature', () => {
  it('accepts our signature and reports what it read', async () => {
    const result = await verifyXadesSignature(signed, { now: NOW });
    expect(result).toMatchObject({ valid: true, errors: [], signingTime: SIGNED_AT });
    expect(result.request).toEqual({
      namespace: 'http://ksef.mf.gov.pl/auth/token/2.0',
      challenge: CHALLENGE,
      contextIdentifier: { type: 'Nip', value: '5265877635' },
      subjectIdentifierType: 'certificateSubject',
    });
    expect(result.certificate).toEqual(ec.certificate);
  });

  it.each([
    { name: 'the signature first instead of last', change: (x: string) => { const s = SIGNATURE.exec(x)![0]; return x.replace(s, '').replace('<Challenge>', `${s}<Challenge>`); }, code: 9105, reason: 'NOT_ENVELOPED', detail: 'ds:Signature must be the last child of AuthTokenRequest (enveloped)' },
    { name: 'the signature inside ContextIdentifier', change: (x: string) => { const s = SIGNATURE.exec(x)![0]; return x.replace(s, '').replace('</Nip>', `</Nip>${s}`); }, code: 9105, reason: 'NOT_ENVELOPED', detail: 'ds:Signature must be the last child of AuthTokenRequest (enveloped)' },
    { name: 'a QualifyingProperties Target naming another signature', change: edit('Target="#Signature"', 'Target="#Other"'), code: 9105, reason: 'QUALIFYING_PROPERTIES', detail: 'QualifyingProperties Target "#Other" does not name the signature' },
    { name: 'no SigningCertificate', change: edit(/<xades:SigningCertificate>[\s\S]*<\/xades:SigningCertificate>/, ''), code: 9105, reason: 'QUALIFYING_PROPERTIES', detail: 'SignedSignatureProperties has no SigningCertificate' },
    { name: 'no QualifyingProperties', change: edit(/<ds:Object>[\s\S]*<\/ds:Object>/, ''), code: 9105, reason: 'QUALIFYING_PROPERTIES', detail: `expected one xades:QualifyingProperties (http://uri.etsi.org/01903/v1.3.2#), found 0` },
    { name: 'no Type on the SignedProperties reference', change: edit(/ Type="[^"]*"/, ''), code: 9105, reason: 'QUALIFYING_PROPERTIES', detail: 'SignedInfo must have one reference of Type SignedProperties to the SignedProperties element' },
    { name: 'no SigningTime', change: edit(/<xades:SigningTime>[^<]*<\/xades:SigningTime>/, ''), code: 9105, reason: 'SIGNING_TIME', detail: 'SignedSignatureProperties has no SigningTime' },
    { name: 'a SigningTime that is not a date', change: edit(/<xades:SigningTime>[^<]*</, '<xades:SigningTime>yesterday<'), code: 9105, reason: 'SIGNING_TIME', detail: 'SigningTime "yesterday" is not an xsd:dateTime' },
    { name: 'RSA-PSS', change: edit('xmldsig-more#ecdsa-sha256', 'xmldsig-more#sha256-rsa-MGF1'), code: 9105, reason: 'ALGORITHM', detail: 'signature method "http://www.w3.org/2001/04/xmldsig-more#sha256-rsa-MGF1" is not accepted (RSA PKCS#1 v1.5 or ECDSA with SHA-2 only)' },
    { name: 'an RSA method with an EC certificate', change: edit('xmldsig-more#ecdsa-sha256', 'xmldsig-more#rsa-sha256'), code: 9105, reason: 'ALGORITHM', detail: 'signature method http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 does not fit the certificate\'s EC P-256' },
    { name: 'an XPath transform', change: edit('<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>'), code: 9105, reason: 'ALGORITHM', detail: 'transform "http://www.w3.org/TR/1999/REC-xpath-19991116" is not supported' },
    { name: 'an unknown canonicalization', change: edit('<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>', '<ds:CanonicalizationMethod Algorithm="urn:none"/>'), code: 9105, reason: 'ALGORITHM', detail: 'canonicalization "urn:none" is not supported' },
    { name: 'an Id used twice', change: edit('<ds:KeyInfo>', '<ds:KeyInfo Id="SignedProperties">'), code: 9105, reason: 'REFERENCES', detail: 'Id "SignedProperties" appears more than once' },
    { name: 'a reference to nothing', change: edit('</ds:SignedInfo>', '<ds:Reference URI="#nowhere"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>'), code: 9105, reason: 'REFERENCES', detail: 'element referenced by "#nowhere" not found in the signature' },
    { name: 'an unknown element in ds:Signature', change: edit('<ds:KeyInfo>', '<ds:Extra/><ds:KeyInfo>'), code: 9105, reason: 'SIGNATURE_STRUCTURE', detail: 'ds:Signature children are SignedInfo, SignatureValue, Extra, KeyInfo, Object; expected SignedInfo, SignatureValue, KeyInfo?, Object*' },
    { name: 'a SignatureValue that is not base64', change: edit(/<ds:SignatureValue>[^<]*</, '<ds:SignatureValue>not base64!<'), code: 9105, reason: 'SIGNATURE_STRUCTURE', detail: 'SignatureValue is not base64' },
    { name: 'no KeyInfo', change: edit(/<ds:KeyInfo>[\s\S]*<\/ds:KeyInfo>/, ''), code: 9105, reason: 'CERTIFICATE', detail: 'KeyInfo carries no X509Certificate' },
    { name: 'another serial in IssuerSerial', change: edit(/<ds:X509SerialNumber>\d+</, '<ds:X509SerialNumber>12345<'), code: 9105, reason: 'SIGNING_CERTIFICATE', detail: 'IssuerSerial serial 12345 is not the certificate\'s ' },
    { name: 'a 63-byte ECDSA value', change: edit(/<ds:SignatureValue>[^<]*</, (m) => `<ds:SignatureValue>${Buffer.from(m.slice(19, -1), 'base64').subarray(1).toString('base64')}<`), code: 9105, reason: 'ECDSA_FORMAT', detail: 'ECDSA SignatureValue has 63 bytes, P-256 needs 64' },
    { name: 'one changed bit in the signature value', change: edit(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, flipSignatureByte), code: 9105, reason: 'SIGNATURE_VALUE', detail: 'the signature value does not verify with the KeyInfo certificate' },
    { name: 'another root element', change: (x: string) => x.replace('<AuthTokenRequest ', '<TokenRequest ').replace('</AuthTokenRequest>', '</TokenRequest>'), code: 21401, reason: 'SCHEMA', detail: 'root element is {http://ksef.mf.gov.pl/auth/token/2.0}TokenRequest, expected {http://ksef.mf.gov.pl/auth/token/2.0}AuthTokenRequest' },
    { name: 'a document of 64 kB and more', change: edit('<Challenge>', `<!--${'x'.repeat(64 * 1024)}--><Challenge>`), code: 21001, reason: 'TOO_LARGE', detail: 'document has ' },
    { name: 'elements nested 30 deep', change: edit('</ds:Object>', `${'<x>'.repeat(30)}${'</x>'.repeat(30)}</ds:Object>`), code: 21001, reason: 'TOO_DEEP', detail: 'elements are nested more than 24 levels deep' },
    { name: 'a cut-off document', change: (x: string) => x.slice(0, -20), code: 21001, reason: 'NOT_WELL_FORMED', detail: 'document is not well-formed XML: ' },
    { name: 'an ENTITY declaration anywhere', change: edit('<Challenge>', '<!--<!ENTITY x "y">--><Challenge>'), code: 21001, reason: 'DOCTYPE', detail: 'document contains <!ENTITY; DTDs are not allowed' },
  ])('$name: $code $reason', async ({ change, code, reason, detail }) => {
    const result = await verifyXadesSignature(change(signed), { now: NOW });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.code, e.reason])).toEqual([[code, reason]]);
    expect(result.errors[0]!.message).toContain(detail);
    expect(result.errors[0]!.name).toBe('XadesError');
  });

  it('keeps what it could read when the signature fails', async () => {
    const result = await verifyXadesSignature(edit(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, flipSignatureByte)(signed), { now: NOW });
    expect(result.valid).toBe(false);
    expect(result.request?.challenge).toBe(CHALLENGE);
    expect(result.certificate?.fingerprintSha256).toBe(ec.certificate.fingerprintSha256);
    expect(result.signingTime).toEqual(SIGNED_AT);
  });

  it(`refuses a SigningTime more than ${SIGNING_TIME_TOLERANCE_MS / 60_000} minutes ahead of its clock`, async () => {
    const ahead = await signAt(new Date(NOW.getTime() + SIGNING_TIME_TOLERANCE_MS + 60_000));
    const refused = await verifyXadesSignature(ahead, { now: NOW });
    expect(refused.errors.map((e) => e.message)).toEqual([
      'XAdES invalid signature (9105 SIGNING_TIME): SigningTime 2026-11-24T19:12:00.000Z is in the future',
    ]);
    const accepted = await verifyXadesSignature(ahead, { now: new Date(NOW.getTime() + 2 * 60_000) });
    expect(accepted.valid).toBe(true);
  });

  it.each([
    { input: 42, detail: 'the document must be a string' },
    { input: null, detail: 'the document must be a string' },
    { input: '', detail: 'document is not well-formed XML' },
    { input: 'KSeF', detail: 'document is not well-formed XML' },
  ])('answers 21001 for $input instead of throwing', async ({ input, detail }) => {
    const result = await verifyXadesSignature(input as string);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.code).toBe(21001);
    expect(result.errors[0]!.message).toContain(detail);
  });

  it(`never throws and always answers with one of KSeF's codes (fast-check, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(signed.length - 1), fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 8 }), async (at, length, insert) => {
        const changed = signed.slice(0, at) + insert + signed.slice(at + length);
        const result = await verifyXadesSignature(changed, { now: NOW });
        expect(result.valid).toBe(result.errors.length === 0);
        for (const e of result.errors) expect(KNOWN_CODES).toContain(e.code);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
