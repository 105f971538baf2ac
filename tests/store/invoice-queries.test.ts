import { beforeAll, describe, expect, it } from 'vitest';
import { initialSyncState } from '../../lib/store/sync-state';
import type { InvoiceRecord } from '../../lib/store/invoice-record';
import type { InvoiceState } from '../../lib/store/records';
import type { Store } from '../../lib/store/store';
import { caught, freshStore, ksefNumber, makeMetadata, profileInput } from './helpers';

const STATES: InvoiceState[] = ['new', 'seen', 'booked'];

let store: Store;
let all: InvoiceRecord[];

function byStorageDate(records: InvoiceRecord[]): InvoiceRecord[] {
  return [...records].sort(
    (x, y) => x.permanentStorageDate.localeCompare(y.permanentStorageDate) || x.ksefNumber.localeCompare(y.ksefNumber),
  );
}

beforeAll(async () => {
  ({ store } = freshStore());
  await store.saveProfile(profileInput('a'));
  await store.saveProfile(profileInput('b'));
  const a = await store.putNewInvoices('a', 'Subject2', Array.from({ length: 90 }, (_, i) => makeMetadata(i)));
  const b = await store.putNewInvoices(
    'b',
    'Subject2',
    Array.from({ length: 40 }, (_, i) => makeMetadata(i * 3, { ksefNumber: ksefNumber(i * 3, '1111111111') })),
  );
  const stateOf = (i: number): InvoiceState => STATES[i % 3]!;
  for (const state of ['seen', 'booked'] as const) {
    await store.setInvoiceState(a.filter((_, i) => stateOf(i) === state), state);
    await store.setInvoiceState(b.filter((_, i) => stateOf(i + 1) === state), state);
  }
  // Some notified, some downloaded: the queues must skip them.
  await store.markNotified(b.slice(0, 2));
  await store.saveInvoiceXml('b', b[1]!.ksefNumber, { xml: '<Faktura/>' });
  await store.saveInvoiceXml('b', b[3]!.ksefNumber, { xml: '<Faktura/>' });
  all = [...a.map((r, i) => ({ ...r, state: stateOf(i) })), ...b.map((r, i) => ({ ...r, state: stateOf(i + 1) }))];
});

describe('countByState', () => {
  it('counts one profile and all profiles through the indexes', async () => {
    const count = (records: InvoiceRecord[]) =>
      Object.fromEntries(STATES.map((s) => [s, records.filter((r) => r.state === s).length]));
    expect(await store.countByState('a')).toEqual(count(all.filter((r) => r.profileId === 'a')));
    expect(await store.countByState('b')).toEqual(count(all.filter((r) => r.profileId === 'b')));
    expect(await store.countByState()).toEqual(count(all));
    expect(await store.countByState('nobody')).toEqual({ new: 0, seen: 0, booked: 0 });
  });
});

describe('newestInvoices, listUnnotified, nextXmlToDownload', () => {
  it('newestInvoices gives the last stored in KSeF first', async () => {
    const expected = byStorageDate(all.filter((r) => r.profileId === 'b')).reverse().slice(0, 5);
    expect((await store.newestInvoices('b', 5)).map((r) => r.ksefNumber)).toEqual(expected.map((r) => r.ksefNumber));
  });

  it('listUnnotified and nextXmlToDownload give the oldest first, up to the limit, skipping what is done', async () => {
    const oldest = byStorageDate(all.filter((r) => r.profileId === 'b')).map((r) => r.ksefNumber);
    expect((await store.listUnnotified('b', 4)).map((r) => r.ksefNumber)).toEqual(oldest.slice(2, 6));
    expect((await store.nextXmlToDownload('b', 4)).map((r) => r.ksefNumber)).toEqual([0, 2, 4, 5].map((i) => oldest[i]));
    expect(await store.listUnnotified('a')).toHaveLength(90);
  });

  it.each([
    ['newestInvoices', () => store.newestInvoices('a', 0), '"n" must be an integer from 1 to 1000'],
    ['listUnnotified', () => store.listUnnotified('a', 1.5), '"limit" must be an integer from 1 to 1000'],
    ['nextXmlToDownload', () => store.nextXmlToDownload('', 1), '"profileId" must be a non-empty string of at most 200 characters'],
  ])('%s checks its arguments', async (_name, call, message) => {
    expect(await caught(call)).toMatchObject({ name: 'TypeError', message });
  });
});

describe('unnotifiedSummary and markNotifiedThrough', () => {
  it('counts what awaits an announcement, names the oldest, marks up to the newest in one go', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1), makeMetadata(9), makeMetadata(20)]);
    const summary = await store.unnotifiedSummary('p1', 2);
    expect(summary.count).toBe(3);
    expect(summary.oldest.map((r) => r.ksefNumber)).toEqual([makeMetadata(1).ksefNumber, makeMetadata(9).ksefNumber]);
    expect(summary.newest?.ksefNumber).toBe(makeMetadata(20).ksefNumber);
    // An invoice stored after the summary (later date) stays unannounced.
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(40)]);
    const state = { ...initialSyncState('p1', 'Subject2', null), firstSyncDone: true };
    expect(await store.markNotifiedThrough('p1', summary.newest!, { syncState: state })).toBe(3);
    expect((await store.unnotifiedSummary('p1', 5)).oldest.map((r) => r.ksefNumber)).toEqual([makeMetadata(40).ksefNumber]);
    expect((await store.getSyncState('p1', 'Subject2'))?.firstSyncDone).toBe(true);
    expect(await store.unnotifiedSummary('other', 1)).toEqual({ count: 0, oldest: [], newest: undefined });
  });

  it('checks its arguments', async () => {
    const { store } = freshStore();
    await expect(store.unnotifiedSummary('p1', 0)).rejects.toThrow(new TypeError('"sample" must be an integer from 1 to 1000'));
    await expect(store.markNotifiedThrough('p1', {} as never)).rejects.toThrow(new TypeError('"through" must be an invoice record stored to be announced'));
    await store.saveProfile(profileInput('p1'));
    await expect(
      store.markNotifiedThrough('p1', { seq: 1 }, { syncState: initialSyncState('p2', 'Subject2', null) }),
    ).rejects.toThrow(new TypeError('"options.syncState" must belong to the same profile'));
  });
});
