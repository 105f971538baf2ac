// Metadata records the store refuses are set aside, not allowed to stop the sync (issue 10): each one is kept
// in the activity log by its KSeF number alone (no other invoice data), the rest of the page is stored and the
// mark moves on, and the Subject's sync state counts them so the popup can say "N faktur pominięto".
import type { LogEntry, SyncState } from './records';
import { SKIPPED_KEPT } from './records';

export const SET_ASIDE_LOG_CODE = 'INVOICE_SET_ASIDE';
/** What the log says when a refused record has no readable KSeF number. */
export const NO_KSEF_NUMBER = '(no KSeF number)';

export interface SetAside {
  /** As KSeF sent it, reduced to the characters a KSeF number has (NOTES §11), or NO_KSEF_NUMBER. */
  ksefNumber: string;
  /** Which fields failed (the store's message names fields, never values). */
  reason: string;
}

/** The KSeF number of a refused record, safe to log: letters, digits and dashes only, at most 64. */
export function ksefNumberOf(item: unknown): string {
  const raw = (item as { ksefNumber?: unknown } | null)?.ksefNumber;
  const clean = typeof raw === 'string' ? raw.trim().toUpperCase().replace(/[^0-9A-Z-]/g, '').slice(0, 64) : '';
  return clean === '' ? NO_KSEF_NUMBER : clean;
}

export function setAsideOf(item: unknown, error: unknown): SetAside {
  const message = (error as { message?: unknown } | null)?.message;
  return { ksefNumber: ksefNumberOf(item), reason: typeof message === 'string' ? message.slice(0, 300) : 'invalid record' };
}

export function setAsideLogRecord(profileId: string, subjectType: string, entry: SetAside, at: string): Omit<LogEntry, 'id'> {
  return {
    at,
    profileId,
    level: 'warn',
    code: SET_ASIDE_LOG_CODE,
    message: `KSeF ${entry.ksefNumber} (${subjectType}) set aside: ${entry.reason}`,
  };
}

/**
 * The state to write with the page: the caller's, with the set-aside count taken from the stored record (the
 * engine's copy may be a page old) plus the records not counted before. Returns the records new to the count.
 */
export function withSetAside(
  next: SyncState,
  stored: SyncState | undefined,
  entries: readonly SetAside[],
): { state: SyncState; fresh: SetAside[] } {
  const known = new Set(stored?.skippedNumbers ?? []);
  const fresh = entries.filter((entry) => {
    if (entry.ksefNumber === NO_KSEF_NUMBER) return true;
    if (known.has(entry.ksefNumber)) return false;
    known.add(entry.ksefNumber);
    return true;
  });
  const numbers = [...(stored?.skippedNumbers ?? []), ...fresh.map((e) => e.ksefNumber).filter((n) => n !== NO_KSEF_NUMBER)];
  const { skippedCount: _c, skippedNumbers: _n, ...rest } = next;
  const count = (stored?.skippedCount ?? 0) + fresh.length;
  return {
    state: { ...rest, ...(count > 0 ? { skippedCount: count, skippedNumbers: numbers.slice(-SKIPPED_KEPT) } : {}) },
    fresh,
  };
}
