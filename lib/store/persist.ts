// Asking the browser to keep the extension's data (RELIABILITY §1.2: `navigator.storage.persist()` protects
// IndexedDB from eviction). Called from an extension page on the user's click only, never awaited by the sync:
// Firefox may show a prompt and leave the promise pending until the user answers.

export type PersistOutcome = 'granted' | 'denied' | 'unavailable';

/** The part of `navigator.storage` this needs; absent in old browsers and some private windows. */
export interface PersistApi {
  persist?: () => Promise<boolean>;
}

// The parameter is not called `storage`: WXT auto-imports a free `storage` identifier (wxt/utils/storage, 7 kB)
// and its scan took this one for it.
export async function requestPersistentStorage(api: PersistApi | undefined): Promise<PersistOutcome> {
  if (typeof api?.persist !== 'function') return 'unavailable';
  try {
    return (await api.persist()) ? 'granted' : 'denied';
  } catch {
    // A refusal to even ask (an insecure or sandboxed context) is the same to the user as "not available".
    return 'unavailable';
  }
}
