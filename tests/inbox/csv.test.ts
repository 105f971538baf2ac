import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvAmount, csvCell, csvDate, csvFileName, invoicesToCsv } from '../../lib/inbox/csv';
import { record } from './helpers';

describe('csvCell', () => {
  it.each([
    ['plain', 'Hurtownia ŚWIT', 'Hurtownia ŚWIT'],
    ['semicolon is quoted', 'A;B', '"A;B"'],
    ['quote is doubled', 'Firma "X"', '"Firma ""X"""'],
    ['line break is quoted', 'a\nb', '"a\nb"'],
    ['formula =', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['formula +', '+48 123', "'+48 123"],
    ['formula -', '-2+3', "'-2+3"],
    ['formula @', '@SUM(A1)', "'@SUM(A1)"],
    ['tab start', '\tx', "'\tx"],
    ['carriage return start', '\rx', "\"'\rx\""],
    ['number', 12, '12'],
    ['null', null, ''],
    ['undefined', undefined, ''],
  ] as const)('%s', (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('rejects other types with a TypeError naming the argument', () => {
    expect(() => csvCell({} as never)).toThrow(new TypeError('"value" must be a string, a number, null or undefined'));
  });
});

describe('csvAmount and csvDate', () => {
  it.each([
    [1234.5, '1234,50'],
    [0, '0,00'],
    [-12.345, '-12,35'],
    [1e6, '1000000,00'],
    [Number.NaN, ''],
  ])('csvAmount(%s) = %s', (value, expected) => {
    expect(csvAmount(value)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-01-31'],
    ['2026-01-31T23:30:00Z', '2026-02-01'], // Polish time: already the next day
    ['2026-07-15T10:00:00+02:00', '2026-07-15'],
  ])('csvDate(%s) = %s', (value, expected) => {
    expect(csvDate(value)).toBe(expected);
  });

  it('names the file with the Polish date', () => {
    expect(csvFileName(new Date('2026-02-10T12:00:00Z'))).toBe('faktury-ksef-2026-02-10.csv');
  });
});

describe('invoicesToCsv', () => {
  it('writes a BOM, a Polish header, semicolons, decimal commas, ISO dates and CRLF', () => {
    const csv = invoicesToCsv([record(1, { grossAmount: 1230.5, netAmount: 1000.41, vatAmount: 230.09 }, 'booked')], 'pl');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toBe(
      'Data wystawienia;Numer faktury;Sprzedawca;NIP sprzedawcy;Netto;VAT (PLN);Brutto;Waluta;Numer KSeF;Data przyjęcia w KSeF;Status',
    );
    expect(lines[1]!.split(';')).toEqual([
      '2025-01-02',
      'FV/1/2025',
      'Biuro Rachunkowe „Bilans” s.c.',
      '7740001454',
      '1000,41',
      '230,09',
      '1230,50',
      'PLN',
      '7740001454-20260115-000000000001-01',
      '2026-01-01',
      'Zaksięgowana',
    ]);
  });

  it('neutralises a hostile seller name so Excel shows it as text', () => {
    const csv = invoicesToCsv([record(2, { seller: { nip: '5261040828', name: '=cmd|"/c calc"!A1' } })]);
    expect(csv).toContain(';"\'=cmd|""/c calc""!A1";');
  });

  it('writes English headers and states for lang en', () => {
    const csv = invoicesToCsv([record(3)], 'en');
    expect(csv.slice(1).split('\r\n')[0]).toMatch(/^Issue date;Invoice number;Seller;/);
    expect(csv).toContain(';New\r\n');
  });

  it('checks its arguments', () => {
    expect(() => invoicesToCsv('x' as never)).toThrow(new TypeError('"records" must be an array of invoice records'));
    expect(() => invoicesToCsv([], 'de' as never)).toThrow(new TypeError('"lang" must be "pl" or "en"'));
  });
});
