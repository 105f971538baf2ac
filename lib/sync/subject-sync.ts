// One subject type of one profile, up to KSeF's high-water mark (NOTES §7.2; RELIABILITY §2.3 items 3 and 4).
// Every page is one request followed by one IndexedDB transaction that stores the new invoices AND the
// advanced position, so a worker killed at any await resumes exactly where the store says, with nothing
// lost and nothing stored twice.
import { initialSyncState, type Profile, type SubjectType, type SyncState } from '../store';
import type { SyncDeps } from './types';
import { isoOf, warsawMidnight, windowEnd } from './window';

export const PAGE_SIZE = 250;
/** Pages per run; a long backfill continues on the next wake instead of keeping the worker busy (§2.3 item 9). */
export const MAX_PAGES_PER_RUN = 60;

export interface SubjectSyncResult {
  subjectType: SubjectType;
  stored: number;
  pages: number;
  /** False when the run stopped at MAX_PAGES_PER_RUN with more to fetch. */
  complete: boolean;
}

function isBeyondMark(error: unknown): boolean {
  const e = error as { name?: unknown; exceptionCodes?: unknown };
  return e?.name === 'KsefError' && Array.isArray(e.exceptionCodes) && e.exceptionCodes.includes(21183);
}

function isUnauthorized(error: unknown): boolean {
  const e = error as { name?: unknown; status?: unknown };
  return e?.name === 'KsefError' && e.status === 401;
}

/** The stored state, or the one before the first sync: its window opens at the chosen day (issue 5). */
export async function loadSyncState(deps: Pick<SyncDeps, 'store'>, profile: Profile, subjectType: SubjectType) {
  const stored = await deps.store.getSyncState(profile.id, subjectType);
  return stored ?? initialSyncState(profile.id, subjectType, warsawMidnight(profile.preferences.firstSyncFrom));
}

/**
 * The next position after one page (NOTES §7.1): `hasMore` → next page; truncated → a new window from the
 * last record's date; done → the next window starts at the returned mark (or at the window's own end when
 * it was closed early to fit in 3 months).
 */
export function advance(
  state: SyncState,
  page: {
    hasMore: boolean;
    isTruncated: boolean;
    permanentStorageHwmDate?: string | null;
    invoices: readonly { permanentStorageDate: string }[];
  },
  to: string | undefined,
): { state: SyncState; done: boolean } {
  const last = page.invoices[page.invoices.length - 1];
  if (page.hasMore && !page.isTruncated) return { state: { ...state, pageOffset: (state.pageOffset ?? 0) + 1 }, done: false };
  if (page.hasMore && last) return { state: { ...state, windowFrom: isoOf(last.permanentStorageDate), pageOffset: 0 }, done: false };
  const mark = page.permanentStorageHwmDate ? isoOf(page.permanentStorageHwmDate) : null;
  const windowStart = state.windowFrom ?? mark;
  let next = mark ?? windowStart;
  if (to !== undefined && (mark === null || Date.parse(to) < Date.parse(mark))) next = to;
  // The mark never moves back, even if KSeF answered with an older one.
  if (next && windowStart && Date.parse(next) < Date.parse(windowStart)) next = windowStart;
  const done = next === mark || next === windowStart;
  return { state: { ...state, windowFrom: next, hwm: mark && (!state.hwm || mark > state.hwm) ? mark : state.hwm, pageOffset: 0 }, done };
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
    const next: SyncState = {
      ...step.state,
      ...finished,
      ...(subjectType === 'Subject2' && deps.rateLimiterState ? { rateLimiter: deps.rateLimiterState() } : {}),
    };
    const fresh = await deps.store.putNewInvoices(profile.id, subjectType, page.invoices, { syncState: next });
    stored += fresh.length;
    state = next;
    if (step.done) return { subjectType, stored, pages, complete: true };
  }
  return { subjectType, stored, pages, complete: false };
}
