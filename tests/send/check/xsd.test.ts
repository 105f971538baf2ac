// XSD_INVALID: one problem per schema error, with its line, element path, plain words and libxml2's message.
import { describe, expect, it } from 'vitest';
import { checkInvoiceFile } from '../../../lib/send/check';
import { ctx, file, texts, variant, VALID_XML } from './helpers';

async function xsdOf(xml: string) {
  const result = await checkInvoiceFile(file(xml), ctx());
  expect(result.ok).toBe(false);
  expect(result.problems.every((p) => p.code === 'XSD_INVALID')).toBe(true);
  return result.problems;
}

describe('XSD_INVALID', () => {
  it('a missing required element', async () => {
    const [p, ...rest] = await xsdOf(variant([/(<Podmiot1>[\s\S]*?<KodKraju>PL<\/KodKraju>)[\s\S]*?(<\/Adres>)/, '$1\n\t\t$2']));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 15, path: 'Faktura/Podmiot1/Adres', data: { rule: 'missing', element: 'Adres', expected: 'AdresL1' } });
    expect(p!.detail).toMatch(/^Element '\{http:\/\/crd\.gov\.pl\/wzor\/2025\/06\/25\/13775\/\}Adres': Missing child element\(s\)/);
    expect(texts(p!)).toEqual({
      pl: 'Wiersz 15, element Faktura/Podmiot1/Adres: W elemencie Adres brakuje wymaganego elementu; oczekiwano: AdresL1. Uzupełnij to pole w programie do fakturowania i wyeksportuj fakturę ponownie.',
      en: 'Line 15, element Faktura/Podmiot1/Adres: The element Adres lacks a required element; expected: AdresL1. Fill in that field in your invoicing program and export the invoice again.',
    });
  });

  it('an unexpected element', async () => {
    const [p, ...rest] = await xsdOf(variant(['<KodWaluty>PLN</KodWaluty>', '<KodWaluty>PLN</KodWaluty><Uwagi>pilne</Uwagi>']));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 44, path: 'Faktura/Fa/Uwagi', data: { rule: 'unexpected', element: 'Uwagi', expected: 'P_1' } });
    expect(texts(p!)).toEqual({
      pl: 'Wiersz 44, element Faktura/Fa/Uwagi: Element Uwagi jest w tym miejscu niedozwolony albo stoi w złej kolejności; tu oczekiwano: P_1. Zwykle to znaczy, że brakuje wymaganego pola przed nim. Popraw fakturę w programie do fakturowania i wyeksportuj ją ponownie.',
      en: 'Line 44, element Faktura/Fa/Uwagi: The element Uwagi is not allowed here or is out of order; expected here: P_1. Usually a required field before it is missing. Correct the invoice in your invoicing program and export it again.',
    });
  });

  it('a date in the wrong format (no ISSUE_DATE_IN_FUTURE guess from it)', async () => {
    const [p, ...rest] = await xsdOf(variant(['<P_1>2026-03-02</P_1>', '<P_1>02.03.2026</P_1>']));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 45, path: 'Faktura/Fa/P_1', data: { rule: 'date', element: 'P_1', value: '02.03.2026' } });
    expect(texts(p!)).toEqual({
      pl: 'Wiersz 45, element Faktura/Fa/P_1: Data „02.03.2026” w polu P_1 ma zły format albo nie istnieje. Datę zapisuje się jako RRRR-MM-DD, np. 2026-03-15. Popraw ją w programie do fakturowania.',
      en: 'Line 45, element Faktura/Fa/P_1: The date “02.03.2026” in the field P_1 has a wrong format or does not exist. Dates are written as YYYY-MM-DD, e.g. 2026-03-15. Correct it in your invoicing program.',
    });
  });

  it('a date and time in the wrong format', async () => {
    const [p] = await xsdOf(variant(['2025-09-01T00:00:00Z', '2025-09-01 00:00']));
    expect(p).toMatchObject({ line: 7, path: 'Faktura/Naglowek/DataWytworzeniaFa', data: { rule: 'dateTime', value: '2025-09-01 00:00' } });
    expect(texts(p!).pl).toBe('Wiersz 7, element Faktura/Naglowek/DataWytworzeniaFa: Data i godzina „2025-09-01 00:00” w polu DataWytworzeniaFa ma zły format. Zapisuje się je jako RRRR-MM-DDTgg:mm:ss, np. 2026-03-15T10:30:00Z. Popraw to w programie do fakturowania.');
  });

  it('a value outside the allowed list', async () => {
    const [p] = await xsdOf(variant(['<RodzajFaktury>VAT</RodzajFaktury>', '<RodzajFaktury>FV</RodzajFaktury>']));
    expect(p).toMatchObject({
      line: 71, path: 'Faktura/Fa/RodzajFaktury',
      data: { rule: 'enumeration', value: 'FV', allowed: 'VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, … (+1)' },
    });
    expect(texts(p!)).toEqual({
      pl: 'Wiersz 71, element Faktura/Fa/RodzajFaktury: Wartość „FV” w polu RodzajFaktury jest niedozwolona. Dozwolone wartości: VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, … (+1). Popraw ją w programie do fakturowania.',
      en: 'Line 71, element Faktura/Fa/RodzajFaktury: The value “FV” in the field RodzajFaktury is not allowed. Allowed values: VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, … (+1). Correct it in your invoicing program.',
    });
  });

  it('a NIP written with dashes (pattern), in the buyer', async () => {
    const [p] = await xsdOf(variant(['<NIP>1111111111</NIP>', '<NIP>111-111-11-11</NIP>']));
    expect(p).toMatchObject({ line: 27, path: 'Faktura/Podmiot2/DaneIdentyfikacyjne/NIP', data: { rule: 'nip', value: '111-111-11-11' } });
    expect(texts(p!)).toEqual({
      pl: 'Wiersz 27, element Faktura/Podmiot2/DaneIdentyfikacyjne/NIP: NIP „111-111-11-11” jest zapisany niepoprawnie: NIP to 10 cyfr, bez kresek, spacji i przedrostka PL. Popraw go w programie do fakturowania.',
      en: 'Line 27, element Faktura/Podmiot2/DaneIdentyfikacyjne/NIP: The NIP “111-111-11-11” is written incorrectly: a NIP is 10 digits, without dashes, spaces or the PL prefix. Correct it in your invoicing program.',
    });
  });

  it('a text that is too long', async () => {
    const [p] = await xsdOf(variant(['<P_1M>Warszawa</P_1M>', `<P_1M>${'W'.repeat(300)}</P_1M>`]));
    expect(p).toMatchObject({ line: 46, path: 'Faktura/Fa/P_1M', data: { rule: 'tooLong', length: '300', max: '256' } });
    expect(texts(p!).en).toBe('Line 46, element Faktura/Fa/P_1M: The text in the field P_1M has 300 characters, and at most 256 are allowed. Shorten it in your invoicing program.');
  });

  it('a repeated element is named with its position', async () => {
    const [p] = await xsdOf(variant([/(<NrWierszaFa>2<\/NrWierszaFa>[\s\S]*?)<P_11>25.60<\/P_11>/, '$1<P_11>25,60</P_11>']));
    expect(p).toMatchObject({ line: 91, path: 'Faktura/Fa/FaWiersz[2]/P_11', data: { rule: 'number' } });
  });

  it('an attribute the schema does not know: generic words plus the technical message', async () => {
    const [p] = await xsdOf(variant(['<Faktura ', '<Faktura wersja="3" ']));
    expect(p).toMatchObject({ line: 3, path: 'Faktura', data: { rule: 'generic', element: 'Faktura', attribute: 'wersja' } });
    expect(texts(p!)).toEqual({
      pl: "Wiersz 3, element Faktura: Faktura nie jest zgodna ze schematem FA(3) w polu Faktura (atrybut wersja). Popraw fakturę w programie do fakturowania i wyeksportuj ją ponownie. Szczegóły techniczne: Element 'Faktura', attribute 'wersja': The attribute 'wersja' is not allowed.",
      en: "Line 3, element Faktura: The invoice does not match the FA(3) schema in the field Faktura (attribute wersja). Correct the invoice in your invoicing program and export it again. Technical details: Element 'Faktura', attribute 'wersja': The attribute 'wersja' is not allowed.",
    });
  });

  it('shows the first 20 errors and counts the rest', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `<FaWiersz><NrWierszaFa>${i + 1}</NrWierszaFa><P_7>x</P_7><P_11>1,00</P_11></FaWiersz>`);
    const problems = await xsdOf(VALID_XML.replace(/<FaWiersz>[\s\S]*<\/FaWiersz>/, rows.join('\n')));
    expect(problems).toHaveLength(21);
    expect(problems.slice(0, 20).every((p) => p.data?.rule === 'number')).toBe(true);
    expect(problems[20]).toMatchObject({ data: { rule: 'more', count: '5', shown: '20' } });
    expect(texts(problems[20]!).pl).toMatch(/: …i jeszcze 5 innych niezgodności ze schematem FA\(3\) \(pokazano pierwsze 20\)\. Po poprawieniu powyższych sprawdź plik ponownie\.$/);
  });

  it('a prefixed FA(3) document resolves the element paths by local name', async () => {
    const xml = VALID_XML.replace(/<(\/?)(?=[A-Z])/g, '<$1fa:').replace('xmlns="http://crd', 'xmlns:fa="http://crd').replace('<fa:P_1>2026-03-02', '<fa:P_1>2026-3-2');
    const [p] = await xsdOf(xml);
    expect(p).toMatchObject({ line: 45, path: 'Faktura/Fa/P_1', data: { rule: 'date', value: '2026-3-2' } });
  });
});
