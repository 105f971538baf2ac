// The file as bytes: EMPTY_FILE, TOO_LARGE, NOT_UTF8 (three causes), HAS_BOM.
import { describe, expect, it } from 'vitest';
import { checkInvoiceFile } from '../../../lib/send/check';
import { ctx, file, texts, VALID_XML, variant } from './helpers';

const CP1250: Record<string, number> = { ą: 0xb9, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0x9c, ź: 0x9f, ż: 0xbf };

/** The fixture as a Windows-1250 export would write it (its Polish letters as single bytes). */
function windows1250(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => CP1250[c] ?? c.charCodeAt(0)));
}

describe('file-level codes', () => {
  it('EMPTY_FILE: an empty file or one with only blank lines', async () => {
    for (const content of ['', ' \n\r\n\t']) {
      const result = await checkInvoiceFile(file(content), ctx());
      expect(result).toEqual({ fileName: 'faktura.xml', ok: false, problems: [{ code: 'EMPTY_FILE' }] });
      expect(texts(result.problems[0]!)).toEqual({
        pl: 'Plik jest pusty — nie ma w nim faktury. Wyeksportuj fakturę ponownie z programu do fakturowania.',
        en: 'The file is empty — there is no invoice in it. Export the invoice again from your invoicing program.',
      });
    }
  });

  it('TOO_LARGE: one byte over 1 000 000, refused without reading it', async () => {
    const bytes = new Uint8Array(1_000_001).fill(0x20);
    bytes.set(new TextEncoder().encode(VALID_XML));
    const result = await checkInvoiceFile(file(bytes), ctx());
    expect(result).toEqual({
      fileName: 'faktura.xml', ok: false,
      problems: [{ code: 'TOO_LARGE', data: { size: '1000001', max: '1000000' } }],
    });
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Plik ma 1\u00a0000\u00a0001 bajtów, a KSeF przyjmuje faktury do 1\u00a0000\u00a0000 bajtów (1 MB). Sprawdź, czy to właściwy plik i czy nie ma w nim zbędnych danych (np. dołączonych dokumentów), i wyeksportuj go ponownie.',
      en: 'The file has 1,000,001 bytes, and KSeF accepts invoices of at most 1,000,000 bytes (1 MB). Check that this is the right file and that it carries nothing extra (such as attached documents), and export it again.',
    });
  });

  it('NOT_UTF8: a Windows-1250 export, with the line of its first Polish letter', async () => {
    const line = VALID_XML.slice(0, VALID_XML.search(/[ąćęłńóśźż]/)).split('\n').length;
    expect(line).toBe(74); // "Od 20 kWh energii … akcyzę" in DodatkowyOpis
    const result = await checkInvoiceFile(file(windows1250(VALID_XML)), ctx());
    expect(result).toEqual({ fileName: 'faktura.xml', ok: false, problems: [{ code: 'NOT_UTF8', line }] });
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 74: Plik nie jest zapisany w kodowaniu UTF-8 (może to Windows-1250), a KSeF przyjmuje tylko UTF-8. Wyeksportuj fakturę ponownie w kodowaniu UTF-8.',
      en: 'Line 74: The file is not encoded in UTF-8 (it may be Windows-1250), and KSeF accepts only UTF-8. Export the invoice again in UTF-8.',
    });
  });

  it('NOT_UTF8: a UTF-16 file', async () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'<a/>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    const result = await checkInvoiceFile(file(utf16), ctx());
    expect(result.problems).toEqual([{ code: 'NOT_UTF8', line: 1, data: { rule: 'utf16' } }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 1: Plik jest zapisany w kodowaniu UTF-16, a KSeF przyjmuje tylko UTF-8. Wyeksportuj fakturę ponownie w kodowaniu UTF-8.',
      en: 'Line 1: The file is encoded in UTF-16, and KSeF accepts only UTF-8. Export the invoice again in UTF-8.',
    });
  });

  it('NOT_UTF8: a prolog that declares another encoding, the rest still checked', async () => {
    const xml = variant(['encoding="UTF-8"', 'encoding="windows-1250"']);
    const result = await checkInvoiceFile(file(xml), ctx());
    expect(result.ok).toBe(false);
    expect(result.facts?.number).toBe('FA/1/03/2026');
    expect(result.problems).toEqual([{ code: 'NOT_UTF8', line: 1, data: { rule: 'declared', declared: 'windows-1250' } }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 1: Nagłówek pliku podaje kodowanie „windows-1250”, a KSeF przyjmuje tylko UTF-8 (nagłówek musi mówić encoding="UTF-8"). Wyeksportuj fakturę ponownie w kodowaniu UTF-8.',
      en: 'Line 1: The file\'s header declares the encoding “windows-1250”, and KSeF accepts only UTF-8 (the header must say encoding="UTF-8"). Export the invoice again in UTF-8.',
    });
  });

  it('accepts a prolog that says utf-8 in lower case, and a file without a prolog', async () => {
    expect((await checkInvoiceFile(file(variant(['encoding="UTF-8"', "encoding='utf-8'"])), ctx())).ok).toBe(true);
    expect((await checkInvoiceFile(file(variant([/^<\?xml[^>]*>\n/, ''])), ctx())).ok).toBe(true);
  });

  it('HAS_BOM: a UTF-8 byte order mark, with the facts still read and nothing else wrong', async () => {
    const result = await checkInvoiceFile(file('\uFEFF' + VALID_XML), ctx());
    expect(result).toMatchObject({ ok: false, profileId: 'p-seller', problems: [{ code: 'HAS_BOM', line: 1 }] });
    expect(result.problems).toHaveLength(1);
    expect(result.facts?.sizeBytes).toBe(new TextEncoder().encode(VALID_XML).length + 3);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 1: Plik zaczyna się od niewidocznego znacznika BOM, a KSeF przyjmuje tylko UTF-8 bez BOM. Wyeksportuj plik ponownie albo zapisz go jako „UTF-8 bez BOM” (np. w Notatniku: Zapisz jako → Kodowanie: UTF-8).',
      en: 'Line 1: The file starts with an invisible byte order mark (BOM), and KSeF accepts only UTF-8 without a BOM. Export the file again or save it as “UTF-8 without BOM” (for example in Notepad: Save as → Encoding: UTF-8).',
    });
  });
});
