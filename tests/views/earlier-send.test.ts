// "Already sent" (SEND-CONTRACT §1 findEarlier) over the outbox and the invoices synced from KSeF.
import { describe, expect, it } from 'vitest';
import { earlierSendFinder, rodzajFromInvoiceType } from '../../lib/views/earlier-send';
import type { SentItem } from '../../lib/views/outbox-view';

const item = (step: SentItem['step'], extra: Partial<SentItem> = {}): SentItem => ({
  id: `id-${step}`, profileId: 'a', batchId: 'b', fileName: 'f.xml', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z', step,
  facts: { sellerNip: '5265877635', kind: 'VAT', number: 'FV/1', issueDate: '2026-03-01', sha256Base64: 'x' }, ...extra,
});
const record = (invoiceType: string) => ({
  ksefNumber: '5265877635-20260301-0100001AF629-B1', permanentStorageDate: '2026-03-01T10:00:05.000Z',
  metadata: { invoiceNumber: 'FV/1', seller: { nip: '5265877635' }, invoiceType, acquisitionDate: '2026-03-01T10:00:01.000Z' },
});

function finder(outbox: SentItem[], invoices: ReturnType<typeof record>[] = []) {
  const queries: unknown[] = [];
  const find = earlierSendFinder({
    findOutboxByInvoice: async () => outbox,
    searchInvoicesPage: async (query) => {
      queries.push(query);
      return { items: invoices as never, next: null };
    },
  });
  return { find, queries };
}

describe('earlierSendFinder', () => {
  it('finds an accepted item with its KSeF number and acceptance date', async () => {
    const { find } = finder([item('accepted', { ksefNumber: 'K-1', acquisitionDate: '2026-03-01T10:00:02.000Z' })]);
    expect(await find('5265877635', 'VAT', 'FV/1')).toEqual({ where: 'outbox', at: '2026-03-01T10:00:02.000Z', outboxItemId: 'id-accepted', ksefNumber: 'K-1' });
  });

  it('counts an item on its way, but not a rejected or failed one (not in KSeF: a corrected file may go)', async () => {
    expect(await finder([item('queued')]).find('5265877635', 'VAT', 'FV/1')).toMatchObject({ where: 'outbox', at: '2026-03-01T10:00:00.000Z' });
    expect(await finder([item('rejected'), item('failed')]).find('5265877635', 'VAT', 'FV/1')).toBeUndefined();
  });

  it('finds an invoice synced from KSeF with the same kind, and not one of another kind', async () => {
    const { find, queries } = finder([], [record('Vat')]);
    expect(await find('5265877635', 'VAT', 'FV/1')).toEqual({ where: 'invoices', at: '2026-03-01T10:00:01.000Z', ksefNumber: '5265877635-20260301-0100001AF629-B1' });
    expect(queries).toEqual([{ search: 'FV/1', sellerNip: '5265877635', direction: 'desc', limit: 50 }]);
    expect(await finder([], [record('Kor')]).find('5265877635', 'VAT', 'FV/1')).toBeUndefined();
  });

  it.each([
    ['Vat', 'VAT'],
    ['KorZal', 'KOR_ZAL'],
    ['KorRoz', 'KOR_ROZ'],
    ['Upr', 'UPR'],
  ])('InvoiceType %s is RodzajFaktury %s', (type, rodzaj) => {
    expect(rodzajFromInvoiceType(type)).toBe(rodzaj);
  });
});
