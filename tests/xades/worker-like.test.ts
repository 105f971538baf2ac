// lib/xades as an MV3 service worker runs it: `self` exists (so xml-core and xmldsigjs take their
// browser paths), DOMParser, XMLSerializer and document do not. Modules are loaded after the stage is set.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureCredentials } from './helpers';

beforeAll(() => {
  (globalThis as { self?: unknown }).self = globalThis;
});
afterAll(() => {
  delete (globalThis as { self?: unknown }).self;
});

it('signs and verifies with no DOMParser, XMLSerializer or document', async () => {
  expect([typeof DOMParser, typeof XMLSerializer, typeof document, typeof self]).toEqual(['undefined', 'undefined', 'undefined', 'object']);
  const { signAuthTokenRequest, verifyXadesSignature } = await import('../../lib/xades');
  for (const kind of ['ec', 'rsa'] as const) {
    const creds = await fixtureCredentials(kind);
    const xml = await signAuthTokenRequest({
      challenge: '20261124-CR-0123456789-ABCDEF0123-4F',
      contextIdentifier: { type: 'Nip', value: '5265877635' },
      subjectIdentifierType: 'certificateSubject',
      certificate: creds.certificate,
      privateKey: creds.privateKey,
    });
    const result = await verifyXadesSignature(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  }
});
