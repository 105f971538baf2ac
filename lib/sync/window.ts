// Query windows of the high-water-mark algorithm (NOTES §7.1, §7.2): dates are KSeF's, never our clock's,
// except where a window must be closed to stay within the 3-month limit of one query.
import type { SyncState } from '../store';

/** A query may span at most 3 months (NOTES §7.1); 89 days is inside that in UTC and in Warsaw time. */
export const MAX_WINDOW_MS = 89 * 86_400_000;

/** Midnight in Warsaw of a calendar day: where a first sync starts (issue 5); the calendar is lib/core/time.ts. */
export { warsawMidnight } from '../core/time';

/**
 * The `to` of a query starting at `from`: none (KSeF's now, cut at the mark) while the window fits in the
 * 3-month limit, else `from` plus 89 days.
 */
export function windowEnd(from: string, nowMs: number): string | undefined {
  const start = Date.parse(from);
  if (Number.isNaN(start)) throw new TypeError('"from" must be an ISO date-time');
  return nowMs - start > MAX_WINDOW_MS ? new Date(start + MAX_WINDOW_MS).toISOString() : undefined;
}

/** UTC ISO text of a KSeF date-time, so marks compare as text and as dates alike. */
export function isoOf(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError('"value" must be an ISO date-time');
  return new Date(ms).toISOString();
}

/** The later of two instants; a position built from it never moves back. */
function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export interface MetadataPage {
  hasMore: boolean;
  isTruncated: boolean;
  permanentStorageHwmDate?: string | null;
  invoices: readonly { permanentStorageDate: string }[];
}

/**
 * The position after one page of the window [`state.windowFrom`, `to`] (`to` undefined: up to KSeF's now),
 * queried with restrictToPermanentStorageHwmDate (NOTES §7.1, §7.2). `done` means caught up with KSeF's mark.
 * - hasMore: the next page; truncated (hasMore and isTruncated): a new window from the last record's date.
 * - A closed window older than KSeF's mark is answered with its own `to` as the mark, "zgodne z warunkami
 *   zapytania" (openapi.json, QueryInvoicesMetadataResponse.permanentStorageHwmDate): a mark at or past `to`
 *   means this window is complete, not that the sync is caught up, so the next window starts at `to`. A mark
 *   below `to`, or any mark of an open window, is KSeF's own: everything up to it is stored, caught up.
 * - Without a mark nothing is known to be complete: the position stays and the next run asks again.
 * The window start and `hwm` never move back, whatever KSeF answers.
 */
export function advance(state: SyncState, page: MetadataPage, to: string | undefined): { state: SyncState; done: boolean } {
  const from = state.windowFrom;
  if (!from) throw new TypeError('"state.windowFrom" must be the start of the queried window');
  if (page.hasMore && !page.isTruncated) return { state: { ...state, pageOffset: (state.pageOffset ?? 0) + 1 }, done: false };
  const stay = { state: { ...state, pageOffset: 0 }, done: true };
  const last = page.invoices[page.invoices.length - 1];
  if (page.hasMore) {
    if (!last) return stay;
    return { state: { ...state, windowFrom: later(from, isoOf(last.permanentStorageDate)), pageOffset: 0 }, done: false };
  }
  if (!page.permanentStorageHwmDate) return stay;
  const mark = isoOf(page.permanentStorageHwmDate);
  const closedBelowMark = to !== undefined && Date.parse(mark) >= Date.parse(to);
  const reached = closedBelowMark ? isoOf(to) : mark;
  const hwm = state.hwm ? later(state.hwm, reached) : reached;
  return { state: { ...state, windowFrom: later(from, reached), hwm, pageOffset: 0 }, done: !closedBelowMark };
}
