// Issue 15: a dense search (a seller on every 7th invoice, more than DIRECT candidates) walks the date index in
// growing chunks of keys (getAllKeys with a direction) instead of one cursor step per key. Paging it to the end
// in both directions must give exactly the matching invoices, in the list's order, each once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store/store';
import type { InvoiceCursor, InvoiceRecord } from '../../lib/store';
import { freshStore, profileInput } from './helpers';
import { ksefNumberOf, metadata } from '../inbox/helpers';

const STORED = 4_200;
const SELLER = { nip: '9512345674', name: 'Hurtownia Żuraw Sp. z o.o.' };
const dense = (i: number) => i % 7 === 3;

let store: Store;

beforeAll(async () => {
  ({ store } = freshStore());
  await store.saveProfile(profileInput('p1'));
  const batch = Array.from({ length: STORED }, (_, i) =>
    dense(i) ? metadata(i, { ksefNumber: ksefNumberOf(i, SELLER.nip), seller: SELLER }) : metadata(i),
  );
  await store.putNewInvoices('p1', 'Subject2', batch);
}, 120_000);

async function pageAll(search: string, direction: 'asc' | 'desc', profileId?: string): Promise<InvoiceRecord[]> {
  const all: InvoiceRecord[] = [];
  let after: InvoiceCursor | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await store.searchInvoicesPage({
      ...(profileId ? { profileId } : {}), dateField: 'issueDate', direction, limit: 50, search, ...(after ? { after } : {}),
    });
    all.push(...page.items);
    if (!page.next) return all;
    after = page.next;
  }
  throw new Error('more than 100 pages');
}

describe('a dense search walks the date index in chunks', () => {
  const expected = Array.from({ length: STORED }, (_, i) => i).filter(dense).length;

  it.each([
    ['asc', 'p1'], ['desc', 'p1'], ['desc', undefined],
  ] as const)('pages %s (profile %s) through every match once, in date order', async (direction, profileId) => {
    for (const search of [SELLER.nip, 'zuraw']) {
      const found = await pageAll(search, direction, profileId);
      expect(found).toHaveLength(expected);
      expect(new Set(found.map((r) => r.ksefNumber)).size).toBe(expected);
      expect(found.every((r) => r.metadata.seller?.nip === SELLER.nip)).toBe(true);
      const keys = found.map((r) => `${r.issueDate}|${r.ksefNumber}`);
      const sorted = [...keys].sort();
      expect(keys).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    }
  });
});
