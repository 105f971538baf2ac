import { describe, expect, it } from 'vitest';
import { parseInvoice } from '../../lib/invoice/parse';
import type { InvoiceView } from '../../lib/invoice/types';
import { filledTemplate, fixtureBytes, fixtureText, TEMPLATE_NIPS } from './fixtures';

/** Sum of decimal strings with two fraction digits, in cents, computed here without lib/invoice. */
function cents(values: (string | undefined)[]): bigint {
  return values.reduce((sum, v) => {
    const [int, frac = ''] = (v ?? '0').replace('-', '').split('.');
    const abs = BigInt(int!) * 100n + BigInt(frac.padEnd(2, '0'));
    return sum + (v?.startsWith('-') ? -abs : abs);
  }, 0n);
}

/** Every leaf of the view: only strings, finite numbers and booleans are allowed. */
function leaves(value: unknown, path = '$', out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  } else out.push([path, value]);
  return out;
}

describe('parseInvoice: the official sample invoices', () => {
  it('reads the complete VAT invoice of the PDF generator (sample-fa3-invoice-pdfgen.xml)', () => {
    const view = parseInvoice(fixtureBytes('ksef/sample-fa3-invoice-pdfgen.xml'));
    expect(view).toMatchObject({
      schema: 'FA(3)',
      kind: 'VAT',
      kindLabel: 'Faktura VAT',
      number: 'FA/YUCFO-4342344706/03/2026',
      issueDate: '2025-10-31',
      saleDate: '2025-10-03',
      place: 'Czarnków',
      currency: 'PLN',
      seller: {
        name: 'Bartkowiak, Dróżdż and Górecki',
        nip: '5265877635',
        address: { countryCode: 'PL', line1: 'ul. Kępa 332', line2: '20-892 Tyszowce' },
        contacts: [{ email: 'Prokop77@example.com', phone: '17-756-90-14' }],
      },
      buyer: {
        name: 'Strzelczyk LLC',
        nip: '6808208874',
        address: { countryCode: 'PL', line1: 'ul. Wójcik 7255', line2: '28-068 Pobiedziska' },
        customerNumber: 'KL-7615',
      },
      thirdParties: [],
      vatSummary: [{ group: 'basic', rateLabel: '23%', net: '27292.28', vat: '6277.22' }],
      totals: { net: '27292.28', vat: '6277.22', gross: '33569.50' },
      payment: { paid: true, paymentDate: '2025-10-31', method: '7', methodLabel: 'Płatność mobilna', bankAccounts: [] },
      createdAt: '2026-03-22T03:27:54.0792168Z',
      systemInfo: 'Generator danych',
    });
    expect(view.lines).toHaveLength(13);
    expect(view.lines[1]).toEqual({
      number: '2',
      name: expect.stringMatching(/^Handcrafted Wooden Gloves .* Licensed Concrete Ba$/),
      unit: 'szt.',
      quantity: '7',
      unitNetPrice: '130.83',
      net: '915.81',
      rate: '23',
      rateLabel: '23%',
      before: false,
    });
    // P_7 spans several indented lines in the file; xsd:token collapses that whitespace.
    expect(view.lines[0]!.name).not.toMatch(/\s{2}|\n/);
    expect(cents(view.lines.map((l) => l.net))).toBe(cents([view.vatSummary[0]!.net]));
    expect(view.annotations).toEqual([]);
  });

  it('reads the basic template (sample-fa3-template-basic.xml) with settlement, notes and registers', () => {
    const view = parseInvoice(filledTemplate('ksef/sample-fa3-template-basic.xml', '0042'));
    expect(view).toMatchObject({
      number: 'FA/GRQMB-0042/05/2025',
      issueDate: '2025-09-01',
      period: { from: '2026-01-01', to: '2026-02-28' },
      seller: { name: 'Elektrownia S.A.', nip: TEMPLATE_NIPS.seller },
      buyer: { name: 'F.H.U. Jan Kowalski', nip: '1111111111', customerNumber: '99999999' },
      totals: { net: '43.60', vat: '10.03', gross: '53.63' },
      vatSummary: [{ group: 'basic', rateLabel: '23%', net: '43.60', vat: '10.03' }],
      additionalInfo: [
        { key: 'Informacja o akcyzie', value: 'Od 20 kWh energii elektrycznej czynnej naliczono akcyzę w kwocie 0,10 zł' },
      ],
      notes: ['Kapiał zakładowy 5 000 000'],
      registers: [{ krs: '0000099999', regon: '999999999', bdo: '000099999' }],
      settlement: {
        charges: [{ amount: '0.00', reason: 'Odsetki' }],
        chargesTotal: '0.00',
        deductions: [{ amount: '0.00', reason: 'Nadpłata' }],
        deductionsTotal: '0.00',
        toPay: '53.63',
      },
      payment: {
        paid: false,
        dueDates: [{ date: '2026-03-15' }],
        method: '6',
        methodLabel: 'Przelew',
        bankAccounts: [
          { number: '73111111111111111111111111', bankName: 'Bank Bankowości Bankowej S. A.', description: 'PLN', factor: false },
        ],
      },
    });
    expect(view.saleDate).toBeUndefined();
    expect(view.lines.map((l) => [l.name, l.unit, l.quantity, l.unitNetPrice, l.net, l.rate])).toEqual([
      ['Razem za energię czynną', 'kWh', '20.00', '0.90', '18.00', '23'],
      ['Razem za usługi dystrybucji', 'okres', '1.00', '25.60', '25.60', '23'],
    ]);
  });

  it('reads the third party, warehouse documents, orders and a factor account (sample-fa3-template-subject3.xml)', () => {
    const view = parseInvoice(filledTemplate('ksef/sample-fa3-template-subject3.xml'));
    expect(view).toMatchObject({
      number: 'FV2026/02/150',
      issueDate: '2025-10-10',
      seller: { name: 'Elektrownia S.A.', nip: TEMPLATE_NIPS.seller },
      buyer: { name: 'Szkoła Testowa', nip: '9795075130' },
      thirdParties: [
        {
          name: 'Szkoła Podstawowa w Bzdziszewie',
          nip: TEMPLATE_NIPS.recipient,
          role: '8',
          roleLabel: 'JST – odbiorca',
          address: { countryCode: 'PL', line1: 'ul. Akacjowa 200', line2: '00-007 Bzdziszewo' },
        },
      ],
      wz: ['44343434/2026'],
      orders: [{ date: '2026-01-26', number: '4354343' }],
      totals: { net: '52260.10', vat: '12019.82', gross: '64279.92' },
      settlement: { deductions: [{ amount: '1000', reason: 'nadwyżka salda nierozliczonych środków' }], toPay: '63279.92' },
      payment: { bankAccounts: [{ number: '73111111111111111111111111', factor: true }] },
    });
    expect(view.lines).toHaveLength(3);
    expect(view.lines[1]).toMatchObject({ uuid: 'aaaa111133339991', deliveryDate: '2026-01-10', cn: '8418 40 20', discount: '100' });
    expect(cents(view.lines.map((l) => l.net))).toBe(cents([view.totals.net]));
  });

  it('gives labels in English when asked', () => {
    const view = parseInvoice(filledTemplate('ksef/sample-fa3-template-subject3.xml'), { lang: 'en' });
    expect([view.kindLabel, view.payment?.methodLabel, view.thirdParties[0]?.roleLabel, view.vatSummary[0]?.rateLabel]).toEqual([
      'VAT invoice',
      'Bank transfer',
      'Local government unit – recipient',
      '23%',
    ]);
  });

  it('returns a plain serialisable object of strings, numbers and booleans', () => {
    const view = parseInvoice(fixtureText('ksef/sample-fa3-invoice-pdfgen.xml'), { ksefNumber: '5265877635-20251031-0100001AF629-B1' });
    expect(view.ksefNumber).toBe('5265877635-20251031-0100001AF629-B1');
    const bad = leaves(view).filter(([, v]) => !['string', 'number', 'boolean'].includes(typeof v));
    expect(bad).toEqual([]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(structuredClone(view)).toEqual(view);
  });

  it('sanitises the KSeF number it is given like any other string', () => {
    const view = parseInvoice(fixtureText('ksef/sample-fa3-invoice-pdfgen.xml'), { ksefNumber: '\u202E5265877635-20251031-0100001AF629-B1\u0000' });
    expect(view.ksefNumber).toBe('5265877635-20251031-0100001AF629-B1');
  });

  it('reads FA(2) best-effort', () => {
    const fa2 = filledTemplate('ksef/sample-fa3-template-basic.xml')
      .replace('http://crd.gov.pl/wzor/2025/06/25/13775/', 'http://crd.gov.pl/wzor/2023/06/29/12648/')
      .replace('kodSystemowy="FA (3)"', 'kodSystemowy="FA (2)"');
    const view = parseInvoice(fa2);
    expect([view.schema, view.number, view.seller.name, view.totals.gross]).toEqual(['FA(2)', 'FA/GRQMB-0001/05/2025', 'Elektrownia S.A.', '53.63']);
  });
});

describe('parseInvoice: corrections and advance invoices', () => {
  it('shows what a correction (KOR) corrects: the invoice, its KSeF number, the reason, lines before and after', () => {
    const view = parseInvoice(fixtureBytes('invoice/fa3-correction.xml'));
    expect(view).toMatchObject({
      kind: 'KOR',
      kindLabel: 'Faktura korygująca',
      number: 'KOR/2025/11/0001',
      issueDate: '2025-11-05',
      correction: {
        reason: 'Zwrot jednej sztuki z pozycji 1 oraz doliczenie transportu',
        type: '2',
        typeLabel: 'Korekta ujmowana w dacie wystawienia korekty',
        corrected: [
          {
            number: 'FA/YUCFO-4342344706/03/2026',
            issueDate: '2025-10-31',
            ksefNumber: '5265877635-20251031-0100001AF629-B1',
            outsideKsef: false,
          },
        ],
        originalBuyers: [{ name: 'Strzelczyk LLC', nip: '6808208874' }],
      },
      vatSummary: [
        { group: 'basic', rateLabel: '23%', net: '-20.41', vat: '-4.69' },
        { group: 'reduced1', rateLabel: '8%', net: '100.00', vat: '8.00' },
      ],
      totals: { net: '79.59', vat: '3.31', gross: '82.90' },
      payment: {
        dueDates: [{ count: '14', unit: 'dni', event: 'od doręczenia faktury' }],
        bankAccounts: [
          { number: 'PL61109010140000071219812874', swift: 'WBKPPLPP', bankName: 'Santander Bank Polska S.A.', factor: false },
        ],
      },
    });
    expect(view.correction?.originalSeller).toBeUndefined();
    expect(view.lines.map((l) => [l.number, l.quantity, l.net, l.before])).toEqual([
      ['1', '1', '20.41', true],
      ['2', '0', '0.00', false],
      ['3', '1', '100.00', false],
    ]);
    expect(view.advance).toBeUndefined();
  });

  it('shows the order an advance invoice (ZAL) is for, in a foreign currency with VAT in PLN', () => {
    const view = parseInvoice(fixtureBytes('invoice/fa3-advance.xml'));
    expect(view).toMatchObject({
      kind: 'ZAL',
      kindLabel: 'Faktura zaliczkowa',
      currency: 'EUR',
      exchangeRate: '4.2422',
      saleDate: '2026-01-09',
      vatSummary: [{ group: 'basic', rateLabel: '23%', net: '1000.00', vat: '230.00', vatPln: '975.71' }],
      totals: { net: '1000.00', vat: '230.00', gross: '1230.00' },
      advance: {
        orderValue: '12300.00',
        orderLines: [
          {
            number: '1',
            name: 'Pompa ciepła 12 kW z montażem',
            unit: 'kpl.',
            quantity: '1',
            unitNetPrice: '10000.00',
            net: '10000.00',
            vat: '2300.00',
            rate: '23',
            rateLabel: '23%',
            before: false,
          },
        ],
        payments: [],
        advanceInvoices: [],
      },
      annotations: [{ code: 'P_18A', label: 'Mechanizm podzielonej płatności' }],
      additionalInfo: [{ key: 'Umowa', value: 'Umowa dostawy nr 12/2026' }],
      payment: { paid: true, paymentDate: '2026-01-09' },
    });
    expect(view.lines).toEqual([]);
    expect(view.correction).toBeUndefined();
  });

  it('lists the advance invoices a final invoice (ROZ) settles, and a third party of another role', () => {
    const view = parseInvoice(fixtureBytes('invoice/fa3-final.xml'), { lang: 'en' });
    expect(view).toMatchObject({
      kind: 'ROZ',
      kindLabel: 'Final invoice (settling advances)',
      advance: {
        orderLines: [],
        advanceInvoices: [{ ksefNumber: '5265877635-20260110-0100003C4D5E-6A' }, { number: 'ZAL/2025/12/3' }],
      },
      thirdParties: [
        {
          name: 'Montage GmbH',
          euVatId: { countryCode: 'DE', number: '123456789' },
          role: 'other',
          roleLabel: 'Other party',
          roleDescription: 'Instalator',
          noTaxId: false,
        },
      ],
      vatSummary: [{ rateLabel: '23%', vatPln: '8737.68' }],
      createdAt: '2026-02-20T10:30:00+01:00',
    });
    expect(view.place).toBeUndefined();
  });
});

describe('parseInvoice: incomplete invoices', () => {
  const sample = fixtureText('ksef/sample-fa3-invoice-pdfgen.xml');

  it.each([
    ['Podmiot1', /<Podmiot1>[\s\S]*<\/Podmiot1>/],
    ['Podmiot2', /<Podmiot2>[\s\S]*<\/Podmiot2>/],
    ['Fa', /<Fa>[\s\S]*<\/Fa>/],
    ['Fa/P_2', /<P_2>.*<\/P_2>/],
    ['Fa/P_1', /<P_1>.*<\/P_1>/],
    ['Fa/P_15', /<P_15>.*<\/P_15>/],
    ['Fa/KodWaluty', /<KodWaluty>.*<\/KodWaluty>/],
    ['Fa/RodzajFaktury', /<RodzajFaktury>.*<\/RodzajFaktury>/],
  ])('names the missing %s', (element, pattern) => {
    const xml = sample.replace(pattern, '');
    expect(() => parseInvoice(xml)).toThrow(
      expect.objectContaining({
        name: 'InvoiceError',
        code: 'MISSING_ELEMENT',
        data: { element },
        message: `Faktura jest niekompletna: brakuje elementu ${element}. Pobierz ją ponownie z KSeF lub poproś wystawcę o poprawioną fakturę.`,
        messageEn: `The invoice is incomplete: the element ${element} is missing. Download it from KSeF again or ask the issuer for a corrected invoice.`,
      }),
    );
  });

  it('still shows an invoice whose amounts are not numbers, without totals it cannot compute', () => {
    const view: InvoiceView = parseInvoice(sample.replace('<P_13_1>27292.28</P_13_1>', '<P_13_1>dużo</P_13_1>'));
    expect(view.vatSummary[0]?.net).toBe('dużo');
    expect(view.totals).toEqual({ vat: '6277.22', gross: '33569.50' });
  });

  it.each([
    [42, '"xml" must be a string or a Uint8Array'],
    [null, '"xml" must be a string or a Uint8Array'],
  ])('rejects %s as input with a TypeError', (input, message) => {
    expect(() => parseInvoice(input as never)).toThrow(new TypeError(message));
  });

  it('checks its options', () => {
    expect(() => parseInvoice(sample, { lang: 'de' as never })).toThrow(new TypeError('"options.lang" must be "pl" or "en"'));
    expect(() => parseInvoice(sample, { ksefNumber: 5 as never })).toThrow(new TypeError('"options.ksefNumber" must be a string'));
  });
});
