// Issue 15: at 50 000 stored invoices the search still reads about as many records as it finds (the index does
// the narrowing), not a share of the store: an invoice number, a KSeF number, a NIP and a seller-name word,
// each counted in records read and index keys read (tests/store/idb-meter.ts). Timings are the bench's.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../lib/store/store';
import { meterIndexedDb, type Meter } from './idb-meter';
import { freshStore, profileInput } from './helpers';
import { ksefNumberOf, metadata } from '../inbox/helpers';

const STORED = 50_000;
/** A seller with few invoices among the 50 000 (every 2 500th). */
const RARE = { nip: '9512345674', name: 'Żuraw i Syn Sp. z o.o.' };
const rare = (i: number) => i % 2_500 === 7;

let store: Store;
let meter: Meter | undefined;

beforeAll(async () => {
  ({ store } = freshStore());
  await store.saveProfile(profileInput('p1'));
  for (let start = 0; start < STORED; start += 10_000) {
    const batch = Array.from({ length: 10_000 }, (_, k) => {
      const i = start + k;
      return rare(i) ? metadata(i, { ksefNumber: ksefNumberOf(i, RARE.nip), seller: RARE }) : metadata(i);
    });
    await store.putNewInvoices('p1', 'Subject2', batch);
  }
}, 300_000);
afterEach(() => meter?.stop());

describe(`search over ${STORED} invoices`, () => {
  const rareCount = Array.from({ length: STORED }, (_, i) => i).filter(rare).length;

  it.each([
    ['an invoice number', 'FV/31337/2025', 1],
    ['a KSeF number', metadata(44_444).ksefNumber, 1],
    ['a seller NIP', RARE.nip, rareCount],
    ['a seller-name word, Polish marks folded', 'zuraw', rareCount],
  ])('by %s reads the records it finds, not the store', async (_name, search, matches) => {
    meter = meterIndexedDb();
    const page = await store.searchInvoicesPage({ profileId: 'p1', direction: 'desc', limit: 50, search });
    expect(page.items).toHaveLength(matches);
    // Each found record once, and the profile (its NIP: search-terms.ts `ownNip`); index keys: the matching
    // terms (a record has a few per word) and nothing else.
    expect(meter.recordsRead).toBe(matches + 1);
    expect(meter.keysRead).toBeLessThanOrEqual(4 * matches);
    expect(meter.counts).toBe(0);
  });

  it('a word that a third of the invoices share reads one page of records', async () => {
    meter = meterIndexedDb();
    const page = await store.searchInvoicesPage({ profileId: 'p1', direction: 'desc', limit: 50, search: 'hurtownia' });
    expect(page.items).toHaveLength(50);
    expect(page.next).not.toBeNull();
    expect(meter.recordsRead).toBe(51 + 1);
  });

  it("the profile's own NIP as the buyer (stored as no term) reads one page of records", async () => {
    meter = meterIndexedDb();
    const page = await store.searchInvoicesPage({ profileId: 'p1', direction: 'desc', limit: 50, search: 'PL 5265877635' });
    expect(page.items).toHaveLength(50);
    expect(page.next).not.toBeNull();
    expect(meter.recordsRead).toBe(51 + 1);
    expect(page.items.every((r) => !r.searchTerms.includes('5265877635'))).toBe(true);
  });
});
