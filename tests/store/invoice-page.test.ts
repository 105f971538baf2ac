import { beforeAll, describe, expect, it, vi } from 'vitest';
import { meterIndexedDb } from './idb-meter';
import { cursorOf, type InvoiceDateField, type InvoicePageQuery } from '../../lib/store/invoice-page';
import type { InvoiceRecord } from '../../lib/store/invoice-record';
import type { InvoiceState } from '../../lib/store/records';
import type { Store } from '../../lib/store/store';
import { caught, freshStore, ksefNumber, makeMetadata, profileInput } from './helpers';

const BIG = 10_000;
const SMALL = 300;
const STATES: InvoiceState[] = ['new', 'seen', 'booked'];

let store: Store;
/** Every stored record, as the test expects them to be. */
let all: InvoiceRecord[];

/** The expected order: date, then profile, then KSeF number, as the indexes sort. */
function sorted(records: InvoiceRecord[], field: InvoiceDateField): InvoiceRecord[] {
  const key = (r: InvoiceRecord) => [r[field], r.profileId, r.ksefNumber];
  return [...records].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  });
}

/** Reads every page of `query` and checks each page's cursor continues exactly where the page ended. */
async function walk(query: Omit<InvoicePageQuery, 'after'>): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let after: InvoicePageQuery['after'];
  let pages = 0;
  for (;;) {
    const page = await store.listInvoicesPage({ ...query, after });
    pages++;
    keys.push(...page.items.map((r) => `${r.profileId}/${r.ksefNumber}`));
    if (!page.next) break;
    expect(page.items).toHaveLength(query.limit);
    expect(page.next).toEqual(cursorOf(page.items[page.items.length - 1]!, query.dateField));
    after = page.next;
    if (pages > BIG) throw new Error('paging does not end');
  }
  return { keys, pages };
}

beforeAll(async () => {
  ({ store } = freshStore());
  await store.saveProfile(profileInput('a'));
  await store.saveProfile(profileInput('b'));
  // One transaction each: the bulk path the sync uses for a truncated 10 000-record answer.
  const a = await store.putNewInvoices('a', 'Subject2', Array.from({ length: BIG }, (_, i) => makeMetadata(i)));
  const b = await store.putNewInvoices(
    'b',
    'Subject2',
    Array.from({ length: SMALL }, (_, i) => makeMetadata(i * 3, { ksefNumber: ksefNumber(i * 3, '1111111111') })),
  );
  expect([a.length, b.length]).toEqual([BIG, SMALL]);
  const stateOf = (i: number): InvoiceState => STATES[i % 3]!;
  for (const state of ['seen', 'booked'] as const) {
    await store.setInvoiceState(a.filter((_, i) => stateOf(i) === state), state);
    await store.setInvoiceState(b.filter((_, i) => stateOf(i + 1) === state), state);
  }
  all = [
    ...a.map((r, i) => ({ ...r, state: stateOf(i) })),
    ...b.map((r, i) => ({ ...r, state: stateOf(i + 1) })),
  ];
}, 120_000);

describe('listInvoicesPage: keyset paging through 10 300 invoices', () => {
  const key = (r: InvoiceRecord) => `${r.profileId}/${r.ksefNumber}`;

  it.each<[string, Omit<InvoicePageQuery, 'after' | 'direction' | 'limit'>, (r: InvoiceRecord) => boolean]>([
    ['one profile by issue date', { profileId: 'a' }, (r) => r.profileId === 'a'],
    ['all profiles by issue date', {}, () => true],
    ['one profile by storage date', { profileId: 'a', dateField: 'permanentStorageDate' }, (r) => r.profileId === 'a'],
    ['all profiles, booked, by storage date', { state: 'booked', dateField: 'permanentStorageDate' }, (r) => r.state === 'booked'],
    ['one profile, new', { profileId: 'b', state: 'new' }, (r) => r.profileId === 'b' && r.state === 'new'],
    [
      'one profile, seen, in a period (whole days, inclusive)',
      { profileId: 'a', state: 'seen', from: '2025-03-05', to: '2025-04-10' },
      (r) => r.profileId === 'a' && r.state === 'seen' && r.issueDate >= '2025-03-05' && r.issueDate <= '2025-04-10',
    ],
    [
      'all profiles by storage date, from a date-time with an offset to a day',
      { dateField: 'permanentStorageDate', from: '2026-01-01T05:00:00+01:00', to: '2026-01-02' },
      (r) => r.permanentStorageDate >= '2026-01-01T04:00:00.000Z' && r.permanentStorageDate < '2026-01-03',
    ],
  ])('returns every match once, in order, both ways: %s', async (_name, filter, predicate) => {
    const expected = sorted(all.filter(predicate), filter.dateField ?? 'issueDate').map(key);
    expect(expected.length).toBeGreaterThan(40);
    const asc = await walk({ ...filter, direction: 'asc', limit: 250 });
    expect(asc.keys).toEqual(expected);
    const desc = await walk({ ...filter, direction: 'desc', limit: 97 });
    expect(desc.keys).toEqual([...expected].reverse());
    expect(desc.pages).toBe(Math.floor(expected.length / 97) + 1);
  });

  it('continues from a cursor in the middle, and gives the page before when asked the other way', async () => {
    const first = await store.listInvoicesPage({ profileId: 'a', direction: 'desc', limit: 50 });
    const second = await store.listInvoicesPage({ profileId: 'a', direction: 'desc', limit: 50, after: first.next! });
    const expected = sorted(all.filter((r) => r.profileId === 'a'), 'issueDate').reverse();
    expect(second.items.map(key)).toEqual(expected.slice(50, 100).map(key));
    const back = await store.listInvoicesPage({ profileId: 'a', direction: 'asc', limit: 50, after: cursorOf(second.items[0]!) });
    expect(back.items.reverse().map(key)).toEqual(first.items.map(key));
  });

  it('visits only the page from an index, wherever the page is (no scan, no offset)', async () => {
    const middle = await store.listInvoicesPage({ profileId: 'a', direction: 'asc', limit: 10, from: '2025-06-01' });
    // fake-indexeddb moves every cursor, on open and on each continue, through this one step function.
    // (Spying on IDBCursor.prototype.continue itself would hide it from idb's wrapper.)
    const cursorProto = IDBCursor.prototype as unknown as { _iterate: (...args: unknown[]) => unknown };
    expect(typeof cursorProto._iterate).toBe('function');
    const steps = vi.spyOn(cursorProto, '_iterate');
    const page = await store.listInvoicesPage({ profileId: 'a', direction: 'asc', limit: 50, after: middle.next! });
    expect(page.items).toHaveLength(50);
    // limit + 1 records: the extra one only tells whether another page follows.
    expect(steps).toHaveBeenCalledTimes(51);
    steps.mockClear();
    await store.newestInvoices('a', 5);
    expect(steps).toHaveBeenCalledTimes(5);
  });

  it('pages all profiles by merging the per-profile ranges: only the page\'s records are read', async () => {
    const middle = await store.listInvoicesPage({ direction: 'asc', limit: 10 });
    const meter = meterIndexedDb();
    try {
      const page = await store.listInvoicesPage({ direction: 'asc', limit: 50, after: middle.next! });
      const expected = sorted(all, 'issueDate').slice(10, 60);
      expect(page.items.map(key)).toEqual(expected.map(key));
      expect(new Set(page.items.map((r) => r.profileId))).toEqual(new Set(['a', 'b']));
      expect(meter.recordsRead).toBe(50);
      // The two profiles' ids, then per profile its first key and one step per key taken (the 51st tells
      // whether more follow).
      expect(meter.keysRead).toBeLessThanOrEqual(2 + 2 + 50);
      expect(meter.transactions).toHaveLength(1);
    } finally {
      meter.stop();
    }
  });

  it('returns an empty last page with no cursor when the range is empty', async () => {
    expect(await store.listInvoicesPage({ profileId: 'a', from: '2030-01-01', direction: 'asc', limit: 10 })).toEqual({
      items: [],
      next: null,
    });
    expect(await store.listInvoicesPage({ profileId: 'a', from: '2025-02-01', to: '2025-01-01', direction: 'desc', limit: 10 })).toEqual({
      items: [],
      next: null,
    });
  });

  it.each<[string, Partial<InvoicePageQuery>, string]>([
    ['a limit of 0', { limit: 0 }, '"limit" must be an integer from 1 to 1000'],
    ['an unknown direction', { direction: 'up' as never }, '"direction" must be asc or desc'],
    ['a date that is not a date', { from: '10.02.2026' }, '"from" must be a date (YYYY-MM-DD) or an ISO date-time'],
    ['an unknown state', { state: 'paid' as never }, '"state" must be one of new, seen, booked'],
    ['an unknown date field', { dateField: 'dueDate' as never }, '"dateField" must be issueDate or permanentStorageDate'],
    [
      "another profile's cursor",
      { after: { date: '2025-01-01', profileId: 'b', ksefNumber: ksefNumber(1) } },
      '"after" must come from a page of the same profile',
    ],
  ])('checks its query (%s)', async (_name, change, message) => {
    const query = { profileId: 'a', direction: 'asc', limit: 10, ...change } as InvoicePageQuery;
    expect(await caught(store.listInvoicesPage(query))).toMatchObject({ name: 'TypeError', message });
  });
});
