import { describe, expect, it, vi } from 'vitest';
import { checkInvoiceBasics, checkInvoiceFile, sendProblemText } from '../../../lib/send/check';
import { ctx, file, NOW, SELLER_NIP, VALID_XML, variant } from './helpers';

describe('a valid FA(3) invoice', () => {
  it('passes with its facts, the organisation chosen by the seller NIP and the exact text to send', async () => {
    const findEarlier = vi.fn(async () => undefined);
    const result = await checkInvoiceFile(file(VALID_XML, 'FA-1-03-2026.xml'), ctx({ findEarlier }));
    const bytes = new TextEncoder().encode(VALID_XML);
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('base64');
    expect(result).toEqual({
      fileName: 'FA-1-03-2026.xml',
      ok: true,
      problems: [],
      profileId: 'p-seller',
      xml: VALID_XML,
      facts: {
        sellerNip: SELLER_NIP, sellerName: 'Elektrownia S.A.', buyerNip: '1111111111', buyerName: 'F.H.U. Jan Kowalski',
        kind: 'VAT', number: 'FA/1/03/2026', issueDate: '2026-03-02', currency: 'PLN', gross: '53.63',
        sizeBytes: bytes.length, sha256Base64: hash,
      },
    });
    expect(findEarlier).toHaveBeenCalledExactlyOnceWith(SELLER_NIP, 'VAT', 'FA/1/03/2026');
  });

  it('keeps the picked organisation when its NIP is the seller NIP', async () => {
    const result = await checkInvoiceFile(file(VALID_XML), ctx({ profileId: 'p-seller' }));
    expect(result).toMatchObject({ ok: true, profileId: 'p-seller', problems: [] });
  });

  it('reads a seller NIP written with dashes or a PL prefix as the same NIP', async () => {
    const result = await checkInvoiceBasics(file(variant(['<NIP>5265877635</NIP>', '<NIP>PL526-587-76-35</NIP>'])), ctx());
    expect(result.facts?.sellerNip).toBe(SELLER_NIP);
    expect(result.profileId).toBe('p-seller');
  });

  it('without the schema (the worker re-check) passes the same file with the same facts', async () => {
    const full = await checkInvoiceFile(file(VALID_XML), ctx());
    const basic = await checkInvoiceBasics(file(VALID_XML), ctx());
    expect(basic).toEqual(full);
  });

  it('lists all three problems of a file that has three, in file order, each with its place and words', async () => {
    const xml = variant(
      ['<NIP>5265877635</NIP>', '<NIP>7251801126</NIP>'],
      ['<P_1>2026-03-02</P_1>', '<P_1>2026-03-09</P_1>'],
      ['<P_15>53.63</P_15>', '<P_15>53,63 zł</P_15>'],
    );
    const result = await checkInvoiceFile(file(xml), ctx({ profileId: 'p-seller', now: NOW }));
    expect(result.ok).toBe(false);
    expect(result.xml).toBeUndefined();
    expect(result.problems.map((p) => [p.code, p.line, p.path])).toEqual([
      ['SELLER_NOT_ORGANISATION', 12, 'Faktura/Podmiot1/DaneIdentyfikacyjne/NIP'],
      ['ISSUE_DATE_IN_FUTURE', 45, 'Faktura/Fa/P_1'],
      ['XSD_INVALID', 54, 'Faktura/Fa/P_15'],
    ]);
    expect(result.problems.map((p) => sendProblemText(p, 'pl'))).toEqual([
      'Wiersz 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: Sprzedawca na fakturze ma NIP 7251801126, a wybrana organizacja „Elektrownia S.A.” ma NIP 5265877635. KSeF przyjmie tę fakturę tylko od organizacji sprzedawcy: wybierz organizację o NIP 7251801126 albo popraw NIP sprzedawcy (Podmiot1) w programie do fakturowania.',
      'Wiersz 45, element Faktura/Fa/P_1: Data wystawienia (P_1) 2026-03-09 jest późniejsza niż dzisiejsza (2026-03-02) — KSeF odrzuci taką fakturę. Popraw datę w programie do fakturowania i wyeksportuj plik ponownie albo wyślij fakturę w dniu jej wystawienia.',
      'Wiersz 54, element Faktura/Fa/P_15: Wartość „53,63 zł” w polu P_15 nie jest poprawną liczbą: pisze się ją z kropką jako separatorem dziesiętnym, bez spacji i symbolu waluty, np. 1234.50. Popraw ją w programie do fakturowania.',
    ]);
    expect(result.problems.map((p) => sendProblemText(p, 'en'))).toEqual([
      'Line 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: The seller on the invoice has NIP 7251801126, and the chosen organisation “Elektrownia S.A.” has NIP 5265877635. KSeF accepts this invoice only from the seller\'s organisation: choose the organisation with NIP 7251801126 or correct the seller\'s NIP (Podmiot1) in your invoicing program.',
      'Line 45, element Faktura/Fa/P_1: The issue date (P_1) 2026-03-09 is later than today (2026-03-02) — KSeF will reject such an invoice. Correct the date in your invoicing program and export the file again, or send the invoice on its issue date.',
      'Line 54, element Faktura/Fa/P_15: The value “53,63 zł” in the field P_15 is not a valid number: it is written with a dot as the decimal separator, without spaces or a currency symbol, e.g. 1234.50. Correct it in your invoicing program.',
    ]);
  });
});
