// The sales export (issue 12, step 5): invoices KSeF accepted, with their KSeF numbers, buyers and amounts, in
// the same Excel-safe CSV as the purchase export (lib/inbox/csv.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDecimal, sentCsvFileName, sentInvoicesToCsv, type SentCsvItem } from '../../lib/inbox/csv';

const XML = readFileSync('tests/fixtures/ksef/sample-fa3-invoice-pdfgen.xml', 'utf8');
const FACTS = {
  sellerNip: '5265877635', buyerNip: '6808208874', buyerName: 'Strzelczyk LLC', kind: 'VAT',
  number: 'FA/YUCFO-4342344706/03/2026', issueDate: '2025-10-31', currency: 'PLN', gross: '33569.50',
};
const accepted: SentCsvItem = {
  step: 'accepted', xml: XML, facts: FACTS,
  ksefNumber: '5265877635-20251031-0100001AF629-B1', acquisitionDate: '2025-10-31T23:10:00Z',
};

describe('sentInvoicesToCsv', () => {
  it('writes one row per accepted invoice with net, VAT and gross from the file, the KSeF number and the date', () => {
    const csv = sentInvoicesToCsv([accepted, { ...accepted, step: 'rejected' }, { ...accepted, step: 'queued' }], 'pl', () => 'Fundacja Otwarte Drzwi');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Data wystawienia;Numer faktury;Rodzaj faktury;Nabywca;NIP nabywcy;Netto;VAT;Brutto;Waluta;Numer KSeF;Data przyjęcia w KSeF;NIP sprzedawcy;Organizacja',
      '2025-10-31;FA/YUCFO-4342344706/03/2026;VAT;Strzelczyk LLC;6808208874;27292,28;6277,22;33569,50;PLN;5265877635-20251031-0100001AF629-B1;2025-11-01;5265877635;Fundacja Otwarte Drzwi',
      '',
    ]);
  });

  it('uses the facts of the check when the file cannot be read, and neutralises a hostile buyer name', () => {
    const item = { ...accepted, xml: '<x/>', facts: { ...FACTS, buyerName: '=HYPERLINK("http://x")' } };
    const row = sentInvoicesToCsv([item], 'en').slice(1).split('\r\n')[1]!;
    expect(row).toBe(
      '2025-10-31;FA/YUCFO-4342344706/03/2026;VAT;"\'=HYPERLINK(""http://x"")";6808208874;;;33569,50;PLN;5265877635-20251031-0100001AF629-B1;2025-11-01;5265877635;',
    );
  });

  it('writes English headers for lang en', () => {
    expect(sentInvoicesToCsv([], 'en').slice(1)).toMatch(/^Issue date;Invoice number;Invoice kind;Buyer;Buyer NIP;Net;VAT;Gross;Currency;KSeF number;/);
  });

  it.each([
    ['1230.5', '1230,5'],
    ['-12.00', '-12,00'],
    [undefined, ''],
    ['=1+1', "'=1+1"],
  ])('csvDecimal(%s) = %s', (value, expected) => {
    expect(csvDecimal(value)).toBe(expected);
  });

  it('checks its arguments and names the file', () => {
    expect(() => sentInvoicesToCsv('x' as never)).toThrow(new TypeError('"items" must be an array of outbox items'));
    expect(() => sentInvoicesToCsv([], 'de' as never)).toThrow(new TypeError('"lang" must be "pl" or "en"'));
    expect(sentCsvFileName(new Date('2026-02-10T12:00:00Z'))).toBe('faktury-wyslane-ksef-2026-02-10.csv');
  });
});
