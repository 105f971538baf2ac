import { describe, expect, it } from 'vitest';
import {
  foldText,
  matchesSearchWords,
  MAX_SEARCH_WORDS,
  MAX_TERM,
  searchTermsOf,
  searchWords,
} from '../../lib/store/search-terms';
import { metadata } from '../inbox/helpers';

// metadata(0): Żółta Łódź Sp. z o.o., NIP 5261040828, FV/0/2025, KSeF 5261040828-20260115-000000000000-00, buyer 5265877635
const m = metadata(0);

describe('searchTermsOf', () => {
  it('indexes the parts of the KSeF number, the invoice number, both NIPs and the folded seller name', () => {
    expect(searchTermsOf(m)).toEqual([
      '0/2025',
      '000000000000-00',
      '2025',
      '20260115-000000000000-00',
      '5261040828-20260115-000000000000-00',
      '5265877635',
      'fv/0/2025',
      'lodz sp. z o.o.',
      'o.o.',
      'sp. z o.o.',
      'z o.o.',
      'zolta lodz sp. z o.o.',
    ]);
  });

  it('starts a part where letters meet digits in an invoice number, and drops terms that prefix others', () => {
    const terms = searchTermsOf(metadata(1, { invoiceNumber: 'FV2025/001', seller: { nip: 'PL 774-000-14-54', name: null } }));
    expect(terms).toEqual(expect.arrayContaining(['fv2025/001', '2025/001', '001', '7740001454-20260115-000000000001-01']));
    // The seller's NIP starts the KSeF number: no entry of its own.
    expect(terms).not.toContain('7740001454');
  });

  it("stores no buyer NIP equal to the profile's own, and still matches it from the metadata", () => {
    const own = searchTermsOf(m, MAX_TERM, '5265877635');
    expect(own).toEqual(searchTermsOf(m).filter((term) => term !== '5265877635'));
    expect(searchTermsOf(m, MAX_TERM, '1111111111')).toEqual(searchTermsOf(m));
    expect(matchesSearchWords({ metadata: m, searchTerms: own }, searchWords('PL 526-587-76-35'))).toBe(true);
    expect(matchesSearchWords({ metadata: m, searchTerms: own }, searchWords('5265877'))).toBe(true);
    expect(matchesSearchWords({ metadata: m, searchTerms: own }, searchWords('1111111111'))).toBe(false);
  });

  it('cuts long terms to MAX_TERM', () => {
    const terms = searchTermsOf(metadata(2, { seller: { nip: '1132853869', name: 'Przedsiębiorstwo '.repeat(10) } }));
    expect(Math.max(...terms.map((t) => t.length))).toBe(MAX_TERM);
  });

  it('indexes at most 32 parts of the first 256 characters of a field, whatever its length', () => {
    const hostile = metadata(4, { seller: { nip: '1132853869', name: 'a b '.repeat(25_000) }, invoiceNumber: '1/'.repeat(128) });
    const terms = searchTermsOf(hostile);
    expect(terms.length).toBeLessThan(80);
    expect(terms.join('').length).toBeLessThan(80 * MAX_TERM);
  });

  it('indexes a foreign buyer identifier folded, and never throws on a stored shape it does not expect', () => {
    const eu = metadata(3, { buyer: { identifier: { type: 'VatUe', value: 'DE 123456789' }, name: null } });
    expect(searchTermsOf(eu)).toContain('de 123456789');
    expect(searchTermsOf({} as never)).toEqual([]);
    expect(searchTermsOf({ ksefNumber: 5, seller: null } as never)).toEqual([]);
  });
});

describe('searchWords', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['ŻÓŁTA  łódź', [['zolta'], ['lodz']]],
    ['PL 526 104 08 28', [['5261040828']]],
    ['526-104-08-28', [['5261040828']]],
    ['526-104', [['526-104', '526104']]],
    ['„Bilans”, s.c.', [['bilans'], ['s.c']]],
    ['fv/777/', [['fv/777']]],
    ['– / .', []],
    ['lodz lodz', [['lodz']]],
  ])('%j', (text, expected) => {
    expect(searchWords(text)).toEqual(expected);
  });

  it('folds a 36-character KSeF number into the 35-character one', () => {
    expect(searchWords('5265877635-20260203-0100AB-CD0123-FF')).toEqual([['5265877635-20260203-0100abcd0123-ff']]);
  });

  it(`keeps at most ${MAX_SEARCH_WORDS} words and reads at most 200 characters`, () => {
    expect(searchWords('a b c d e f g h i j k')).toHaveLength(MAX_SEARCH_WORDS);
    expect(searchWords(`${'x'.repeat(199)}yz`)).toEqual([['x'.repeat(199) + 'y']]);
  });

  it('checks its argument', () => {
    expect(() => searchWords(5 as never)).toThrow(new TypeError('"search" must be a string'));
  });
});

describe('matchesSearchWords', () => {
  const record = { metadata: m, searchTerms: searchTermsOf(m) };
  it.each([
    ['seller name without Polish marks', 'zolta lodz', true],
    ['seller name in upper case with marks', 'ŻÓŁTA', true],
    ['collapsed whitespace', '  żółta    łódź ', true],
    ['a word from the start of the name', 'zol', true],
    ['name words in another order', 'lodz zolta', true],
    ['invoice number', 'FV/0/2025', true],
    ['invoice number from a later part', '0/2025', true],
    ['KSeF number', '5261040828-20260115-000000000000-00', true],
    ['KSeF number from its date part', '20260115-000000000000', true],
    ['seller NIP', '5261040828', true],
    ['seller NIP with dashes', '526-104-08-28', true],
    ['seller NIP with PL prefix', 'PL 5261040828', true],
    ['the start of a NIP with a dash', '526-10', true],
    ['buyer NIP', '5265877635', true],
    ['another seller', 'bilans', false],
    ['another NIP', '7740001454', false],
    ['one word matching, one not', 'zolta bilans', false],
    ['the middle of a part', 'olta', false],
  ])('%s', (_, text, expected) => {
    expect(matchesSearchWords(record, searchWords(text))).toBe(expected);
  });

  it('compares a word longer than MAX_TERM with the uncut terms', () => {
    const long = metadata(5, { seller: { nip: '1132853869', name: `Hurtownia ${'a'.repeat(60)} Świt` } });
    const stored = { metadata: long, searchTerms: searchTermsOf(long) };
    expect(matchesSearchWords(stored, searchWords(`hurtownia ${'a'.repeat(60)}`))).toBe(true);
    expect(matchesSearchWords(stored, searchWords(`hurtownia ${'a'.repeat(59)}b`))).toBe(false);
  });

  it('works on a record without stored terms', () => {
    expect(matchesSearchWords({ metadata: m }, searchWords('zolta'))).toBe(true);
  });
});

describe('foldText', () => {
  it('drops Polish marks, lower-cases and collapses whitespace', () => {
    expect(foldText('  ŻÓŁĆ  Ęą\tśń ')).toBe('zolc ea sn');
  });
});
