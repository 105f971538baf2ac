// DUPLICATE_IN_BATCH: the same seller NIP + RodzajFaktury + P_2 twice among the files chosen together.
import { describe, expect, it } from 'vitest';
import { checkInvoiceFiles } from '../../../lib/send/check';
import { ctx, file, texts, VALID_XML, variant } from './helpers';

describe('checkInvoiceFiles', () => {
  it('flags the later repeat, naming the first file; the others may be sent', async () => {
    const results = await checkInvoiceFiles(
      [
        file(VALID_XML, 'FA-1.xml'),
        file(variant(['<P_2>FA/1/03/2026</P_2>', '<P_2>FA/2/03/2026</P_2>']), 'FA-2.xml'),
        file(VALID_XML.replace('<P_1M>Warszawa</P_1M>', '<P_1M>Kraków</P_1M>'), 'FA-1-kopia.xml'),
      ],
      ctx(),
    );
    expect(results.map((r) => [r.fileName, r.ok])).toEqual([['FA-1.xml', true], ['FA-2.xml', true], ['FA-1-kopia.xml', false]]);
    const repeat = results[2]!;
    expect(repeat.xml).toBeUndefined();
    expect(repeat.problems).toEqual([{
      code: 'DUPLICATE_IN_BATCH', line: 47, path: 'Faktura/Fa/P_2',
      data: { sellerNip: '5265877635', kind: 'VAT', number: 'FA/1/03/2026', otherFile: 'FA-1.xml' },
    }]);
    expect(texts(repeat.problems[0]!)).toEqual({
      pl: 'Wiersz 47, element Faktura/Fa/P_2: Faktura o tym samym numerze FA/1/03/2026 (NIP sprzedawcy 5265877635, rodzaj VAT) jest też w pliku „FA-1.xml” wybranym razem z tym. KSeF przyjmie tylko jedną z nich — usuń powtórzony plik albo nadaj fakturze nowy numer.',
      en: 'Line 47, element Faktura/Fa/P_2: An invoice with the same number FA/1/03/2026 (seller NIP 5265877635, kind VAT) is also in the file “FA-1.xml” chosen together with this one. KSeF will accept only one of them — remove the repeated file or give the invoice a new number.',
    });
  });

  it('keeps each file\'s own problems next to the repeat, and does not pair files it could not read', async () => {
    const results = await checkInvoiceFiles(
      [file('', 'pusty.xml'), file(VALID_XML, 'a.xml'), file('', 'pusty-2.xml'), file(variant(['<P_1>2026-03-02</P_1>', '<P_1>2026-04-01</P_1>']), 'b.xml')],
      ctx(),
    );
    expect(results.map((r) => r.problems.map((p) => p.code))).toEqual([
      ['EMPTY_FILE'], [], ['EMPTY_FILE'], ['ISSUE_DATE_IN_FUTURE', 'DUPLICATE_IN_BATCH'],
    ]);
  });
});
