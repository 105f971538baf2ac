import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidNip, nipErrorMessage, normalizeNip, validateNip } from '../../lib/pki/nip';

const expected = JSON.parse(readFileSync(new URL('../fixtures/pki/expected.json', import.meta.url), 'utf8')) as {
  nips: Record<string, string>;
};

describe('isValidNip (NOTES §11: weights 6,5,7,2,3,4,5,6,7, mod 11)', () => {
  it.each([...Object.values(expected.nips), '5265877635', '7680002466', '1111111111', '1234563218'])('%s is valid', (nip) => {
    expect(isValidNip(nip)).toBe(true);
  });

  it.each([
    ['8976111986', 'the docs sample NIP (NOTES §4.2) fails the checksum'],
    ['5265877636', 'last digit off by one'],
    ['5265877634', 'last digit off by one'],
    ['2565877635', 'two digits swapped'],
    ['0000000000', 'checksum 0 works, but KSeF’s pattern refuses a leading 0'],
    ['1001234563', 'KSeF’s pattern refuses 00 as digits 2–3'],
    ['526587763', 'nine digits'],
    ['52658776350', 'eleven digits'],
    ['526-587-76-35', 'not normalised'],
    ['', 'empty'],
  ])('%s is invalid (%s)', (nip) => {
    expect(isValidNip(nip)).toBe(false);
  });

  it.each(Array.from({ length: 10 }, (_, d) => `123456789${d}`))(
    '%s is invalid whatever the last digit: the weighted sum of 123456789 leaves 10',
    (nip) => {
      expect(isValidNip(nip)).toBe(false);
    },
  );

  it('rejects a non-string argument with a TypeError', () => {
    expect(() => isValidNip(5265877635 as never)).toThrow(new TypeError('"nip" must be a string'));
  });
});

describe('normalizeNip', () => {
  it.each([
    ['5265877635', '5265877635'],
    ['526-587-76-35', '5265877635'],
    ['526-58-77-635', '5265877635'],
    ['526 587 76 35', '5265877635'],
    [' 5265877635\n', '5265877635'],
    ['PL5265877635', '5265877635'],
    ['pl 526-587-76-35', '5265877635'],
    ['526\u00a0587\u00a076\u00a035', '5265877635'],
    ['8976111986', '8976111986'], // format only: the checksum is isValidNip's job
  ])('%j → %s', (input, nip) => {
    expect(normalizeNip(input)).toBe(nip);
  });

  it.each(['', '526587763', '52658776351', 'NIP', 'abcdefghij', 'DE5265877635', '526.587.76.35', '52658776x5', 'PLPL5265877635'])(
    '%j → null',
    (input) => {
      expect(normalizeNip(input)).toBeNull();
    },
  );

  it('rejects a non-string argument with a TypeError', () => {
    expect(() => normalizeNip(null as never)).toThrow(new TypeError('"input" must be a string'));
  });
});

describe('validateNip with catalog messages', () => {
  it.each([
    ['526-587-76-35', { ok: true, nip: '5265877635' }],
    ['PL 768 000 24 66', { ok: true, nip: '7680002466' }],
    ['8976111986', { ok: false, code: 'NIP_CHECKSUM' }],
    ['526-587-76-36', { ok: false, code: 'NIP_CHECKSUM' }],
    ['0000000000', { ok: false, code: 'NIP_CHECKSUM' }],
    ['12345', { ok: false, code: 'NIP_FORMAT' }],
    ['', { ok: false, code: 'NIP_FORMAT' }],
  ])('%j → %j', (input, result) => {
    expect(validateNip(input)).toEqual(result);
  });

  it.each([
    ['NIP_FORMAT', 'pl', 'NIP ma 10 cyfr (myślniki i spacje są dozwolone).'],
    ['NIP_FORMAT', 'en', 'A NIP has 10 digits (dashes and spaces are allowed).'],
    ['NIP_CHECKSUM', 'pl', 'Ten NIP ma błędną cyfrę kontrolną – sprawdź, czy nie ma literówki.'],
    ['NIP_CHECKSUM', 'en', 'This NIP has a wrong check digit; look for a typo.'],
  ] as const)('%s in %s', (code, lang, message) => {
    expect(nipErrorMessage(lang, code)).toBe(message);
  });
});
