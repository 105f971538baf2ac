// The one way each repository reads a record by its key and writes a record that belongs to a profile. A read
// is checked against the record's schema (STYLE rule 12). A write runs in the same transaction that checks the
// profile still exists, so a late write from a sync or a save that outlived `deleteProfileAndData` cannot
// bring one profile's data back (requireProfile, context.ts).
import type { IDBPDatabase, StoreKey, StoreNames, StoreValue } from 'idb';
import type * as z from 'zod/mini';
import { parseRead, requireProfile, transact } from './context';
import type { KsefPilotDB } from './schema';

type ProfileOwned = Exclude<StoreNames<KsefPilotDB>, 'profiles' | 'log'>;

/** `put` (replace) or `add` (fail on an existing key) `record` into `store`; PROFILE_NOT_FOUND when the profile is gone. */
export async function writeForProfile<N extends ProfileOwned>(
  db: IDBPDatabase<KsefPilotDB>,
  store: N,
  record: StoreValue<KsefPilotDB, N> & { profileId: string },
  operation: string,
  how: 'put' | 'add' = 'put',
): Promise<void> {
  await transact(db, ['profiles', store], 'readwrite', async (tx) => {
    await requireProfile(tx.objectStore('profiles'), record.profileId, operation);
    await tx.objectStore(store)[how](record);
  });
}

/** The record of `store` at `key` as `schema` reads it (CORRUPT_RECORD when it does not); undefined when absent. */
export async function readChecked<N extends StoreNames<KsefPilotDB>, S extends z.core.$ZodType>(
  db: IDBPDatabase<KsefPilotDB>,
  store: N,
  key: StoreKey<KsefPilotDB, N>,
  schema: S,
  operation: string,
): Promise<z.output<S> | undefined> {
  const record = await db.get(store, key);
  return record === undefined ? undefined : parseRead(schema, record, operation);
}
