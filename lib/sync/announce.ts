// Announcing stored invoices (issue 5; RELIABILITY §2.3 item 6). The notification is raised after the
// invoices are committed and then they are marked in one transaction (the profile's watermark over the order
// of storing, lib/store/invoice-counts.ts), so a kill before the mark repeats the same batch: its id depends
// only on the first unannounced invoice, and the notifier replaces a notification with the same id instead of
// stacking a second one. An invoice stored while the notice is raised comes after the watermark and waits for
// the next one, whatever its KSeF storage date.
import type { Profile, SyncState } from '../store';
import type { SyncDeps } from './types';

/** How many invoices a notice carries to name sellers and to open the inbox on. */
export const NOTICE_SAMPLE = 50;

export function batchIdOf(profileId: string, oldestKsefNumber: string): string {
  return `${profileId}|${oldestKsefNumber}`;
}

/**
 * Announces every unannounced invoice of the profile in one notice (or none when the profile has
 * notifications off) and marks them. `subject2` is the Subject2 state: while its first sync is not done the
 * notice is the one-off summary, and the mark and the "first sync done" flag are written together.
 * Returns how many invoices were marked.
 */
export async function announceNew(
  deps: Pick<SyncDeps, 'store' | 'notifier'>,
  profile: Profile,
  subject2: SyncState,
): Promise<number> {
  const summary = await deps.store.unnotifiedSummary(profile.id, NOTICE_SAMPLE);
  const firstSync = !subject2.firstSyncDone;
  const oldest = summary.oldest[0];
  const finished: SyncState = { ...subject2, firstSyncDone: true, importedCount: subject2.importedCount ?? summary.count };
  if (!oldest || !summary.newest) {
    if (firstSync) await deps.store.putSyncState(finished);
    return 0;
  }
  if (profile.preferences.notifications) {
    await deps.notifier.newInvoices({
      profile,
      batchId: batchIdOf(profile.id, oldest.ksefNumber),
      invoices: summary.oldest,
      total: summary.count,
      firstSync,
    });
  }
  return deps.store.markNotifiedThrough(profile.id, summary.newest, firstSync ? { syncState: finished } : {});
}
