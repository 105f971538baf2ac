// Opening the database. idb's openDB always uses the global indexedDB; the factory is a parameter here
// (STYLE rule 6) so each test gets a fresh fake-indexeddb, and the pages and the worker use the browser's.
import { checkCount } from '../core/checks';
import { wrap, type IDBPDatabase } from 'idb';
import { StoreError } from './errors';
import { MIGRATIONS, runMigrations, type Migration, type UpgradeTransaction } from './migrations';
import { DB_NAME, type KsefPilotDB } from './schema';

export interface OpenOptions {
  /** For migration tests only: open at an older version, through the steps up to it. */
  version?: number;
  /** For migration tests only: another list of steps. */
  migrations?: readonly Migration[];
}

export function assertFactory(factory: unknown): asserts factory is IDBFactory {
  if (typeof factory !== 'object' || factory === null || typeof (factory as IDBFactory).open !== 'function') {
    throw new TypeError('"indexedDB" must be an IDBFactory');
  }
}

/** Opens (creating or upgrading) the extension's database. Each call is a new connection. */
export function openKsefPilotDb(
  factory: IDBFactory = globalThis.indexedDB,
  options: OpenOptions = {},
): Promise<IDBPDatabase<KsefPilotDB>> {
  assertFactory(factory);
  const steps = options.migrations ?? MIGRATIONS;
  const version = options.version ?? steps.length;
  checkCount('version', version, steps.length);
  let failure: unknown;
  const request = factory.open(DB_NAME, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as IDBPDatabase<unknown>;
    const rawTx = request.transaction!;
    const tx = wrap(rawTx) as unknown as UpgradeTransaction;
    // An aborted upgrade is reported by the open request below; its `done` must not reject unhandled.
    tx.done.catch(() => undefined);
    const abort = (error: unknown) => {
      failure = error;
      try {
        rawTx.abort();
      } catch {
        // Already finished: the open request reports the outcome.
      }
    };
    try {
      runMigrations(db, tx, event.oldVersion, version, steps)?.catch(abort);
    } catch (error) {
      abort(error);
    }
  });
  return (wrap(request) as unknown as Promise<IDBPDatabase<KsefPilotDB>>).catch((error: unknown) => {
    throw new StoreError('OPEN_FAILED', `openKsefPilotDb: could not open "${DB_NAME}" at version ${version}`, {
      cause: failure ?? error,
    });
  });
}

/**
 * One cached connection per store instance. The cache is dropped when the connection closes or a newer
 * version (another page after an update) asks for it, so the next call opens again instead of failing.
 */
export function createDbHandle(factory: IDBFactory) {
  let pending: Promise<IDBPDatabase<KsefPilotDB>> | undefined;

  function get(): Promise<IDBPDatabase<KsefPilotDB>> {
    if (pending) return pending;
    const opening: Promise<IDBPDatabase<KsefPilotDB>> = openKsefPilotDb(factory).then(
      (db) => {
        const forget = () => {
          if (pending === opening) pending = undefined;
        };
        db.addEventListener('versionchange', () => {
          db.close();
          forget();
        });
        db.addEventListener('close', forget);
        return db;
      },
      (error: unknown) => {
        if (pending === opening) pending = undefined;
        throw error;
      },
    );
    pending = opening;
    return opening;
  }

  async function close(): Promise<void> {
    const opening = pending;
    pending = undefined;
    const db = await opening?.catch(() => undefined);
    db?.close();
  }

  return { get, close };
}

export type DbHandle = ReturnType<typeof createDbHandle>;
