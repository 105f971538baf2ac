import { beforeAll, describe, expect, it, vi } from 'vitest';
import { collectInvoices, loadInboxPage, toSearchQuery } from '../../lib/inbox/search';
import type { InboxFilter } from '../../lib/inbox/filter';
import type { InvoiceCursor } from '../../lib/store/invoice-page';
import type { InvoiceRecord } from '../../lib/store/invoice-record';
import type { Store } from '../../lib/store/store';
import { seededStore, SELLERS } from './helpers';

const COUNT = 600;
let store: Store;
let all: InvoiceRecord[];

beforeAll(async () => {
  store = await seededStore(COUNT, ['p1', 'p2']);
  all = (await collectInvoices(store.searchInvoicesPage, { dateField: 'issueDate', direction: 'asc' })).items;
});

const base: InboxFilter = { dateField: 'issueDate', direction: 'desc' };

/** Every page of a filter, following `next`. */
async function walk(filter: InboxFilter, limit: number) {
  const keys: string[] = [];
  let after: InvoiceCursor | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await loadInboxPage(store.searchInvoicesPage, filter, { limit, ...(after ? { after } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    keys.push(...page.items.map((r) => `${r.profileId}/${r.ksefNumber}`));
    if (!page.next) return keys;
    after = page.next;
  }
  throw new Error('walk did not end');
}

describe('loadInboxPage', () => {
  it('collects every invoice of both profiles once', () => {
    expect(all).toHaveLength(2 * COUNT);
    expect(new Set(all.map((r) => `${r.profileId}/${r.ksefNumber}`)).size).toBe(2 * COUNT);
  });

  it('pages through a search and finds exactly the matching invoices, in index order', async () => {
    const keys = await walk({ ...base, search: 'zolta lodz' }, 25);
    const expected = all
      .filter((r) => r.metadata.seller.nip === SELLERS[0].nip)
      .map((r) => ({ key: `${r.profileId}/${r.ksefNumber}`, sortKey: [r.issueDate, r.profileId, r.ksefNumber].join('\u0000') }))
      .sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
    expect(keys).toEqual(expected.map((e) => e.key));
  });

  it('combines profile, state, period and seller NIP', async () => {
    await store.setInvoiceState(
      all.filter((r) => r.profileId === 'p1').slice(0, 90).map((r) => ({ profileId: r.profileId, ksefNumber: r.ksefNumber })),
      'booked',
    );
    const filter: InboxFilter = {
      ...base, profileId: 'p1', state: 'booked', from: '2025-01-01', to: '2025-03-31', sellerNip: SELLERS[1].nip,
    };
    const booked = new Set(all.filter((r) => r.profileId === 'p1').slice(0, 90).map((r) => r.ksefNumber));
    const expected = all.filter(
      (r) =>
        r.profileId === 'p1' && booked.has(r.ksefNumber) && r.issueDate >= '2025-01-01' && r.issueDate <= '2025-03-31' &&
        r.metadata.seller.nip === SELLERS[1].nip,
    );
    const keys = await walk(filter, 10);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set(expected.map((r) => `p1/${r.ksefNumber}`)));
  });

  it('finds one invoice by its number among all', async () => {
    const keys = await walk({ ...base, search: 'FV/777/2025' }, 50);
    expect(keys).toEqual([`p2/${all.find((r) => r.metadata.invoiceNumber === 'FV/777/2025')!.ksefNumber}`]);
  });

  it('passes the whole filter to the store in one call per page, with the abort signal', async () => {
    const spy = vi.fn(store.searchInvoicesPage);
    const signal = new AbortController().signal;
    const filter: InboxFilter = { ...base, profileId: 'p1', sellerNip: SELLERS[2].nip, search: 'swit' };
    const page = await loadInboxPage(spy, filter, { limit: 50, signal });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]).toEqual([toSearchQuery(filter, 50), { signal }]);
    expect(spy.mock.calls[0]![0]).toMatchObject({ limit: 50, direction: 'desc', dateField: 'issueDate', sellerNip: SELLERS[2].nip, search: 'swit' });
    expect(page.items).toHaveLength(50);
  });

  it('rejects with AbortError when the page is no longer wanted', async () => {
    const controller = new AbortController();
    const pending = loadInboxPage(store.searchInvoicesPage, { ...base, search: 'fv' }, { limit: 50, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it.each([
    [{ limit: 0 }, '"limit" must be an integer from 1 to 1000'],
    [{ limit: 1001 }, '"limit" must be an integer from 1 to 1000'],
  ])('checks options %j', async (options, message) => {
    await expect(loadInboxPage(store.searchInvoicesPage, base, options)).rejects.toThrow(new TypeError(message));
  });

  it('checks the filter and the store function', async () => {
    await expect(loadInboxPage(store.searchInvoicesPage, { ...base, direction: 'x' as never }, { limit: 1 })).rejects.toThrow(
      new TypeError('"direction" must be asc or desc'),
    );
    await expect(loadInboxPage(null as never, base, { limit: 1 })).rejects.toThrow(new TypeError('"searchPage" must be a function'));
  });
});

describe('collectInvoices', () => {
  it('collects what the filter shows, and says when it stopped at max', async () => {
    const some = await collectInvoices(store.searchInvoicesPage, { ...base, profileId: 'p2', search: 'ŚWIT' });
    expect(some.truncated).toBe(false);
    expect(some.items.every((r) => r.profileId === 'p2' && r.metadata.seller.nip === SELLERS[2].nip)).toBe(true);
    expect(some.items).toHaveLength(all.filter((r) => r.profileId === 'p2' && r.metadata.seller.nip === SELLERS[2].nip).length);
    const capped = await collectInvoices(store.searchInvoicesPage, base, 70);
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.items).toHaveLength(70);
  });
});
