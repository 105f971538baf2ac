// Query windows of the high-water-mark algorithm (NOTES §7.1, §7.2): dates are KSeF's, never our clock's,
// except where a window must be closed to stay within the 3-month limit of one query.

/** A query may span at most 3 months (NOTES §7.1); 89 days is inside that in UTC and in Warsaw time. */
export const MAX_WINDOW_MS = 89 * 86_400_000;

const warsawHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', hourCycle: 'h23' });

/**
 * Midnight in Warsaw of a calendar day, as an ISO date-time in UTC: the start of the first sync (issue 5).
 * Poland is at UTC+1 or UTC+2, so midnight is 22:00 or 23:00 UTC the day before.
 */
export function warsawMidnight(day: string): string {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError('"day" must be YYYY-MM-DD');
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new TypeError('"day" must be YYYY-MM-DD');
  for (const hours of [1, 2]) {
    const candidate = utcMidnight - hours * 3_600_000;
    if (warsawHour.format(candidate) === '00') return new Date(candidate).toISOString();
  }
  return new Date(utcMidnight - 3_600_000).toISOString();
}

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
