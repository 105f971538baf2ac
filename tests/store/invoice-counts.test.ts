// Issue 15: the counters (lib/store/invoice-counts.ts) against a model of every write that adds invoices or
// changes their state or announcement, and what each read and write costs (records read, transactions, no
// `count()` walk).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialSyncState } from '../../lib/store/sync-state';
import type { InvoiceState } from '../../lib/store/records';
import type { Store } from '../../lib/store/store';
import { meterIndexedDb } from './idb-meter';
import { freshStore, ksefNumber, makeMetadata, profileInput } from './helpers';

const PROFILES = ['a', 'b'] as const;
const STATES: InvoiceState[] = ['new', 'seen', 'booked'];

interface Modelled {
  state: InvoiceState;
  announced: boolean;
}

type Op =
  | { kind: 'put'; profile: number; ids: number[]; announced: boolean; state: InvoiceState; shifted?: boolean }
  | { kind: 'markSeen'; profile: number; ids: number[] }
  | { kind: 'setState'; profile: number; ids: number[]; state: InvoiceState }
  | { kind: 'markNotified'; profile: number; ids: number[] }
  | { kind: 'announce'; profile: number; lateIds: number[] }
  | { kind: 'delete'; profile: number };

const ids = fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 });
const profile = fc.integer({ min: 0, max: 1 });
const state = fc.constantFrom(...STATES);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), profile, ids, announced: fc.boolean(), state }),
  fc.record({ kind: fc.constant('put' as const), profile, ids, announced: fc.constant(false), state: fc.constant('new' as const) }),
  // The same KSeF numbers under other storage dates: found by the add's safety net, not by the date range.
  fc.record({ kind: fc.constant('put' as const), profile, ids, announced: fc.constant(false), state: fc.constant('new' as const), shifted: fc.constant(true) }),
  fc.record({ kind: fc.constant('markSeen' as const), profile, ids }),
  fc.record({ kind: fc.constant('setState' as const), profile, ids, state }),
  fc.record({ kind: fc.constant('markNotified' as const), profile, ids }),
  fc.record({ kind: fc.constant('announce' as const), profile, lateIds: ids }),
  fc.record({ kind: fc.constant('delete' as const), profile: fc.constant(1) }),
);

/** KSeF storage dates that go back as the id grows: an invoice stored later may be older in KSeF. */
const meta = (id: number, shift = 0) =>
  makeMetadata(id, { permanentStorageDate: new Date(Date.UTC(2026, 0, 31) - id * 60_000 + shift).toISOString() });
const keys = (p: string, list: number[]) => list.map((id) => ({ profileId: p, ksefNumber: ksefNumber(id) }));

async function apply(store: Store, model: Map<string, Map<number, Modelled>>, o: Op): Promise<void> {
  const p = PROFILES[o.profile]!;
  const invoices = model.get(p);
  if (!invoices) return; // deleted
  const put = async (list: number[], announced: boolean, s: InvoiceState, shift = 0) => {
    await store.putNewInvoices(p, 'Subject2', list.map((id) => meta(id, shift)), { announced, state: s });
    for (const id of list) if (!invoices.has(id)) invoices.set(id, { state: s, announced });
  };
  switch (o.kind) {
    case 'put':
      return put(o.ids, o.announced, o.state, o.shifted ? 86_400_000 : 0);
    case 'markSeen':
      await store.markSeen(keys(p, o.ids));
      for (const id of o.ids) if (invoices.get(id)?.state === 'new') invoices.get(id)!.state = 'seen';
      return;
    case 'setState':
      await store.setInvoiceState(keys(p, o.ids), o.state);
      for (const id of o.ids) if (invoices.has(id)) invoices.get(id)!.state = o.state;
      return;
    case 'markNotified':
      await store.markNotified(keys(p, o.ids));
      for (const id of o.ids) if (invoices.has(id)) invoices.get(id)!.announced = true;
      return;
    case 'announce': {
      // As lib/sync/announce.ts: summary, (invoices stored meanwhile, possibly older in KSeF), mark through the newest.
      const summary = await store.unnotifiedSummary(p, 1000);
      await put(o.lateIds, false, 'new');
      if (!summary.newest) return;
      const marked = await store.markNotifiedThrough(p, summary.newest);
      expect(marked).toBe(summary.count);
      for (const r of summary.oldest) invoices.get(Number.parseInt(r.ksefNumber.split('-')[2]!, 16))!.announced = true;
      return;
    }
    case 'delete':
      await store.deleteProfileAndData(p);
      model.delete(p);
  }
}

describe('the counters follow every write', () => {
  it('countByState and the announcement count equal the records, after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { store } = freshStore();
        const model = new Map<string, Map<number, Modelled>>();
        for (const p of PROFILES) {
          await store.saveProfile(profileInput(p));
          model.set(p, new Map());
        }
        for (const o of ops) await apply(store, model, o);
        const total = { new: 0, seen: 0, booked: 0 };
        for (const p of PROFILES) {
          const invoices = [...(model.get(p)?.entries() ?? [])];
          const counts = Object.fromEntries(STATES.map((s) => [s, invoices.filter(([, m]) => m.state === s).length]));
          expect(await store.countByState(p)).toEqual(counts);
          for (const s of STATES) total[s] += counts[s]!;
          const waiting = invoices.filter(([, m]) => !m.announced).map(([id]) => ksefNumber(id)).sort();
          const summary = await store.unnotifiedSummary(p, 1000);
          expect(summary.count).toBe(waiting.length);
          expect(summary.oldest.map((r) => r.ksefNumber).sort()).toEqual(waiting);
          expect((await store.listUnnotified(p)).map((r) => r.ksefNumber).sort()).toEqual(waiting);
        }
        expect(await store.countByState()).toEqual(total);
        await store.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('announcing by the order of storing', () => {
  it('an invoice stored during an announcement with an older KSeF date is announced once, in the next one', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [meta(1), meta(2)]);
    const first = await store.unnotifiedSummary('p1', 10);
    // Stored between the summary and the mark; its KSeF storage date is older than both (meta: older as id grows).
    await store.putNewInvoices('p1', 'Subject2', [meta(3)]);
    expect(await store.markNotifiedThrough('p1', first.newest!)).toBe(2);
    const second = await store.unnotifiedSummary('p1', 10);
    expect(second).toMatchObject({ count: 1, oldest: [expect.objectContaining({ ksefNumber: ksefNumber(3) })] });
    expect(await store.markNotifiedThrough('p1', second.newest!)).toBe(1);
    // Marking the same batch again (a repeat after a kill) marks nothing.
    expect(await store.markNotifiedThrough('p1', second.newest!)).toBe(0);
    expect((await store.unnotifiedSummary('p1', 10)).count).toBe(0);
  });

  it('marks in one transaction that writes no invoice record, with the sync state', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', Array.from({ length: 300 }, (_, i) => meta(i)));
    const summary = await store.unnotifiedSummary('p1', 50);
    const meter = meterIndexedDb();
    try {
      const state = { ...initialSyncState('p1', 'Subject2', null), firstSyncDone: true };
      expect(await store.markNotifiedThrough('p1', summary.newest!, { syncState: state })).toBe(300);
      expect(meter.transactions).toEqual([{ mode: 'readwrite', stores: ['profiles', 'invoices', 'invoiceCounts', 'syncState'] }]);
      expect(meter.writes).toEqual({ invoiceCounts: 1, syncState: 1 });
      expect(meter.counts).toBe(0);
    } finally {
      meter.stop();
    }
  });

  it('invoices stored already announced and seen: one transaction, not counted as new, never announced', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [meta(1)]);
    const meter = meterIndexedDb();
    try {
      const older = await store.putNewInvoices('p1', 'Subject2', [meta(2), meta(3)], { announced: true, state: 'seen' });
      expect(older.map((r) => [r.state, r.seq])).toEqual([['seen', undefined], ['seen', undefined]]);
      expect(meter.transactions.filter((t) => t.mode === 'readwrite')).toHaveLength(1);
      expect(meter.writes).toEqual({ invoices: 2, invoiceCounts: 1 });
    } finally {
      meter.stop();
    }
    expect(await store.countByState('p1')).toEqual({ new: 1, seen: 2, booked: 0 });
    expect((await store.unnotifiedSummary('p1', 10)).oldest.map((r) => r.ksefNumber)).toEqual([ksefNumber(1)]);
  });

  it('markNotified on its own, then a batch mark: the count stays exact around the gaps', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [1, 2, 3, 4, 5].map(meta));
    expect(await store.markNotified(keys('p1', [2, 4, 4, 99]))).toBe(2);
    expect(await store.markNotified(keys('p1', [2]))).toBe(0);
    const summary = await store.unnotifiedSummary('p1', 10);
    expect(summary.count).toBe(3);
    expect(summary.oldest.map((r) => r.ksefNumber)).toEqual([1, 3, 5].map((i) => ksefNumber(i)));
    await store.putNewInvoices('p1', 'Subject2', [meta(6)]);
    expect(await store.markNotifiedThrough('p1', summary.newest!)).toBe(3);
    expect(await store.unnotifiedSummary('p1', 10)).toMatchObject({ count: 1, oldest: [expect.objectContaining({ ksefNumber: ksefNumber(6) })] });
  });

  it('an invoice stored again under another storage date: skipped without failing the page, counts exact', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', [meta(1)]);
    const again = await store.putNewInvoices('p1', 'Subject2', [meta(1, 3_600_000), meta(2)]);
    expect(again.map((r) => r.ksefNumber)).toEqual([ksefNumber(2)]);
    expect((await store.getInvoice('p1', ksefNumber(1)))?.permanentStorageDate).toBe(meta(1).permanentStorageDate);
    expect(await store.countByState('p1')).toEqual({ new: 2, seen: 0, booked: 0 });
    const summary = await store.unnotifiedSummary('p1', 10);
    expect(summary).toMatchObject({ count: 2, newest: expect.objectContaining({ ksefNumber: ksefNumber(2) }) });
    expect(await store.markNotifiedThrough('p1', summary.newest!)).toBe(2);
    expect((await store.unnotifiedSummary('p1', 10)).count).toBe(0);
  });

  it('finds a page’s stored invoices with one index read, not one per invoice', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putNewInvoices('p1', 'Subject2', Array.from({ length: 250 }, (_, i) => meta(i)));
    const meter = meterIndexedDb();
    try {
      // Half of the page read again (a window read twice), half new.
      const fresh = await store.putNewInvoices('p1', 'Subject2', Array.from({ length: 250 }, (_, i) => meta(i + 125)));
      expect(fresh).toHaveLength(125);
      expect(meter.keysRead).toBe(125);
      expect(meter.recordsRead).toBe(2); // the profile (its NIP: search-terms.ts `ownNip`) and the counters
      expect(meter.writes).toEqual({ invoices: 125, invoiceCounts: 1 });
    } finally {
      meter.stop();
    }
  });

  it.each([
    ['a record without seq', { ksefNumber: 'X' }],
    ['seq 0', { seq: 0 }],
    ['a fraction', { seq: 1.5 }],
  ])('markNotifiedThrough refuses %s', async (_name, through) => {
    const { store } = freshStore();
    await expect(store.markNotifiedThrough('p1', through as never)).rejects.toThrow(
      new TypeError('"through" must be an invoice record stored to be announced'),
    );
  });
});

describe('what a count costs', () => {
  it('countByState reads one counter record per profile and never counts the invoices', async () => {
    const { store } = freshStore();
    for (const p of ['a', 'b', 'c']) {
      await store.saveProfile(profileInput(p));
      await store.putNewInvoices(p, 'Subject2', Array.from({ length: 1000 }, (_, i) => meta(i)));
    }
    await store.setInvoiceState(keys('b', [1, 2, 3]), 'booked');
    const meter = meterIndexedDb();
    try {
      expect(await store.countByState('b')).toEqual({ new: 997, seen: 0, booked: 3 });
      expect(meter.recordsRead).toBe(1);
      meter.reset();
      expect(await store.countByState()).toEqual({ new: 2997, seen: 0, booked: 3 });
      expect(meter.recordsRead).toBe(3);
      meter.reset();
      const summary = await store.unnotifiedSummary('a', 50);
      expect(summary.count).toBe(1000);
      // The counter, the 50 named in the notice and the newest: one transaction.
      expect(meter.recordsRead).toBe(1 + 50 + 1);
      expect(meter.transactions).toHaveLength(1);
      expect(meter.counts).toBe(0);
    } finally {
      meter.stop();
    }
  });

  it('deleting a profile deletes its counters with its invoices', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('a'));
    await store.saveProfile(profileInput('b'));
    await store.putNewInvoices('a', 'Subject2', [meta(1)]);
    await store.putNewInvoices('b', 'Subject2', [meta(1), meta(2)]);
    await store.deleteProfileAndData('a');
    expect(await store.countByState()).toEqual({ new: 2, seen: 0, booked: 0 });
    expect(await store.countByState('a')).toEqual({ new: 0, seen: 0, booked: 0 });
  });
});

describe('the limiter in the page’s transaction', () => {
  it.each(['Subject2', 'Subject3'] as const)('a %s page stores the limiter in the Subject2 state, in one transaction', async (subjectType) => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const limiter = { version: 1, windows: { invoiceMetadata: [1] }, blockedUntil: {} };
    const mark = { ...initialSyncState('p1', subjectType, null), hwm: '2026-01-01T00:05:00.000Z' };
    const meter = meterIndexedDb();
    try {
      await store.putNewInvoices('p1', subjectType, [meta(1)], { syncState: mark, rateLimiter: limiter });
      expect(meter.transactions.filter((t) => t.mode === 'readwrite')).toHaveLength(1);
    } finally {
      meter.stop();
    }
    expect(await store.getSyncState('p1', subjectType)).toMatchObject({ hwm: '2026-01-01T00:05:00.000Z' });
    expect((await store.getSyncState('p1', 'Subject2'))?.rateLimiter).toEqual(limiter);
  });
});
