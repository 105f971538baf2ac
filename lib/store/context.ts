// What every repository factory receives, and the checks they share. Not exported from the barrel.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import * as z from 'zod/mini';
import { StoreError } from './errors';
import type { KsefPilotDB } from './schema';

export interface StoreContext {
  db: () => Promise<IDBPDatabase<KsefPilotDB>>;
  now: () => Date;
  /** The factory's key comparison (IndexedDB key order). */
  cmp: (a: unknown, b: unknown) => number;
}

// The argument checks are lib/core/checks.ts; the repositories import them from here under their old names.
export { checkId, checkCount as checkLimit } from '../core/checks';

/** Parses a record about to be written; the message names the fields that failed, never their values. */
export function parseForWrite<S extends z.core.$ZodType>(schema: S, value: unknown, operation: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(record)'))];
    throw new StoreError('INVALID_RECORD', `${operation}: invalid ${fields.join(', ')}`, { cause: result.error });
  }
  return result.data;
}

/** Parses a record read from IndexedDB, so a page never renders a shape it does not expect (STYLE rule 12). */
export function parseRead<S extends z.core.$ZodType>(schema: S, value: unknown, operation: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(record)'))];
    throw new StoreError('CORRUPT_RECORD', `${operation}: stored record has invalid ${fields.join(', ')}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Inside a write transaction that includes 'profiles': fails with PROFILE_NOT_FOUND when the profile is gone,
 * so a late write from a sync that outlived `deleteProfileAndData` cannot bring one profile's data back.
 */
export async function requireProfile(
  profiles: { getKey(key: string): Promise<unknown> },
  profileId: string,
  operation: string,
): Promise<void> {
  if ((await profiles.getKey(profileId)) === undefined) {
    throw new StoreError('PROFILE_NOT_FOUND', `${operation}: no profile "${profileId}"`);
  }
}

/**
 * Runs `body` in one transaction and resolves once it committed. If `body` fails, the transaction is aborted,
 * so nothing of a half-done write survives. `body` may await only requests of `tx` (idb: transaction lifetime).
 */
export async function transact<Names extends StoreNames<KsefPilotDB>[], Mode extends IDBTransactionMode, T>(
  db: IDBPDatabase<KsefPilotDB>,
  names: Names,
  mode: Mode,
  body: (tx: IDBPTransaction<KsefPilotDB, Names, Mode>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(names, mode);
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already committed or aborted.
    }
    throw error;
  }
}
