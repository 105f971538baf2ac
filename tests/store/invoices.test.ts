import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialSyncState } from '../../lib/store/sync-state';
import { normaliseKsefNumber, type InvoiceMetadata } from '../../lib/store/invoice-record';
import { searchTermsOf } from '../../lib/store/search-terms';
import { caught, dumpAll, freshStore, ksefNumber, makeMetadata, NOW, profileInput } from './helpers';

async function withProfile(...ids: string[]) {
  const harness = freshStore();
  for (const id of ids.length ? ids : ['p1']) await harness.store.saveProfile(profileInput(id));
  return harness;
}

const keyOf = (profileId: string, m: InvoiceMetadata) => ({ profileId, ksefNumber: m.ksefNumber });

describe('normaliseKsefNumber', () => {
  it.each([
    ['5265877635-20250826-0100001AF629-AF', '5265877635-20250826-0100001AF629-AF'],
    [' 5265877635-20250826-0100001af629-af\n', '5265877635-20250826-0100001AF629-AF'],
    ['5265877635-20250826-010000-1AF629-AF', '5265877635-20250826-0100001AF629-AF'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseKsefNumber(input)).toBe(expected);
  });

  it('refuses an empty number', () => {
    expect(() => normaliseKsefNumber('  ')).toThrow(new TypeError('"ksefNumber" must be a non-empty string'));
  });
});

describe('putNewInvoices', () => {
  it('stores new invoices as new, to be announced in the order given (seq), without XML, and returns them in that order', async () => {
    const { store } = await withProfile();
    const fresh = await store.putNewInvoices('p1', 'Subject2', [makeMetadata(2), makeMetadata(1)]);
    expect(fresh.map((r) => r.ksefNumber)).toEqual([ksefNumber(2), ksefNumber(1)]);
    expect(fresh[0]).toEqual({
      profileId: 'p1',
      ksefNumber: ksefNumber(2),
      subjectType: 'Subject2',
      metadata: makeMetadata(2),
      issueDate: makeMetadata(2).issueDate,
      permanentStorageDate: '2026-01-01T00:00:00.000Z',
      state: 'new',
      seq: 1,
      hasXml: 0,
      receivedAt: NOW.toISOString(),
      searchTerms: searchTermsOf(makeMetadata(2)),
    });
    expect(await store.getInvoice('p1', ksefNumber(2))).toEqual(fresh[0]);
  });

  it('returns only the really new ones: known KSeF numbers and repeats within the batch are skipped', async () => {
    const { store } = await withProfile();
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1), makeMetadata(2)]);
    const lower = { ...makeMetadata(2), ksefNumber: ksefNumber(2).toLowerCase() };
    const fresh = await store.putNewInvoices('p1', 'Subject2', [lower, makeMetadata(3), makeMetadata(3), makeMetadata(4)]);
    expect(fresh.map((r) => r.ksefNumber)).toEqual([ksefNumber(3), ksefNumber(4)]);
    expect(await store.countByState('p1')).toEqual({ new: 4, seen: 0, booked: 0 });
  });

  it('keeps the state, notification and XML of invoices stored before', async () => {
    const { store } = await withProfile();
    const m = makeMetadata(1);
    await store.putNewInvoices('p1', 'Subject2', [m]);
    await store.setInvoiceState([keyOf('p1', m)], 'booked');
    await store.markNotified([keyOf('p1', m)]);
    await store.saveInvoiceXml('p1', m.ksefNumber, { xml: '<Faktura/>' });
    const before = await store.getInvoice('p1', m.ksefNumber);
    expect(await store.putNewInvoices('p1', 'Subject3', [{ ...m, grossAmount: 1 }])).toEqual([]);
    expect(await store.getInvoice('p1', m.ksefNumber)).toEqual(before);
  });

  it('gives each invoice as new exactly once when two syncs (an alarm and "sync now") store overlapping pages at once', async () => {
    const { store } = await withProfile();
    const [first, second] = await Promise.all([
      store.putNewInvoices('p1', 'Subject2', [1, 2, 3, 4].map((i) => makeMetadata(i))),
      store.putNewInvoices('p1', 'Subject2', [3, 4, 5].map((i) => makeMetadata(i))),
    ]);
    const returned = [...first!, ...second!].map((r) => r.ksefNumber).sort();
    expect(returned).toEqual([1, 2, 3, 4, 5].map((i) => ksefNumber(i)));
  });

  const SEED = 20260210;
  it(`over any sequence of overlapping batches, the new ones are exactly the first sightings (fast-check, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), { maxLength: 6 }), async (batches) => {
        const { store } = await withProfile();
        const seen = new Set<number>();
        for (const batch of batches) {
          const expected = batch.filter((i, at) => !seen.has(i) && batch.indexOf(i) === at);
          batch.forEach((i) => seen.add(i));
          const fresh = await store.putNewInvoices('p1', 'Subject2', batch.map((i) => makeMetadata(i)));
          expect(fresh.map((r) => r.ksefNumber)).toEqual(expected.map((i) => ksefNumber(i)));
        }
        expect((await store.countByState('p1')).new).toBe(seen.size);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('treats the same KSeF number in two profiles as two invoices', async () => {
    const { store } = await withProfile('a', 'b');
    await store.putNewInvoices('a', 'Subject2', [makeMetadata(1)]);
    expect(await store.putNewInvoices('b', 'Subject2', [makeMetadata(1)])).toHaveLength(1);
  });

  it('moves the sync mark in the same transaction as the invoices', async () => {
    const { store } = await withProfile();
    const state = { ...initialSyncState('p1', 'Subject2', null), hwm: '2026-01-01T00:05:00.000Z', firstSyncDone: true };
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)], { syncState: state });
    expect(await store.getSyncState('p1', 'Subject2')).toEqual(state);
  });

  it('stores nothing, neither invoices nor the mark, when one metadata object is invalid', async () => {
    const { store } = await withProfile();
    const state = { ...initialSyncState('p1', 'Subject2', null), hwm: '2026-01-01T00:05:00.000Z' };
    const broken = { ...makeMetadata(2), permanentStorageDate: 'wczoraj' };
    expect(await caught(store.putNewInvoices('p1', 'Subject2', [makeMetadata(1), broken], { syncState: state }))).toMatchObject({
      code: 'INVALID_RECORD',
      message: 'putNewInvoices [1]: invalid permanentStorageDate',
    });
    expect(await store.getInvoice('p1', ksefNumber(1))).toBeUndefined();
    expect(await store.getSyncState('p1', 'Subject2')).toBeUndefined();
  });

  it('with setAside: a refused record is logged by its KSeF number alone, the rest stored, the mark moved on (issue 10)', async () => {
    const { store } = await withProfile();
    const state = { ...initialSyncState('p1', 'Subject2', null), hwm: '2026-01-01T00:05:00.000Z' };
    const broken = { ...makeMetadata(2), permanentStorageDate: 'wczoraj', seller: { nip: '5265877635', name: 'Tajna Sp. z o.o.' } };
    const fresh = await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1), broken, makeMetadata(3)], { syncState: state, setAside: true });
    expect(fresh.map((r) => r.ksefNumber)).toEqual([ksefNumber(1), ksefNumber(3)]);
    expect(await store.getInvoice('p1', ksefNumber(2))).toBeUndefined();
    expect(await store.getSyncState('p1', 'Subject2')).toEqual({ ...state, skippedCount: 1, skippedNumbers: [ksefNumber(2)] });
    const log = await store.listLog({ profileId: 'p1' });
    expect(log).toEqual([
      expect.objectContaining({
        level: 'warn',
        code: 'INVOICE_SET_ASIDE',
        message: `KSeF ${ksefNumber(2)} (Subject2) set aside: putNewInvoices [1]: invalid permanentStorageDate`,
      }),
    ]);
    expect(JSON.stringify(log)).not.toContain('Tajna');
  });

  it('with setAside: the same record read again is not counted twice, and a stale engine copy keeps the count', async () => {
    const { store } = await withProfile();
    const state = initialSyncState('p1', 'Subject2', null);
    const broken = { ...makeMetadata(2), grossAmount: 'dużo' } as unknown as InvoiceMetadata;
    await store.putNewInvoices('p1', 'Subject2', [broken], { syncState: state, setAside: true });
    await store.putNewInvoices('p1', 'Subject2', [broken, makeMetadata(4)], { syncState: state, setAside: true });
    await store.putNewInvoices('p1', 'Subject2', [{ ...makeMetadata(5), ksefNumber: ' <b>x</b>\u202e ', currency: 'złotych' } as InvoiceMetadata, { ...makeMetadata(6), ksefNumber: 7 } as unknown as InvoiceMetadata], { syncState: state, setAside: true });
    expect(await store.getSyncState('p1', 'Subject2')).toMatchObject({ skippedCount: 3, skippedNumbers: [ksefNumber(2), 'BXB'] });
    expect((await store.listLog({ profileId: 'p1' })).map((e) => e.message.split(' set aside')[0])).toEqual([
      'KSeF (no KSeF number) (Subject2)',
      'KSeF BXB (Subject2)',
      `KSeF ${ksefNumber(2)} (Subject2)`,
    ]);
    expect(await store.getInvoice('p1', ksefNumber(4))).toBeDefined();
  });

  it('rolls the whole batch back when the mark cannot be written', async () => {
    const { store } = await withProfile();
    // A function cannot be cloned into IndexedDB: the put fails inside the transaction, after the adds.
    const state = { ...initialSyncState('p1', 'Subject2', null), rateLimiter: () => 0 };
    expect(await caught(store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)], { syncState: state }))).toMatchObject({
      name: 'DataCloneError',
    });
    expect(await store.getInvoice('p1', ksefNumber(1))).toBeUndefined();
  });

  it.each([
    ['a sync state of another profile', { syncState: initialSyncState('p2', 'Subject2', null) }, '"options.syncState" must belong to the same profile'],
  ])('refuses %s', async (_name, options, message) => {
    const { store } = await withProfile();
    expect(await caught(store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)], options))).toMatchObject({ name: 'TypeError', message });
  });

  it.each([
    ['an unknown subject type', () => ['p1', 'Subject9', []], '"subjectType" must be one of Subject1, Subject2, Subject3, SubjectAuthorized'],
    ['metadata that is not an array', () => ['p1', 'Subject2', {}], '"metadata" must be an array of at most 10000 invoice metadata objects'],
    ['more than 10 000 invoices', () => ['p1', 'Subject2', new Array(10_001).fill(makeMetadata(1))], '"metadata" must be an array of at most 10000 invoice metadata objects'],
  ])('checks its arguments (%s)', async (_name, args, message) => {
    const { store } = await withProfile();
    const [p, s, m] = args() as Parameters<typeof store.putNewInvoices>;
    expect(await caught(store.putNewInvoices(p, s, m))).toMatchObject({ name: 'TypeError', message });
  });
});

describe('markNotified, markSeen, setInvoiceState', () => {
  it('markNotified takes invoices off the notification list, once', async () => {
    const { store } = await withProfile();
    const ms = [1, 2, 3].map((i) => makeMetadata(i));
    await store.putNewInvoices('p1', 'Subject2', ms);
    expect(await store.markNotified([keyOf('p1', ms[0]!), keyOf('p1', ms[2]!), { profileId: 'p1', ksefNumber: ksefNumber(99) }])).toBe(2);
    expect(await store.markNotified([keyOf('p1', ms[0]!)])).toBe(0);
    expect((await store.listUnnotified('p1')).map((r) => r.ksefNumber)).toEqual([ksefNumber(2)]);
  });

  it('markSeen turns new into seen and leaves booked alone', async () => {
    const { store } = await withProfile();
    const [a, b] = [makeMetadata(1), makeMetadata(2)];
    await store.putNewInvoices('p1', 'Subject2', [a, b]);
    await store.setInvoiceState([keyOf('p1', b)], 'booked');
    expect(await store.markSeen([keyOf('p1', a), keyOf('p1', b)])).toBe(1);
    expect((await store.getInvoice('p1', a.ksefNumber))?.state).toBe('seen');
    expect((await store.getInvoice('p1', b.ksefNumber))?.state).toBe('booked');
  });

  it('setInvoiceState sets any state, counts only real changes, and the counts follow', async () => {
    const { store } = await withProfile();
    const ms = [1, 2, 3].map((i) => makeMetadata(i));
    await store.putNewInvoices('p1', 'Subject2', ms);
    expect(await store.setInvoiceState(ms.map((m) => keyOf('p1', m)), 'booked')).toBe(3);
    expect(await store.setInvoiceState([keyOf('p1', ms[0]!)], 'booked')).toBe(0);
    expect(await store.setInvoiceState([keyOf('p1', ms[0]!)], 'new')).toBe(1);
    expect(await store.countByState('p1')).toEqual({ new: 1, seen: 0, booked: 2 });
  });

  it('refuses an unknown state', async () => {
    const { store } = await withProfile();
    expect(await caught(() => store.setInvoiceState([], 'archived' as never))).toMatchObject({
      name: 'TypeError',
      message: '"state" must be one of new, seen, booked',
    });
  });
});

describe('saveInvoiceXml', () => {
  it('stores the XML with its hash and time, and takes the invoice out of the download queue', async () => {
    const { store, setNow } = await withProfile();
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1), makeMetadata(2)]);
    setNow(new Date('2026-02-10T12:30:00.000Z'));
    const saved = await store.saveInvoiceXml('p1', ksefNumber(1).toLowerCase(), { xml: '<Faktura>ą</Faktura>', xmlHash: 'aGFzaA==' });
    expect(saved).toMatchObject({ xmlHash: 'aGFzaA==', xmlFetchedAt: '2026-02-10T12:30:00.000Z', hasXml: 1 });
    expect((await store.nextXmlToDownload('p1', 10)).map((r) => r.ksefNumber)).toEqual([ksefNumber(2)]);
    expect(await store.getInvoiceXml('p1', ksefNumber(1))).toBe('<Faktura>ą</Faktura>');
    expect(await store.getInvoiceXml('p1', ksefNumber(2))).toBeUndefined();
  });

  it('keeps the XML out of the invoice record, so list pages do not carry it', async () => {
    const { store, factory } = await withProfile();
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)]);
    await store.saveInvoiceXml('p1', ksefNumber(1), { xml: '<Faktura>duża</Faktura>' });
    const page = await store.listInvoicesPage({ profileId: 'p1', direction: 'asc', limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(JSON.stringify(page.items)).not.toContain('duża');
    const dump = await dumpAll(factory);
    expect(dump.invoiceXml).toEqual([{ profileId: 'p1', ksefNumber: ksefNumber(1), xml: '<Faktura>duża</Faktura>' }]);
  });

  it('a second download replaces the XML and drops a hash that is no longer given', async () => {
    const { store } = await withProfile();
    await store.putNewInvoices('p1', 'Subject2', [makeMetadata(1)]);
    await store.saveInvoiceXml('p1', ksefNumber(1), { xml: '<a/>', xmlHash: 'aA==' });
    const again = await store.saveInvoiceXml('p1', ksefNumber(1), { xml: '<b/>' });
    expect(again.xmlHash).toBeUndefined();
    expect(await store.getInvoiceXml('p1', ksefNumber(1))).toBe('<b/>');
  });

  it('fails with NOT_FOUND for an invoice that is not stored', async () => {
    const { store } = await withProfile();
    expect(await caught(store.saveInvoiceXml('p1', ksefNumber(5), { xml: '<a/>' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: `saveInvoiceXml: no invoice ${ksefNumber(5)} in profile "p1"`,
    });
  });

  it('refuses empty XML', async () => {
    const { store } = await withProfile();
    expect(await caught(store.saveInvoiceXml('p1', ksefNumber(1), { xml: '' }))).toMatchObject({
      name: 'TypeError',
      message: '"xml" must be a non-empty string',
    });
  });
});
