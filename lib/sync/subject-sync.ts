// One subject type of one profile, up to KSeF's high-water mark (NOTES §7.2; RELIABILITY §2.3 items 3 and 4).
// Every page is one request followed by one IndexedDB transaction that stores the new invoices AND the
// advanced position, so a worker killed at any await resumes exactly where the store says, with nothing
// lost and nothing stored twice.
import { loginContextOf, syncStateInContext } from '../auth';
import { initialSyncState, type Profile, type SubjectType, type SyncState } from '../store';
import type { SyncDeps } from './types';
import { advance, warsawMidnight, windowEnd } from './window';

export { advance };

export const PAGE_SIZE = 250;
/** Pages per run; a long backfill continues on the next wake instead of keeping the worker busy (§2.3 item 9). */
export const MAX_PAGES_PER_RUN = 60;

export interface SubjectSyncResult {
  subjectType: SubjectType;
  stored: number;
  pages: number;
  /** False when the run stopped with more to fetch: at MAX_PAGES_PER_RUN, or at the metadata budget. */
  complete: boolean;
  /** When the run stopped at the client's own metadata budget (NOTES §9): when the next request may go. */
  resumeAt?: number;
}

function isBeyondMark(error: unknown): boolean {
  const e = error as { name?: unknown; exceptionCodes?: unknown };
  return e?.name === 'KsefError' && Array.isArray(e.exceptionCodes) && e.exceptionCodes.includes(21183);
}

/**
 * Our own limiter holding a query back (lib/ksef throws RATE_LIMITED with `retryAt` and no status): KSeF's 20
 * queries an hour end every long backfill this way, so it is a pause, not a failure. A 429 carries a status.
 */
function budgetStopAt(error: unknown): number | undefined {
  const e = error as { name?: unknown; code?: unknown; status?: unknown; retryAt?: unknown };
  const own = e?.name === 'KsefError' && e.code === 'RATE_LIMITED' && e.status === undefined;
  return own && typeof e.retryAt === 'number' ? e.retryAt : undefined;
}

function isUnauthorized(error: unknown): boolean {
  const e = error as { name?: unknown; status?: unknown };
  return e?.name === 'KsefError' && e.status === 401;
}

/**
 * The stored state, or the one before the first sync: its window opens at the chosen day (issue 5). Marks of
 * another login context (an edited NIP, environment or address) start over there too (issue 10).
 */
export async function loadSyncState(deps: Pick<SyncDeps, 'store'>, profile: Profile, subjectType: SubjectType) {
  const stored = await deps.store.getSyncState(profile.id, subjectType);
  const fresh = initialSyncState(profile.id, subjectType, warsawMidnight(profile.preferences.firstSyncFrom));
  return syncStateInContext(stored, loginContextOf(profile), fresh);
}

export async function syncSubject(deps: SyncDeps, profile: Profile, subjectType: SubjectType): Promise<SubjectSyncResult> {
  let state = await loadSyncState(deps, profile, subjectType);
  let stored = 0;
  let pages = 0;
  let retriedAuth = false;
  while (pages < MAX_PAGES_PER_RUN) {
    const from = state.windowFrom ?? warsawMidnight(profile.preferences.firstSyncFrom);
    const to = windowEnd(from, deps.clock.now());
    const filters = {
      subjectType,
      dateRange: {
        dateType: 'PermanentStorage' as const,
        from,
        ...(to !== undefined ? { to } : {}),
        restrictToPermanentStorageHwmDate: true,
      },
    };
    const paging = { pageOffset: state.pageOffset ?? 0, pageSize: PAGE_SIZE, sortOrder: 'Asc' as const };
    let page;
    try {
      page = await deps.client.invoices.queryMetadata(filters, paging, await deps.session.getAccessToken());
    } catch (error) {
      // 21183: the window starts after the mark (nothing is closed there yet): an empty answer, not a failure.
      if (isBeyondMark(error)) return { subjectType, stored, pages, complete: true };
      const resumeAt = budgetStopAt(error);
      if (resumeAt !== undefined) return { subjectType, stored, pages, complete: false, resumeAt };
      if (!isUnauthorized(error) || retriedAuth) throw error;
      // A token we thought valid was refused: refresh once and ask again (RELIABILITY §5.3).
      retriedAuth = true;
      await deps.session.getAccessToken({ forceRefresh: true });
      continue;
    }
    pages += 1;
    const step = advance({ ...state, windowFrom: from }, page, to);
    const nowIso = new Date(deps.clock.now()).toISOString();
    const finished = step.done ? { lastSuccessAt: nowIso } : {};
    const next: SyncState = { ...step.state, ...finished };
    // The limiter's bookings ride in the page's own transaction (it goes to the Subject2 state whatever the
    // subject type): one IndexedDB transaction per page (issue 15, review §3.1; lib/worker/profile-runtime.ts).
    const rateLimiter = deps.rateLimiterState ? { rateLimiter: deps.rateLimiterState() } : {};
    const fresh = await deps.store.putNewInvoices(profile.id, subjectType, page.invoices, { syncState: next, setAside: true, ...rateLimiter });
    stored += fresh.length;
    state = next;
    if (step.done) return { subjectType, stored, pages, complete: true };
  }
  return { subjectType, stored, pages, complete: false };
}
