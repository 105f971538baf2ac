import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_INVOICE_BYTES, readFa3 } from './fa3';
import { generateInvoiceXml } from './invoice-templates';
import { KSEF_FIXTURES } from './kit';
import { createRng } from './random';
import { validateFa3Xsd, xmllintAvailable } from './xsd';

const sample = (name: string) => readFileSync(`${KSEF_FIXTURES}${name}`, 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const basic = sample('sample-fa3-template-basic.xml').replace('#nip#', '5265877635').replace('#invoice_number#', '42');

describe('readFa3 on the official samples', () => {
  it('derives the metadata of the pdf-generator invoice', () => {
    const result = readFa3(bytes(sample('sample-fa3-invoice-pdfgen.xml')));
    expect(result).toEqual({
      ok: true,
      facts: expect.objectContaining({
        formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
        sellerNip: '5265877635',
        buyer: { identifier: { type: 'Nip', value: '6808208874' }, name: 'Strzelczyk LLC' },
        invoiceNumber: 'FA/YUCFO-4342344706/03/2026',
        issueDate: '2025-10-31',
        currency: 'PLN',
        netAmount: 27292.28,
        vatAmount: 6277.22,
        grossAmount: 33569.5,
        rodzajFaktury: 'VAT',
        invoiceType: 'Vat',
        isSelfInvoicing: false,
        hasAttachment: false,
      }),
    });
  });

  it('reads Podmiot3 of the subject3 template', () => {
    const xml = sample('sample-fa3-template-subject3.xml').replace('#nip#', '5265877635').replace('#nipOdbiorca#', '7680002466');
    const result = readFa3(bytes(xml));
    expect(result.ok && result.facts.thirdSubjects).toEqual([{ identifier: { type: 'Nip', value: '7680002466' }, name: 'Szkoła Podstawowa w Bzdziszewie', role: 8 }]);
  });

  it.each([
    ['a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(basic)]), 'Plik faktury zawiera znacznik BOM; wymagane jest UTF-8 bez BOM.'],
    ['bytes that are not UTF-8', new Uint8Array([0x3c, 0x61, 0xff, 0x3e]), 'Plik faktury nie jest poprawnie zakodowany w UTF-8.'],
    ['another declared encoding', bytes(basic.replace('encoding="UTF-8"', 'encoding="windows-1250"')), 'Deklarowane kodowanie windows-1250 jest niedozwolone; wymagane UTF-8.'],
    ['a processing instruction', bytes(basic.replace('<Faktura', '<?xml-stylesheet href="x"?><Faktura')), 'Plik faktury zawiera instrukcje przetwarzania.'],
    ['a discouraged code point', bytes(basic.replace('Elektrownia', 'Elektrownia\u0086')), 'Plik faktury zawiera niedozwolone znaki Unicode.'],
    ['another namespace', bytes(basic.replace('http://crd.gov.pl/wzor/2025/06/25/13775/', 'http://crd.gov.pl/wzor/2023/06/29/12648/')), 'Element główny musi być Faktura w przestrzeni nazw http://crd.gov.pl/wzor/2025/06/25/13775/.'],
    ['an unknown RodzajFaktury', bytes(basic.replace('<RodzajFaktury>VAT<', '<RodzajFaktury>XYZ<')), 'Nieznany rodzaj faktury XYZ.'],
    ['a malformed seller NIP', bytes(basic.replace('<NIP>5265877635</NIP>', '<NIP>0265877635</NIP>')), 'NIP sprzedawcy 0265877635 ma nieprawidłowy format.'],
    ['too many bytes', new Uint8Array(MAX_INVOICE_BYTES + 1), `Rozmiar faktury ${MAX_INVOICE_BYTES + 1} B przekracza limit ${MAX_INVOICE_BYTES} B.`],
  ])('refuses %s', (_name, input, detail) => {
    expect(readFa3(input)).toEqual({ ok: false, details: [detail] });
  });

  it('lists every missing required element', () => {
    const stripped = basic.replace(/<P_1>[^<]*<\/P_1>/, '').replace(/<P_15>[^<]*<\/P_15>/, '');
    expect(readFa3(bytes(stripped))).toEqual({ ok: false, details: ['Brak wymaganego elementu Fa/P_1.', 'Brak wymaganego elementu Fa/P_15.'] });
  });
});

describe('generateInvoiceXml', () => {
  it('fills parties, number, dates and totals per VAT rate', () => {
    const xml = generateInvoiceXml(
      {
        sellerNip: '7680002466',
        sellerName: 'Drukarnia Pod Lipą s.c. Anna i Marek Wiśniewscy',
        buyerNip: '5265877635',
        invoiceNumber: 'FV/7/2026',
        issueDate: '2026-02-10',
        lines: [
          { name: 'Ulotki', quantity: 2, unitNetPrice: 100, vatRate: 23 },
          { name: 'Książka', quantity: 1, unitNetPrice: 40, vatRate: 5 },
        ],
      },
      createRng(1),
      '2026-02-11',
    );
    const result = readFa3(bytes(xml));
    expect(result.ok && result.facts).toMatchObject({
      sellerNip: '7680002466',
      sellerName: 'Drukarnia Pod Lipą s.c. Anna i Marek Wiśniewscy',
      buyer: { identifier: { type: 'Nip', value: '5265877635' } },
      invoiceNumber: 'FV/7/2026',
      issueDate: '2026-02-10',
      netAmount: 240,
      vatAmount: 48,
      grossAmount: 288,
    });
    expect(xml).toContain('<P_13_1>200.00</P_13_1><P_14_1>46.00</P_14_1><P_13_3>40.00</P_13_3><P_14_3>2.00</P_14_3><P_15>288.00</P_15>');
  });

  it('produces invoices that satisfy schemat_FA(3)_v1-0E.xsd (checked with xmllint when installed)', async () => {
    const rng = createRng('xsd');
    const documents = [
      generateInvoiceXml({ sellerNip: '7680002466', buyerNip: '5265877635' }, rng, '2026-11-24'),
      generateInvoiceXml({ template: 'subject3', sellerNip: '7680002466', buyerNip: '5265877635', thirdSubjectNip: '1111111111' }, rng, '2026-11-24'),
    ];
    for (const doc of documents) {
      expect(readFa3(bytes(doc)).ok).toBe(true);
      const xsd = await validateFa3Xsd(bytes(doc));
      expect(xsd).toEqual({ checked: xmllintAvailable(), errors: [] });
    }
    if (xmllintAvailable()) {
      const broken = await validateFa3Xsd(bytes(documents[0]!.replace(/<P_15>/, '<P_15>x')));
      expect(broken.errors[0]).toContain("Element '{http://crd.gov.pl/wzor/2025/06/25/13775/}P_15'");
    }
  });

  it.each([
    [{ sellerNip: '123', buyerNip: '5265877635' }, '"sellerNip" must be 10 digits'],
    [{ sellerNip: '7680002466', buyerNip: 'x' }, '"buyerNip" must be 10 digits'],
    [{ sellerNip: '7680002466', buyerNip: '5265877635', issueDate: '10.02.2026' }, '"issueDate" must be YYYY-MM-DD'],
    [{ sellerNip: '7680002466', buyerNip: '5265877635', template: 'fancy' }, '"template" must be "basic" or "subject3"'],
  ])('checks its arguments: %j', (input, message) => {
    expect(() => generateInvoiceXml(input as never, createRng(1), '2026-01-01')).toThrow(new TypeError(message));
  });
});
