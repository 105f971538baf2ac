// XadesError: KSeF's code for every reason, messages from the catalog in both languages, and a type
// guard that survives structured cloning (errors cross the worker/page boundary).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isXadesError,
  KSEF_EXCEPTION_DESCRIPTIONS,
  XadesError,
  xadesErrorMessage,
  type XadesReason,
} from '../../lib/xades/errors';
import { KSEF_DIR } from './helpers';

const CODES: Array<[XadesReason, number]> = [
  ['TOO_LARGE', 21001], ['DOCTYPE', 21001], ['NOT_WELL_FORMED', 21001], ['TOO_DEEP', 21001],
  ['NOT_AUTH_TOKEN_REQUEST', 9101],
  ['SCHEMA', 21401], ['CHALLENGE', 21401], ['CONTEXT_IDENTIFIER', 21401],
  ['NO_SIGNATURE', 9102], ['TOO_MANY_SIGNATURES', 9103],
  ['NOT_ENVELOPED', 9105], ['SIGNATURE_STRUCTURE', 9105], ['REFERENCES', 9105], ['ALGORITHM', 9105],
  ['QUALIFYING_PROPERTIES', 9105], ['SIGNING_TIME', 9105], ['SIGNING_CERTIFICATE', 9105], ['CERTIFICATE', 9105],
  ['ECDSA_FORMAT', 9105], ['DIGEST', 9105], ['SIGNATURE_VALUE', 9105], ['KEY_MISMATCH', 9105],
  ['UNSUPPORTED_KEY', 9105], ['SELF_CHECK', 9105],
];

describe('XadesError', () => {
  it.each(CODES)('%s is KSeF code %i', (reason, code) => {
    const error = new XadesError(reason, 'detail of the check');
    expect(error).toMatchObject({ name: 'XadesError', code, reason });
    expect(error.message).toMatch(new RegExp(`^XAdES [a-z ]+ \\(${code} ${reason}\\): detail of the check$`));
    expect(isXadesError(error)).toBe(true);
    expect(isXadesError(structuredClone({ name: error.name, code: error.code, reason: error.reason, message: error.message }))).toBe(true);
  });

  it.each(CODES)('%s has a user message in Polish and English, all placeholders filled', (reason) => {
    const error = new XadesError(reason, 'x', { certificateAlgorithm: 'EC P-384', keyAlgorithm: 'EC P-256', value: '123' });
    const pl = error.messageIn('pl');
    const en = error.messageIn('en');
    expect(pl).not.toBe(en);
    for (const text of [pl, en]) {
      expect(text).not.toMatch(/[{}]/);
      expect(text.length).toBeGreaterThan(40);
    }
  });

  it('names the KSeF code in generic messages and the algorithms in KEY_MISMATCH', () => {
    expect(xadesErrorMessage('pl', 9103, 'TOO_MANY_SIGNATURES')).toBe(
      'Dokument logowania ma więcej niż jeden podpis (kod 9103). Spróbuj zalogować się ponownie. Jeśli błąd się powtarza, zgłoś go autorom rozszerzenia.',
    );
    expect(new XadesError('KEY_MISMATCH', 'x', { certificateAlgorithm: 'EC P-256', keyAlgorithm: 'RSA 2048' }).messageIn('en')).toBe(
      'The private key does not match the certificate (certificate: EC P-256, key: RSA 2048). Load the .key file saved together with this certificate in Aplikacja Podatnika.',
    );
  });

  it.each([
    ['a plain Error', new Error('XAdES')],
    ['null', null],
    ['an unknown reason', { name: 'XadesError', code: 9105, reason: 'NOPE' }],
    ['a PkiError', { name: 'PkiError', code: 'WRONG_PASSWORD' }],
  ])('isXadesError(%s) is false', (_, value) => {
    expect(isXadesError(value)).toBe(false);
  });

  it("KSEF_EXCEPTION_DESCRIPTIONS are KSeF's own texts for POST /auth/xades-signature", () => {
    const openapi = JSON.parse(readFileSync(`${KSEF_DIR}openapi.json`, 'utf8'));
    const table: string = openapi.paths['/auth/xades-signature'].post.responses['400'].description;
    for (const [code, text] of Object.entries(KSEF_EXCEPTION_DESCRIPTIONS)) {
      expect(table).toMatch(new RegExp(`\\| ${code}\\s+\\| ${text.replace(/[.()]/g, '\\$&')}\\s+\\|`));
    }
  });
});
