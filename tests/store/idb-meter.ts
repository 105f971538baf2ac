// Counts what the code asks of IndexedDB (issue 15: "a test may assert counts"): transactions by mode and
// scope, records read (gets, getAll results, value-cursor steps), index keys read (key-cursor steps, getAllKeys
// results) and records written. It wraps fake-indexeddb's prototypes, so it sees every connection of every
// factory while it is on; `stop()` puts them back.
import {
  IDBCursor as FakeCursor,
  IDBCursorWithValue as FakeCursorWithValue,
  IDBDatabase as FakeDatabase,
  IDBIndex as FakeIndex,
  IDBObjectStore as FakeObjectStore,
} from 'fake-indexeddb';

export interface Transaction {
  mode: IDBTransactionMode;
  stores: string[];
}

export interface Meter {
  transactions: Transaction[];
  /** Records read: `get` (a hit), `getAll` (each result), each step of a value cursor. */
  recordsRead: number;
  /** Index keys read without their record: `getAllKeys` results and key-cursor steps. */
  keysRead: number;
  /** `put`, `add` and cursor `update` calls, by store. */
  writes: Record<string, number>;
  /** `count()` calls (Chromium walks the range for each, review 2026-12 §3.2). */
  counts: number;
  /** readwrite transactions whose scope is exactly these stores (any order). */
  writesOver(...stores: string[]): number;
  reset(): void;
  stop(): void;
}

type Method = (...args: unknown[]) => unknown;

export function meterIndexedDb(): Meter {
  const restores: (() => void)[] = [];
  const meter: Meter = {
    transactions: [],
    recordsRead: 0,
    keysRead: 0,
    writes: {},
    counts: 0,
    writesOver: (...stores) =>
      meter.transactions.filter((t) => t.mode === 'readwrite' && [...t.stores].sort().join() === [...stores].sort().join()).length,
    reset() {
      meter.transactions = [];
      meter.recordsRead = 0;
      meter.keysRead = 0;
      meter.writes = {};
      meter.counts = 0;
    },
    stop: () => restores.splice(0).forEach((restore) => restore()),
  };

  function wrap(target: object, name: string, after: (self: unknown, args: unknown[], result: unknown) => void) {
    const proto = target as Record<string, Method>;
    const original = proto[name]!;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      after(this, args, result);
      return result;
    };
    restores.push(() => void (proto[name] = original));
  }

  /** Counts each settled request's result with `count`. */
  const onSuccess = (count: (result: unknown) => void) => (_self: unknown, _args: unknown[], request: unknown) =>
    (request as IDBRequest).addEventListener('success', () => count((request as IDBRequest).result), { once: true });
  /**
   * A cursor's request fires 'success' again at every step, so one listener counts them all; wrapping
   * `continue` would not do (idb keeps the original function to recognise cursor advances).
   */
  const onEveryStep = (_self: unknown, _args: unknown[], request: unknown) =>
    (request as IDBRequest).addEventListener('success', () => {
      const cursor = (request as IDBRequest).result;
      if (!cursor) return;
      if (cursor instanceof FakeCursorWithValue) meter.recordsRead += 1;
      else meter.keysRead += 1;
    });

  wrap(FakeDatabase.prototype, 'transaction', (_self, args) => {
    const names = args[0];
    meter.transactions.push({ mode: (args[1] as IDBTransactionMode) ?? 'readonly', stores: Array.isArray(names) ? [...names] : [names as string] });
  });
  for (const proto of [FakeObjectStore.prototype, FakeIndex.prototype]) {
    wrap(proto, 'get', onSuccess((result) => void (result !== undefined && (meter.recordsRead += 1))));
    wrap(proto, 'getAll', onSuccess((result) => void (meter.recordsRead += (result as unknown[]).length)));
    wrap(proto, 'getAllKeys', onSuccess((result) => void (meter.keysRead += (result as unknown[]).length)));
    wrap(proto, 'count', () => void (meter.counts += 1));
    wrap(proto, 'openCursor', onEveryStep);
    wrap(proto, 'openKeyCursor', onEveryStep);
  }
  for (const name of ['put', 'add']) {
    wrap(FakeObjectStore.prototype, name, (self) => {
      const store = (self as IDBObjectStore).name;
      meter.writes[store] = (meter.writes[store] ?? 0) + 1;
    });
  }
  wrap(FakeCursor.prototype, 'update', (self) => {
    const source = (self as IDBCursor).source as IDBObjectStore | IDBIndex;
    const store = 'objectStore' in source ? source.objectStore.name : source.name;
    meter.writes[store] = (meter.writes[store] ?? 0) + 1;
  });
  return meter;
}
