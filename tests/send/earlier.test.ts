// "Already sent" (Sending §1 findEarlier) over the outbox and the invoices synced from KSeF: one rule, read
// by the send view's check and by the worker's re-check before anything is queued (Sending §2).
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { earlierSendFinder, rodzajFromInvoiceType, type EarlierSendSources } from '../../lib/send/earlier';
import { createInProcessHeavyWork } from '../../lib/worker/heavy-in-process';
import { createSendHandlers } from '../../lib/worker/send-handlers';
import type { Store } from '../../lib/store/store';

type OutboxMatch = Awaited<ReturnType<EarlierSendSources['findOutboxByInvoice']>>[number];

const item = (step: string, extra: Partial<OutboxMatch> = {}): OutboxMatch => ({
  id: `id-${step}`, createdAt: '2026-03-01T10:00:00.000Z', step, ...extra,
});
const record = (invoiceType: string, invoiceNumber = 'FV/1') => ({
  ksefNumber: '5265877635-20260301-0100001AF629-B1',
  metadata: { invoiceNumber, seller: { nip: '5265877635' }, invoiceType, acquisitionDate: '2026-03-01T10:00:01.000Z' },
});

function sources(outbox: OutboxMatch[], invoices: ReturnType<typeof record>[] = []) {
  const queries: unknown[] = [];
  const store: EarlierSendSources = {
    findOutboxByInvoice: async () => outbox,
    searchInvoicesPage: async (query) => {
      queries.push(query);
      return { items: invoices };
    },
  };
  return { store, queries };
}
const finder = (outbox: OutboxMatch[], invoices: ReturnType<typeof record>[] = []) => {
  const { store, queries } = sources(outbox, invoices);
  return { find: earlierSendFinder(store), queries };
};

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

describe("the worker's re-check", () => {
  const xml = readFileSync(new URL('../fixtures/send/fa3-valid.xml', import.meta.url), 'utf8');

  it('refuses an invoice KSeF already holds from sync, queueing nothing and starting no send', async () => {
    const { store } = sources([], [record('Vat', 'FA/1/03/2026')]);
    const queueOutboxBatch = vi.fn();
    const runSend = vi.fn(async () => undefined);
    const fake = { ...store, getProfile: async () => ({ id: 'org', nip: '5265877635', name: 'Firma' }), queueOutboxBatch } as unknown as Store;
    const handlers = createSendHandlers(fake, { runSend } as never, () => new Date('2026-03-02T10:00:00Z'), createInProcessHeavyWork(fake));
    await expect(handlers.sendInvoices({ type: 'sendInvoices', profileId: 'org', files: [{ fileName: 'fa.xml', xml }] })).rejects.toMatchObject({
      name: 'SendError',
      code: 'FILE_REFUSED',
      message: expect.stringContaining('ALREADY_SENT'),
    });
    expect(queueOutboxBatch).not.toHaveBeenCalled();
    expect(runSend).not.toHaveBeenCalled();
  });
});
