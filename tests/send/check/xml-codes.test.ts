// The file as XML: NOT_XML (broken, processing instruction, discouraged character, DTD) and NOT_FA3.
import { describe, expect, it } from 'vitest';
import { checkInvoiceFile } from '../../../lib/send/check';
import { ctx, file, texts, variant } from './helpers';

describe('NOT_XML', () => {
  it('a broken file: the line the parser stopped at, its message as detail', async () => {
    const result = await checkInvoiceFile(file(variant(['</P_2>', '</P_3>'])), ctx());
    expect(result).toEqual({
      fileName: 'faktura.xml', ok: false,
      problems: [{ code: 'NOT_XML', line: 47, detail: 'Opening and ending tag mismatch: "P_2" != "P_3"' }],
    });
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 47: To nie jest poprawny plik XML — plik jest uszkodzony albo to inny rodzaj pliku. Sprawdź, czy wybrano plik faktury (.xml), i w razie potrzeby wyeksportuj go ponownie. Szczegóły techniczne: Opening and ending tag mismatch: "P_2" != "P_3"',
      en: 'Line 47: This is not a valid XML file — it is damaged or a different kind of file. Check that you chose the invoice file (.xml) and export it again if needed. Technical details: Opening and ending tag mismatch: "P_2" != "P_3"',
    });
  });

  it('a PDF or text file chosen by mistake', async () => {
    const result = await checkInvoiceFile(file('%PDF-1.7\n%âãÏÓ\n1 0 obj'), ctx());
    expect(result.problems).toMatchObject([{ code: 'NOT_XML' }]);
    expect(result.facts).toBeUndefined();
  });

  it('a processing instruction (a style sheet reference), facts still read', async () => {
    const xml = variant(['<Faktura', '<?xml-stylesheet type="text/xsl" href="faktura.xsl"?>\n<Faktura']);
    const result = await checkInvoiceFile(file(xml), ctx());
    expect(result.facts?.number).toBe('FA/1/03/2026');
    expect(result.problems).toEqual([{ code: 'NOT_XML', line: 2, data: { rule: 'pi', target: 'xml-stylesheet' } }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 2: Plik zawiera instrukcję przetwarzania <?xml-stylesheet …?>, a KSeF odrzuca faktury z takimi instrukcjami. Wyeksportuj fakturę bez niej (często to odwołanie do arkusza stylów) albo usuń tę linię z pliku.',
      en: 'Line 2: The file contains a processing instruction <?xml-stylesheet …?>, and KSeF rejects invoices that have one. Export the invoice without it (often it is a style sheet reference) or delete that line from the file.',
    });
  });

  it('a processing instruction inside an element names that element', async () => {
    const result = await checkInvoiceFile(file(variant(['<P_1M>', '<?app note?><P_1M>'])), ctx());
    expect(result.problems).toEqual([{ code: 'NOT_XML', line: 46, path: 'Faktura/Fa', data: { rule: 'pi', target: 'app' } }]);
  });

  it('a discouraged control character (U+0086), with the field it is in', async () => {
    const result = await checkInvoiceFile(file(variant(['<P_1M>Warszawa', '<P_1M>Warsz\u0086awa'])), ctx());
    expect(result.problems).toEqual([{ code: 'NOT_XML', line: 46, path: 'Faktura/Fa/P_1M', data: { rule: 'char', char: 'U+0086' } }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 46, element Faktura/Fa/P_1M: Plik zawiera znak sterujący U+0086, którego KSeF nie przyjmuje (często trafia do faktury przy wklejaniu tekstu). Usuń go z tego pola w programie do fakturowania i wyeksportuj fakturę ponownie.',
      en: 'Line 46, element Faktura/Fa/P_1M: The file contains the control character U+0086, which KSeF does not accept (it often gets in when text is pasted). Remove it from that field in your invoicing program and export the invoice again.',
    });
  });

  it('the other discouraged code points too (U+FDD0, U+1FFFF), but not U+0085 or ordinary Polish text', async () => {
    for (const [char, name] of [['\uFDD0', 'U+FDD0'], ['\u{1FFFF}', 'U+1FFFF']] as const) {
      const result = await checkInvoiceFile(file(variant(['<P_1M>Warszawa', `<P_1M>Warszawa${char}`])), ctx());
      expect(result.problems).toMatchObject([{ code: 'NOT_XML', data: { rule: 'char', char: name } }]);
    }
    expect((await checkInvoiceFile(file(variant(['<P_1M>Warszawa', '<P_1M>Warszawa\u0085 Łódź'])), ctx())).ok).toBe(true);
  });

  it('a character XML forbids (U+0001), caught by libxml2 where xmldom lets it through', async () => {
    const result = await checkInvoiceFile(file(variant(['<P_1M>Warszawa', '<P_1M>Warsz\u0001awa'])), ctx());
    expect(result.problems).toEqual([{ code: 'NOT_XML', line: 46, detail: 'PCDATA invalid Char value 1' }]);
    expect(texts(result.problems[0]!).pl).toBe('Wiersz 46: To nie jest poprawny plik XML — plik jest uszkodzony albo to inny rodzaj pliku. Sprawdź, czy wybrano plik faktury (.xml), i w razie potrzeby wyeksportuj go ponownie. Szczegóły techniczne: PCDATA invalid Char value 1');
  });

  it('a DOCTYPE, refused before parsing', async () => {
    const xml = variant(['<Faktura', '<!DOCTYPE Faktura>\n<Faktura']);
    const result = await checkInvoiceFile(file(xml), ctx());
    expect(result).toEqual({ fileName: 'faktura.xml', ok: false, problems: [{ code: 'NOT_XML', line: 2, data: { rule: 'dtd', markup: 'DOCTYPE' } }] });
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 2: Plik zawiera deklarację DOCTYPE, której faktura FA(3) nie może mieć (tak budowane są też pliki służące do ataków). Ten plik nie zostanie wysłany; wyeksportuj fakturę ponownie z programu do fakturowania.',
      en: 'Line 2: The file contains a DOCTYPE declaration, which an FA(3) invoice cannot have (files built for attacks look like this too). This file will not be sent; export the invoice again from your invoicing program.',
    });
  });
});

describe('NOT_FA3', () => {
  it('an FA(2) invoice (another namespace): the root named, facts read, nothing else checked', async () => {
    const xml = variant(['xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"', 'xmlns="http://crd.gov.pl/wzor/2023/06/29/12648/"']);
    const result = await checkInvoiceFile(file(xml), ctx({ profileId: 'p-other' }));
    expect(result.problems).toEqual([{
      code: 'NOT_FA3', line: 2, path: 'Faktura',
      data: { rule: 'root', root: 'Faktura', namespace: 'http://crd.gov.pl/wzor/2023/06/29/12648/' },
    }]);
    expect(result.facts?.number).toBe('FA/1/03/2026');
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 2, element Faktura: To nie jest faktura FA(3): główny element pliku to „Faktura” w przestrzeni nazw „http://crd.gov.pl/wzor/2023/06/29/12648/”, a faktura FA(3) ma element Faktura w przestrzeni http://crd.gov.pl/wzor/2025/06/25/13775/ (może to starsza FA(2) albo inny dokument). Wyeksportuj fakturę w formacie FA(3).',
      en: 'Line 2, element Faktura: This is not an FA(3) invoice: the file\'s root element is “Faktura” in the namespace “http://crd.gov.pl/wzor/2023/06/29/12648/”, while an FA(3) invoice has the element Faktura in http://crd.gov.pl/wzor/2025/06/25/13775/ (it may be an older FA(2) or another document). Export the invoice in the FA(3) format.',
    });
  });

  it('another document altogether (a UPO): no facts', async () => {
    const result = await checkInvoiceFile(file('<?xml version="1.0" encoding="UTF-8"?>\n<Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3"/>'), ctx());
    expect(result).toEqual({
      fileName: 'faktura.xml', ok: false,
      problems: [{ code: 'NOT_FA3', line: 2, path: 'Potwierdzenie', data: { rule: 'root', root: 'Potwierdzenie', namespace: 'http://upo.schematy.mf.gov.pl/KSeF/v4-3' } }],
    });
  });

  it('KodFormularza of another form or version', async () => {
    const result = await checkInvoiceFile(file(variant(['wersjaSchemy="1-0E"', 'wersjaSchemy="1-0"'])), ctx());
    expect(result.problems).toEqual([{
      code: 'NOT_FA3', line: 5, path: 'Faktura/Naglowek/KodFormularza', data: { rule: 'form', system: 'FA (3)', version: '1-0' },
    }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 5, element Faktura/Naglowek/KodFormularza: To nie jest faktura FA(3): KodFormularza w nagłówku wskazuje „FA (3)” w wersji „1-0”, a KSeF przyjmuje tu tylko „FA (3)” w wersji „1-0E”. Wyeksportuj fakturę w formacie FA(3).',
      en: 'Line 5, element Faktura/Naglowek/KodFormularza: This is not an FA(3) invoice: KodFormularza in the header says “FA (3)” version “1-0”, and KSeF accepts only “FA (3)” version “1-0E” here. Export the invoice in the FA(3) format.',
    });
  });
});
