// Who may send it and whether KSeF would take it now: NO_ORGANISATION, SELLER_NOT_ORGANISATION,
// ISSUE_DATE_IN_FUTURE, ALREADY_SENT (through the injected findEarlier).
import { describe, expect, it, vi } from 'vitest';
import { checkInvoiceBasics, checkInvoiceFile } from '../../../lib/send/check';
import { ctx, earlierFound, file, OTHER_NIP, PROFILES, SELLER_NIP, texts, VALID_XML, variant } from './helpers';

const NIP_WHERE = { line: 12, path: 'Faktura/Podmiot1/DaneIdentyfikacyjne/NIP' };

describe('the organisation', () => {
  it('SELLER_NOT_ORGANISATION: the picked organisation has another NIP; both NIPs named', async () => {
    const result = await checkInvoiceFile(file(VALID_XML), ctx({ profileId: 'p-other' }));
    expect(result.profileId).toBe('p-other');
    expect(result.problems).toEqual([{
      code: 'SELLER_NOT_ORGANISATION', ...NIP_WHERE,
      data: { sellerNip: SELLER_NIP, orgNip: OTHER_NIP, orgName: 'Inna Spółka sp. z o.o.' },
    }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: Sprzedawca na fakturze ma NIP 5265877635, a wybrana organizacja „Inna Spółka sp. z o.o.” ma NIP 7251801126. KSeF przyjmie tę fakturę tylko od organizacji sprzedawcy: wybierz organizację o NIP 5265877635 albo popraw NIP sprzedawcy (Podmiot1) w programie do fakturowania.',
      en: 'Line 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: The seller on the invoice has NIP 5265877635, and the chosen organisation “Inna Spółka sp. z o.o.” has NIP 7251801126. KSeF accepts this invoice only from the seller\'s organisation: choose the organisation with NIP 5265877635 or correct the seller\'s NIP (Podmiot1) in your invoicing program.',
    });
  });

  it('NO_ORGANISATION: no organisation has the seller NIP', async () => {
    const result = await checkInvoiceFile(file(VALID_XML), ctx({ profiles: PROFILES.filter((p) => p.nip !== SELLER_NIP) }));
    expect(result.profileId).toBeUndefined();
    expect(result.problems).toEqual([{ code: 'NO_ORGANISATION', ...NIP_WHERE, data: { rule: 'noMatch', sellerNip: SELLER_NIP } }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: Sprzedawca na fakturze ma NIP 5265877635, a w rozszerzeniu nie ma organizacji o tym NIP. Dodaj tę organizację w ustawieniach (z jej certyfikatem KSeF) albo sprawdź NIP sprzedawcy (Podmiot1) w programie do fakturowania.',
      en: 'Line 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: The seller on the invoice has NIP 5265877635, and the extension has no organisation with that NIP. Add that organisation in the settings (with its KSeF certificate) or check the seller\'s NIP (Podmiot1) in your invoicing program.',
    });
  });

  it('NO_ORGANISATION: the picked organisation is gone, or the invoice has no seller NIP (worker re-check)', async () => {
    const gone = await checkInvoiceBasics(file(VALID_XML), ctx({ profileId: 'p-deleted' }));
    expect(gone.problems).toEqual([{ code: 'NO_ORGANISATION', ...NIP_WHERE, data: { rule: 'unknownProfile', sellerNip: SELLER_NIP } }]);
    expect(texts(gone.problems[0]!).pl).toBe('Wiersz 12, element Faktura/Podmiot1/DaneIdentyfikacyjne/NIP: Wybranej organizacji nie ma już w rozszerzeniu (mogła zostać usunięta). Wybierz organizację ponownie; sprzedawca na fakturze ma NIP 5265877635.');
    const noNip = await checkInvoiceBasics(file(variant(['<NIP>5265877635</NIP>', ''])), ctx());
    expect(noNip.problems).toEqual([{ code: 'NO_ORGANISATION', line: 11, path: 'Faktura/Podmiot1/DaneIdentyfikacyjne', data: { rule: 'noSellerNip' } }]);
    expect(texts(noNip.problems[0]!).en).toBe('Line 11, element Faktura/Podmiot1/DaneIdentyfikacyjne: The invoice has no seller NIP (Podmiot1 → DaneIdentyfikacyjne → NIP), so it is not clear which organisation should send it. Fill in the seller\'s NIP in your invoicing program and export the invoice again.');
  });
});

describe('ISSUE_DATE_IN_FUTURE', () => {
  it('P_1 after today in Poland', async () => {
    const result = await checkInvoiceFile(file(variant(['<P_1>2026-03-02</P_1>', '<P_1>2026-12-09</P_1>'])), ctx());
    expect(result.problems).toEqual([{
      code: 'ISSUE_DATE_IN_FUTURE', line: 45, path: 'Faktura/Fa/P_1', data: { date: '2026-12-09', today: '2026-03-02' },
    }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 45, element Faktura/Fa/P_1: Data wystawienia (P_1) 2026-12-09 jest późniejsza niż dzisiejsza (2026-03-02) — KSeF odrzuci taką fakturę. Popraw datę w programie do fakturowania i wyeksportuj plik ponownie albo wyślij fakturę w dniu jej wystawienia.',
      en: 'Line 45, element Faktura/Fa/P_1: The issue date (P_1) 2026-12-09 is later than today (2026-03-02) — KSeF will reject such an invoice. Correct the date in your invoicing program and export the file again, or send the invoice on its issue date.',
    });
  });

  it("counts days by the Polish calendar: 00:30 in Warsaw is already the invoice's day, 23:30 the day before is not", async () => {
    const justAfterMidnight = await checkInvoiceBasics(file(VALID_XML), ctx({ now: new Date('2026-03-01T23:30:00Z') }));
    expect(justAfterMidnight.problems).toEqual([]);
    const eveningBefore = await checkInvoiceBasics(file(VALID_XML), ctx({ now: new Date('2026-03-01T22:30:00Z') }));
    expect(eveningBefore.problems).toMatchObject([{ code: 'ISSUE_DATE_IN_FUTURE', data: { date: '2026-03-02', today: '2026-03-01' } }]);
  });
});

describe('ALREADY_SENT', () => {
  it('accepted earlier: when and under which KSeF number', async () => {
    const findEarlier = vi.fn(earlierFound({ ksefNumber: '5265877635-20260227-0100001A2B3C-4D', at: '2026-02-27T13:05:00Z', where: 'invoices' }));
    const result = await checkInvoiceFile(file(VALID_XML), ctx({ findEarlier }));
    expect(findEarlier).toHaveBeenCalledExactlyOnceWith(SELLER_NIP, 'VAT', 'FA/1/03/2026');
    expect(result.problems).toEqual([{
      code: 'ALREADY_SENT', line: 47, path: 'Faktura/Fa/P_2',
      data: {
        sellerNip: SELLER_NIP, kind: 'VAT', number: 'FA/1/03/2026', at: '2026-02-27T13:05:00Z', where: 'invoices',
        ksefNumber: '5265877635-20260227-0100001A2B3C-4D',
      },
    }]);
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 47, element Faktura/Fa/P_2: Ta faktura (NIP sprzedawcy 5265877635, rodzaj VAT, numer FA/1/03/2026) została już wysłana 27.02.2026 o 14:05 i ma numer KSeF 5265877635-20260227-0100001A2B3C-4D. KSeF nie przyjmie jej drugi raz. Jeśli to inna faktura, nadaj jej nowy numer w programie do fakturowania.',
      en: 'Line 47, element Faktura/Fa/P_2: This invoice (seller NIP 5265877635, kind VAT, number FA/1/03/2026) was already sent on 2026-02-27 at 14:05 and has the KSeF number 5265877635-20260227-0100001A2B3C-4D. KSeF will not accept it a second time. If it is a different invoice, give it a new number in your invoicing program.',
    });
  });

  it('still in the outbox without a KSeF number', async () => {
    const findEarlier = earlierFound({ at: '2026-03-02T08:15:00Z', where: 'outbox', outboxItemId: 'ob-1' });
    const result = await checkInvoiceFile(file(VALID_XML), ctx({ findEarlier }));
    expect(result.problems).toMatchObject([{ code: 'ALREADY_SENT', data: { where: 'outbox', outboxItemId: 'ob-1' } }]);
    expect(result.problems[0]!.data).not.toHaveProperty('ksefNumber');
    expect(texts(result.problems[0]!)).toEqual({
      pl: 'Wiersz 47, element Faktura/Fa/P_2: Ta faktura (NIP sprzedawcy 5265877635, rodzaj VAT, numer FA/1/03/2026) jest już w wysyłce od 02.03.2026, 09:15 i czeka na odpowiedź KSeF. Nie wysyłaj jej drugi raz — jej stan widać na liście wysłanych. Jeśli to inna faktura, nadaj jej nowy numer w programie do fakturowania.',
      en: 'Line 47, element Faktura/Fa/P_2: This invoice (seller NIP 5265877635, kind VAT, number FA/1/03/2026) has been on its way since 2026-03-02, 09:15 and is waiting for KSeF\'s answer. Do not send it again — its state is on the list of sent invoices. If it is a different invoice, give it a new number in your invoicing program.',
    });
  });

  it('asks with the invoice kind: a correction (KOR) with the same number is another key', async () => {
    const findEarlier = vi.fn(async () => undefined);
    await checkInvoiceBasics(file(variant(['<RodzajFaktury>VAT</RodzajFaktury>', '<RodzajFaktury>KOR</RodzajFaktury>'])), ctx({ findEarlier }));
    expect(findEarlier).toHaveBeenCalledExactlyOnceWith(SELLER_NIP, 'KOR', 'FA/1/03/2026');
  });
});
