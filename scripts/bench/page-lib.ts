// Bundled by esbuild (scripts/bench/chromium.ts) into a copy of the release build as bench-lib.js and imported
// by the bench's own extension page (bench.html, same origin as the extension): the store's and lib/pki's
// PUBLIC functions to seed invoices, a profile and credentials without the development build's hooks, and the
// plain baselines issue 15 asks for (a bare IndexedDB read of the same records, no idb, no store code).
export { createStore, defaultPreferences } from '../../lib/store';
export { loadCredentials } from '../../lib/pki';

/** The extension's database: the one holding an `invoices` object store (its name is the store's business). */
async function openExtensionDb(): Promise<IDBDatabase> {
  const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n);
  for (const name of names) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (db.objectStoreNames.contains('invoices')) return db;
    db.close();
  }
  throw new Error('bench: no IndexedDB database with an invoices store');
}

/**
 * Baseline: open the database and read the given invoices by primary key ([profileId, ksefNumber]) in one
 * readonly transaction with plain request callbacks; ms from the call to the last record read.
 */
export async function bareRead(profileId: string, ksefNumbers: string[]): Promise<{ ms: number; read: number }> {
  const t0 = performance.now();
  const db = await openExtensionDb();
  const read = await new Promise<number>((resolve, reject) => {
    const tx = db.transaction('invoices', 'readonly');
    const os = tx.objectStore('invoices');
    let n = 0;
    for (const k of ksefNumbers) {
      const req = os.get([profileId, k]);
      req.onsuccess = () => {
        if (req.result) n += 1;
      };
    }
    tx.oncomplete = () => resolve(n);
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return { ms, read };
}

/** Baseline: a bare cursor over the first `count` invoices of a profile (primary-key order). */
export async function bareCursor(profileId: string, count: number): Promise<{ ms: number; read: number }> {
  const t0 = performance.now();
  const db = await openExtensionDb();
  const read = await new Promise<number>((resolve, reject) => {
    const tx = db.transaction('invoices', 'readonly');
    const req = tx.objectStore('invoices').openCursor(IDBKeyRange.bound([profileId], [profileId, []]));
    let n = 0;
    req.onsuccess = () => {
      const cursor = req.result;
      if (cursor && ++n < count) cursor.continue();
    };
    tx.oncomplete = () => resolve(n);
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  return { ms, read };
}
