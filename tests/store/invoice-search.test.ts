// Issue 10 item 5: the search answers from the `bySearchTerm` index (prefix ranges, words intersected), pages in
// the list's order, and stops when aborted. The full-size figures (10 000 and 50 000) are in the bench and e2e.
import { IDBCursor, IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore, type Store } from '../../lib/store/store';
import { defaultPreferences } from '../../lib/store/profiles';
import type { InvoiceCursor } from '../../lib/store/invoice-page';
import type { InvoiceRecord } from '../../lib/store/invoice-record';
import { createDbHandle } from '../../lib/store/db';
import { invoiceSearchFunctions, type InvoiceSearchQuery } from '../../lib/store/invoice-search';
import { metadata, NOW, seededStore, SELLERS } from '../inbox/helpers';

const COUNT = 600;
let store: Store;
let all: InvoiceRecord[];

beforeAll(async () => {
  store = await seededStore(COUNT, ['p1', 'p2']);
  all = [];
  for (let after: InvoiceCursor | undefined, more = true; more; ) {
    const page = await store.listInvoicesPage({ direction: 'asc', limit: 1000, ...(after ? { after } : {}) });
    all.push(...page.items);
    after = page.next ?? undefined;
    more = page.next !== null;
  }
});

const keyOf = (r: InvoiceRecord) => `${r.profileId}/${r.ksefNumber}`;
/** The list's order: date, then profile, then KSeF number (the per-profile ranges merged: invoice-page.ts). */
const byIssueDate = (a: InvoiceRecord, b: InvoiceRecord) =>
  [a.issueDate, a.profileId, a.ksefNumber].join('\u0000') < [b.issueDate, b.profileId, b.ksefNumber].join('\u0000') ? -1 : 1;

/** Every page of a search, following `next`. */
async function walk(query: Omit<InvoiceSearchQuery, 'limit'>, limit: number): Promise<string[]> {
  const keys: string[] = [];
  let after: InvoiceCursor | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await store.searchInvoicesPage({ ...query, limit, ...(after ? { after } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    keys.push(...page.items.map(keyOf));
    if (!page.next) return keys;
    after = page.next;
  }
  throw new Error('walk did not end');
}

describe('searchInvoicesPage', () => {
  it.each([
    ['an invoice number', 'FV/777/2025', (r: InvoiceRecord) => r.metadata.invoiceNumber === 'FV/777/2025'],
    ['a KSeF number', metadata(1000).ksefNumber, (r: InvoiceRecord) => r.ksefNumber === metadata(1000).ksefNumber],
    ['a KSeF number in lower case from its date part', metadata(5).ksefNumber.slice(11).toLowerCase(), (r: InvoiceRecord) => r.ksefNumber === metadata(5).ksefNumber],
    ['the start of an invoice number', 'fv/59', (r: InvoiceRecord) => r.metadata.invoiceNumber.startsWith('FV/59')],
    ['a seller NIP with dashes', '774-000-14-54', (r: InvoiceRecord) => r.metadata.seller.nip === SELLERS[1].nip],
    ['seller name words without marks', 'hurtownia swit', (r: InvoiceRecord) => r.metadata.seller.nip === SELLERS[2].nip],
    ['a name word and a number part', 'bilans 2025', (r: InvoiceRecord) => r.metadata.seller.nip === SELLERS[1].nip],
    ['the buyer NIP (every invoice)', 'PL 5265877635', () => true],
    ['nothing', 'no such seller', () => false],
  ])('finds exactly the invoices by %s, newest first, page after page', async (_, search, expected) => {
    const want = all.filter(expected).sort(byIssueDate).reverse().map(keyOf);
    expect(await walk({ direction: 'desc', search }, 37)).toEqual(want);
  });

  it('pages oldest first by storage date within one profile, state and period, with the seller NIP', async () => {
    const p1 = all.filter((r) => r.profileId === 'p1');
    await store.setInvoiceState(p1.slice(0, 200).map((r) => ({ profileId: r.profileId, ksefNumber: r.ksefNumber })), 'booked');
    const query = {
      profileId: 'p1', state: 'booked', dateField: 'permanentStorageDate', from: '2026-01-01', to: '2026-01-01',
      direction: 'asc', sellerNip: SELLERS[0].nip, search: 'fv',
    } as const;
    const want = p1
      .slice(0, 200)
      .filter((r) => r.metadata.seller.nip === SELLERS[0].nip && r.permanentStorageDate.startsWith('2026-01-01'))
      .sort((a, b) => (a.permanentStorageDate + a.ksefNumber < b.permanentStorageDate + b.ksefNumber ? -1 : 1))
      .map(keyOf);
    expect(want.length).toBeGreaterThan(20);
    expect(await walk(query, 10)).toEqual(want);
  });

  it('reads the index and the records found, never walking a cursor', async () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const cursor = vi.spyOn(IDBCursor.prototype, 'continue');
    const page = await store.searchInvoicesPage({ direction: 'desc', limit: 50, search: 'FV/777/2025' });
    expect(page.items.map((r) => r.metadata.invoiceNumber)).toEqual(['FV/777/2025']);
    expect(get).toHaveBeenCalledTimes(1);
    expect(cursor).not.toHaveBeenCalled();
  });

  it('without words is the plain list', async () => {
    const plain = await store.listInvoicesPage({ direction: 'desc', limit: 20 });
    expect(await store.searchInvoicesPage({ direction: 'desc', limit: 20, search: ' - ' })).toEqual(plain);
  });

  it('stops when aborted, before or during the search', async () => {
    const before = new AbortController();
    before.abort();
    await expect(store.searchInvoicesPage({ direction: 'desc', limit: 50, search: 'fv' }, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const pending = store.searchInvoicesPage({ direction: 'desc', limit: 50, search: 'zolta' }, { signal: during.signal });
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(get).not.toHaveBeenCalled();
  });

  it.each([
    [{ search: 5 }, '"search" must be a string'],
    [{ sellerNip: '526-104-08-28' }, '"sellerNip" must be a NIP of 10 digits'],
    [{ limit: 0 }, '"limit" must be an integer from 1 to 1000'],
  ])('checks %j', async (extra, message) => {
    await expect(store.searchInvoicesPage({ direction: 'desc', limit: 10, ...(extra as object) })).rejects.toThrow(new TypeError(message));
  });
});

describe('the three ways to the same page', () => {
  // Small limits force each way on a small store: candidates read directly, the date-order key walk, and
  // the walk that gives up on sparse candidates and reads them directly after all.
  const factory = new IDBFactory();
  const context = { db: createDbHandle(factory).get, now: () => NOW, cmp: (a: unknown, b: unknown) => factory.cmp(a, b) };
  const ways = {
    direct: invoiceSearchFunctions(context, { direct: Infinity, walkPerCandidate: 0 }),
    walk: invoiceSearchFunctions(context, { direct: 0, walkPerCandidate: Infinity }),
    walkThenDirect: invoiceSearchFunctions(context, { direct: 0, walkPerCandidate: 0.02 }),
  };

  beforeAll(async () => {
    const seeded = createStore({ indexedDB: factory, now: () => NOW });
    await seeded.saveProfile({ id: 'p1', name: 'Fundacja', nip: '5265877635', environment: 'test', preferences: defaultPreferences(NOW) });
    await seeded.putNewInvoices('p1', 'Subject2', Array.from({ length: 300 }, (_, i) => metadata(i)));
    await seeded.close();
  });

  it.each([
    { search: 'zolta', direction: 'desc' },
    { search: 'bilans', direction: 'asc', dateField: 'permanentStorageDate' },
    { search: '2025', direction: 'desc', from: '2025-03-01', to: '2025-06-30' },
    { search: 'fv/1', direction: 'asc', profileId: 'p1' },
    { sellerNip: SELLERS[2].nip, direction: 'desc' },
  ] as const)('%j', async (query) => {
    const pages: Record<string, string[][]> = {};
    for (const [name, way] of Object.entries(ways)) {
      pages[name] = [];
      let after: InvoiceCursor | undefined;
      do {
        const page = await way.searchInvoicesPage({ ...query, limit: 7, ...(after ? { after } : {}) });
        pages[name]!.push(page.items.map((r) => r.ksefNumber));
        after = page.next ?? undefined;
      } while (after);
    }
    expect(pages.direct!.flat().length).toBeGreaterThan(7);
    expect(pages.walk).toEqual(pages.direct);
    expect(pages.walkThenDirect).toEqual(pages.direct);
  });
});
