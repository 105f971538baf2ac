import { describe, expect, it } from 'vitest';
import {
  annotationLabel,
  correctionTypeLabel,
  invoiceKindLabel,
  paymentMethodLabel,
  thirdPartyRoleLabel,
  vatGroupLabel,
  vatRateLabel,
} from '../../lib/invoice/labels';
import { parseInvoice } from '../../lib/invoice/parse';
import { fixtureText } from './fixtures';

describe('labels of FA(3) codes', () => {
  it.each([
    ['VAT', 'Faktura VAT', 'VAT invoice'],
    ['KOR', 'Faktura korygująca', 'Corrective invoice'],
    ['ZAL', 'Faktura zaliczkowa', 'Advance invoice'],
    ['ROZ', 'Faktura rozliczeniowa (po zaliczkach)', 'Final invoice (settling advances)'],
    ['UPR', 'Faktura uproszczona', 'Simplified invoice'],
    ['KOR_ZAL', 'Faktura korygująca fakturę zaliczkową', 'Correction of an advance invoice'],
    ['KOR_ROZ', 'Faktura korygująca fakturę rozliczeniową', 'Correction of a final invoice'],
    ['VAT_MARZA', undefined, undefined],
  ])('RodzajFaktury %s', (code, pl, en) => {
    expect([invoiceKindLabel(code, 'pl'), invoiceKindLabel(code, 'en')]).toEqual([pl, en]);
  });

  it.each([
    ['23', '23%', '23%'],
    ['22', '22%', '22%'],
    ['8', '8%', '8%'],
    ['7', '7%', '7%'],
    ['5', '5%', '5%'],
    ['4', '4%', '4%'],
    ['3', '3%', '3%'],
    ['0 KR', '0% (kraj)', '0% (domestic)'],
    ['0 WDT', '0% (WDT)', '0% (intra-EU supply)'],
    ['0 EX', '0% (eksport)', '0% (export)'],
    ['zw', 'zw (zwolnione)', 'exempt'],
    ['oo', 'oo (odwrotne obciążenie)', 'reverse charge'],
    ['np I', 'np (poza krajem)', 'not taxable in Poland'],
    ['np II', 'np (usługi z art. 100 ust. 1 pkt 4)', 'not taxable in Poland (art. 100(1)(4) services)'],
    ['0', undefined, undefined],
    ['24', undefined, undefined],
    ['np_I', undefined, undefined],
    ['{rate}', undefined, undefined],
  ])('P_12 %j', (rate, pl, en) => {
    expect([vatRateLabel(rate, 'pl'), vatRateLabel(rate, 'en')]).toEqual([pl, en]);
  });

  it.each([
    ['basic', '23% lub 22%', '23% or 22%'],
    ['reduced1', '8% lub 7%', '8% or 7%'],
    ['reduced2', '5%', '5%'],
    ['taxi', 'Ryczałt dla taksówek (4% lub 3%)', 'Taxi flat rate (4% or 3%)'],
    ['oss', 'Procedura szczególna OSS (VAT UE)', 'OSS special procedure (EU VAT)'],
    ['margin', 'Procedura marży', 'Margin scheme'],
    ['0 EX', '0% (eksport)', '0% (export)'],
    ['zw', 'zw (zwolnione)', 'exempt'],
  ])('VAT summary group %s', (group, pl, en) => {
    expect([vatGroupLabel(group, 'pl'), vatGroupLabel(group, 'en')]).toEqual([pl, en]);
  });

  it.each([
    ['1', 'Gotówka', 'Cash'],
    ['2', 'Karta', 'Card'],
    ['3', 'Bon', 'Voucher'],
    ['4', 'Czek', 'Cheque'],
    ['5', 'Kredyt', 'Credit'],
    ['6', 'Przelew', 'Bank transfer'],
    ['7', 'Płatność mobilna', 'Mobile payment'],
    ['8', undefined, undefined],
  ])('FormaPlatnosci %s', (code, pl, en) => {
    expect([paymentMethodLabel(code, 'pl'), paymentMethodLabel(code, 'en')]).toEqual([pl, en]);
  });

  it.each([
    ['1', 'Faktor', 'Factor'],
    ['2', 'Odbiorca (jednostka nabywcy)', 'Recipient (unit of the buyer)'],
    ['3', 'Podmiot pierwotny', 'Original entity'],
    ['4', 'Dodatkowy nabywca', 'Additional buyer'],
    ['5', 'Wystawca faktury', 'Invoice issuer'],
    ['6', 'Dokonujący płatności', 'Payer'],
    ['7', 'JST – wystawca', 'Local government unit – issuer'],
    ['8', 'JST – odbiorca', 'Local government unit – recipient'],
    ['9', 'Członek grupy VAT – wystawca', 'VAT group member – issuer'],
    ['10', 'Członek grupy VAT – odbiorca', 'VAT group member – recipient'],
    ['11', 'Pracownik', 'Employee'],
    ['other', 'Inny podmiot', 'Other party'],
    ['12', undefined, undefined],
  ])('Podmiot3 Rola %s', (code, pl, en) => {
    expect([thirdPartyRoleLabel(code, 'pl'), thirdPartyRoleLabel(code, 'en')]).toEqual([pl, en]);
  });

  it.each([
    ['1', 'Korekta ujmowana w dacie faktury pierwotnej', 'Takes effect on the date of the original invoice'],
    ['2', 'Korekta ujmowana w dacie wystawienia korekty', 'Takes effect on the date of the correction'],
    ['3', 'Korekta ujmowana w innej dacie', 'Takes effect on another date'],
    ['4', undefined, undefined],
  ])('TypKorekty %s', (code, pl, en) => {
    expect([correctionTypeLabel(code, 'pl'), correctionTypeLabel(code, 'en')]).toEqual([pl, en]);
  });

  it.each([
    ['P_16', 'Metoda kasowa', 'Cash accounting'],
    ['P_17', 'Samofakturowanie', 'Self-billing'],
    ['P_18', 'Odwrotne obciążenie', 'Reverse charge'],
    ['P_18A', 'Mechanizm podzielonej płatności', 'Split payment'],
    ['P_19', 'Zwolnienie z VAT', 'VAT exemption'],
    ['P_22', 'Wewnątrzwspólnotowa dostawa nowych środków transportu', 'Intra-EU supply of new means of transport'],
    ['P_23', 'Procedura uproszczona – transakcja trójstronna', 'Simplified triangular transaction'],
    ['P_PMarzy', 'Procedura marży', 'Margin scheme'],
    ['P_PMarzy_2', 'Procedura marży – biura podróży', 'Margin scheme – travel agencies'],
    ['P_PMarzy_3_1', 'Procedura marży – towary używane', 'Margin scheme – second-hand goods'],
    ['P_PMarzy_3_2', 'Procedura marży – dzieła sztuki', 'Margin scheme – works of art'],
    ['P_PMarzy_3_3', 'Procedura marży – przedmioty kolekcjonerskie i antyki', "Margin scheme – collector's items and antiques"],
    ['P_99', undefined, undefined],
  ])('Adnotacje %s', (code, pl, en) => {
    expect([annotationLabel(code, 'pl'), annotationLabel(code, 'en')]).toEqual([pl, en]);
  });

  it('checks its arguments', () => {
    expect(() => invoiceKindLabel('VAT', 'de' as never)).toThrow(new TypeError('"lang" must be "pl" or "en"'));
    expect(() => paymentMethodLabel(6 as never, 'pl')).toThrow(new TypeError('"code" must be a string'));
  });
});

describe('annotations read from Adnotacje', () => {
  const sample = fixtureText('ksef/sample-fa3-invoice-pdfgen.xml');

  it('lists only the flags set to 1, with the exemption basis and the margin scheme kind', () => {
    const xml = sample
      .replace('<P_16>2</P_16>', '<P_16>1</P_16>')
      .replace('<P_18>2</P_18>', '<P_18>1</P_18>')
      .replace('<P_19N>1</P_19N>', '<P_19>1</P_19><P_19A>art. 43 ust. 1 pkt 37 ustawy</P_19A>')
      .replace('<P_22N>1</P_22N>', '<P_22>1</P_22><P_42_5>2</P_42_5>')
      .replace('<P_PMarzyN>1</P_PMarzyN>', '<P_PMarzy>1</P_PMarzy><P_PMarzy_3_2>1</P_PMarzy_3_2>');
    expect(parseInvoice(xml).annotations).toEqual([
      { code: 'P_16', label: 'Metoda kasowa' },
      { code: 'P_18', label: 'Odwrotne obciążenie' },
      { code: 'P_19', label: 'Zwolnienie z VAT', detail: 'art. 43 ust. 1 pkt 37 ustawy' },
      { code: 'P_22', label: 'Wewnątrzwspólnotowa dostawa nowych środków transportu' },
      { code: 'P_PMarzy_3_2', label: 'Procedura marży – dzieła sztuki' },
    ]);
  });

  it('labels a VAT summary group by the single rate its lines use, or by the group when they differ', () => {
    const mixed = sample.replace('<P_12>23</P_12>', '<P_12>22</P_12>');
    expect(parseInvoice(mixed).vatSummary[0]?.rateLabel).toBe('23% lub 22%');
    expect(parseInvoice(sample).vatSummary[0]?.rateLabel).toBe('23%');
  });
});
