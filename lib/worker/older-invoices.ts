// "Pobierz starsze faktury" (issue 16, review B9): invoices stored in KSeF between an earlier day the user picks
// and the day the profile's sync started (preferences.firstSyncFrom). A backfill beside the sync, not through
// it: the high-water mark and window of the regular sync (lib/sync/window.ts, subject-sync.ts) only move
// forward, so this walks its own closed windows [from, start) and leaves the sync state alone. Old invoices are
// not news: each page is stored already announced and seen, in its one transaction (issue 15: no second and
// third rewrite), so no notification names them and the badge does not count them, even for a sync running
// beside it. The limiter's state travels in the same transaction, as the sync's pages do (review §3.1).
// A sync run in flight is still waited for first (the runner is single-flight per profile), so the two do not
// share KSeF's metadata budget at once.
import type { Clock } from '../ksef';
import type { Profile, ProfileInput, Store, SubjectType } from '../store';
import { isoOf, windowEnd, warsawMidnight } from '../sync/window';
import { PAGE_SIZE } from '../sync/subject-sync';
import type { ProfileRuntime } from './profile-runtime';

/** Pages per request; the KSeF limits (NOTES §9) stop a longer walk first, and the user may ask again. */
export const MAX_BACKFILL_PAGES = 200;

export interface OlderInvoicesDeps {
  store: Pick<Store, 'putNewInvoices' | 'saveProfile' | 'appendLog'>;
  runtimes: { get(profileId: string): Promise<ProfileRuntime>; forget(profileId: string): void };
  running: (profileId: string) => Promise<unknown> | undefined;
  clock: Clock;
}

async function backfillSubject(deps: OlderInvoicesDeps, runtime: ProfileRuntime, subjectType: SubjectType, from: string, until: string): Promise<number> {
  const { profile, client, session } = runtime;
  let windowFrom = from;
  let pageOffset = 0;
  let stored = 0;
  for (let pages = 0; pages < MAX_BACKFILL_PAGES && Date.parse(windowFrom) < Date.parse(until); pages += 1) {
    // A closed window, at most 89 days (window.ts), never past the day the regular sync starts.
    const capped = windowEnd(windowFrom, Date.parse(until));
    const to = capped && Date.parse(capped) < Date.parse(until) ? capped : until;
    const page = await client.invoices.queryMetadata(
      { subjectType, dateRange: { dateType: 'PermanentStorage', from: windowFrom, to } },
      { pageOffset, pageSize: PAGE_SIZE, sortOrder: 'Asc' },
      await session.getAccessToken(),
    );
    const fresh = await deps.store.putNewInvoices(profile.id, subjectType, page.invoices, {
      setAside: true,
      announced: true,
      state: 'seen',
      rateLimiter: client.rateLimiter.toJSON(),
    });
    stored += fresh.length;
    const last = page.invoices[page.invoices.length - 1];
    if (page.hasMore && !page.isTruncated) pageOffset += 1;
    else if (page.hasMore && last) {
      // Truncated (NOTES §7.1): the next window starts at the last record's date; duplicates are skipped.
      windowFrom = isoOf(last.permanentStorageDate);
      pageOffset = 0;
    } else {
      windowFrom = to;
      pageOffset = 0;
    }
  }
  return stored;
}

function inputOf(profile: Profile, firstSyncFrom: string): ProfileInput {
  const { createdAt: _c, updatedAt: _u, ...rest } = profile;
  return { ...rest, preferences: { ...profile.preferences, firstSyncFrom } };
}

/** The handler of `fetchOlderInvoices {profileId, from}` (lib/messages.ts); `from` is a calendar day. */
export function createOlderInvoices(deps: OlderInvoicesDeps) {
  return async function fetchOlderInvoices({ profileId, from }: { profileId: string; from: string }) {
    await deps.running(profileId)?.catch(() => undefined);
    const runtime = await deps.runtimes.get(profileId);
    const { profile } = runtime;
    const start = warsawMidnight(from);
    const until = warsawMidnight(profile.preferences.firstSyncFrom);
    if (!start || !until || Date.parse(start) >= Date.parse(until)) return { stored: 0, from: profile.preferences.firstSyncFrom };
    let stored = 0;
    for (const subjectType of profile.preferences.subjectTypes) stored += await backfillSubject(deps, runtime, subjectType, start, until);
    // The profile now holds invoices from the earlier day: the page says so, and a context change starts there.
    await deps.store.saveProfile(inputOf(profile, from));
    deps.runtimes.forget(profileId);
    await deps.store.appendLog({ profileId, level: 'info', code: 'OLDER_INVOICES_FETCHED', message: `stored ${stored} older invoices from ${from}` });
    return { stored, from };
  };
}
