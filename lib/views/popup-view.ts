// What the popup reads before its first render (issue 15: ≤ 100 ms at 50 000 invoices): the profiles once,
// then for every profile at the same time its status (whose new count is the card's: the popup counts once,
// review §3.2) and its newest invoices. Every read is an index lookup or a counter, none grows with the store.
import { renewalOffer } from '../custody/renewal';
import type { InvoiceRecord, Profile, Store } from '../store';
import { statusOf, type ProfileStatus, type StatusStore } from './profile-status';
import { newestShown } from './popup-summary';

/** How many newest invoices are read per organisation; a card shows up to newestShown() of them. */
export const NEWEST_READ = 4;

export interface PopupRow {
  profile: Profile;
  newCount: number;
  newest: InvoiceRecord[];
  /** Absent when the status could not be read (the card then shows no state, as before issue 15). */
  status?: ProfileStatus;
  /**
   * The certificate is within its renewal window (lib/custody/renewal.ts): only then does the popup load its
   * renewal offer (components/custody/RenewalOffer.tsx, which also checks for an enrolment in flight).
   */
  renewal: boolean;
}

export type PopupStore = StatusStore & Pick<Store, 'newestInvoices'>;

export async function loadPopupRows(store: PopupStore, now: Date): Promise<PopupRow[]> {
  if (typeof store?.listProfiles !== 'function' || typeof store.newestInvoices !== 'function') throw new TypeError('"store" must be a Store');
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"now" must be a valid Date');
  const profiles = await store.listProfiles();
  const shown = newestShown(profiles.length);
  return Promise.all(
    profiles.map(async (profile): Promise<PopupRow> => {
      const credentials = store.getCredentials(profile.id);
      const [status, latest, renewal] = await Promise.all([
        statusOf(store, profile, now, { credentials }).catch(() => undefined),
        store.newestInvoices(profile.id, NEWEST_READ),
        credentials.then((read) => renewalOffer(read, undefined, now.getTime()) !== null, () => false),
      ]);
      // Without a status (a broken sync record) the count is read on its own, so the card still says it.
      const newCount = status ? status.newCount : (await store.countByState(profile.id)).new;
      // Several organisations: each card lists only what is new (the inbox has the rest).
      const newest = profiles.length > 1 ? latest.filter((record) => record.state === 'new').slice(0, shown) : latest.slice(0, shown);
      return { profile, newCount, newest, renewal, ...(status ? { status } : {}) };
    }),
  );
}
