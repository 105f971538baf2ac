// The store as one plain object of small named functions over one cached connection (STYLE rules 5 and 17).
// Pages create one to read fast; the worker creates one for its writes; each test creates one per factory.
import type { StoreContext } from './context';
import { credentialFunctions } from './credentials';
import { enrolmentFunctions } from './enrolment';
import { assertFactory, createDbHandle } from './db';
import { invoicePageFunctions } from './invoice-page';
import { invoiceQueryFunctions } from './invoice-queries';
import { invoiceSearchFunctions } from './invoice-search';
import { invoiceFunctions } from './invoices';
import { invoiceXmlFunctions } from './invoice-xml';
import { logFunctions } from './log';
import { outboxFunctions } from './outbox';
import { profileFunctions } from './profiles';
import { sendSessionFunctions } from './send-sessions';
import { syncStateFunctions } from './sync-state';
import { tokenFunctions } from './tokens';

export interface StoreDeps {
  /** The IndexedDB factory; the global one unless given (tests pass a fresh fake-indexeddb). */
  indexedDB?: IDBFactory;
  /** The clock for createdAt, updatedAt, receivedAt and the like. */
  now?: () => Date;
}

export function createStore({ indexedDB = globalThis.indexedDB, now = () => new Date() }: StoreDeps = {}) {
  assertFactory(indexedDB);
  if (typeof now !== 'function') throw new TypeError('"now" must be a function returning a Date');
  const handle = createDbHandle(indexedDB);
  const context: StoreContext = { db: handle.get, now, cmp: (a, b) => indexedDB.cmp(a, b) };
  return {
    ...profileFunctions(context),
    ...credentialFunctions(context),
    ...enrolmentFunctions(context),
    ...tokenFunctions(context),
    ...invoiceFunctions(context),
    ...invoiceXmlFunctions(context),
    ...invoicePageFunctions(context),
    ...invoiceSearchFunctions(context),
    ...invoiceQueryFunctions(context),
    ...syncStateFunctions(context),
    ...outboxFunctions(context),
    ...sendSessionFunctions(context),
    ...logFunctions(context),
    /** Closes the connection; the next call opens it again. */
    close: handle.close,
  };
}

export type Store = ReturnType<typeof createStore>;
