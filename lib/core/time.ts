// The Polish calendar and clock. KSeF's dates are Polish calendar dates (P_1, NOTES §12) and users think in
// Polish time, so every "which day is it" and every date shown is Europe/Warsaw, computed here and only here.

export const WARSAW = 'Europe/Warsaw';

/** The wall-clock fields of an instant in one time zone, zero-padded (year as written: 2026). */
export interface ZonedParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
};
// Made on first use: a DateTimeFormat with a time zone loads ICU's zone data, a few ms the service worker would
// otherwise spend at every wake before its first listener (issue 15; measured in a CPU profile of background.js).
let minuteFormat: Intl.DateTimeFormat | undefined;
let secondFormat: Intl.DateTimeFormat | undefined;
let hourFormat: Intl.DateTimeFormat | undefined;
const warsawFormat = () => (minuteFormat ??= new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone: WARSAW }));
const warsawSecondFormat = () =>
  (secondFormat ??= new Intl.DateTimeFormat('en-GB', { ...OPTIONS, second: '2-digit', timeZone: WARSAW }));
const warsawHourFormat = () =>
  (hourFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: WARSAW, hour: '2-digit', hourCycle: 'h23' }));

function partsOf(format: Intl.DateTimeFormat, at: Date | string | number): ZonedParts {
  const parts = format.formatToParts(new Date(at));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return { year: p('year'), month: p('month'), day: p('day'), hour: p('hour'), minute: p('minute') };
}

/**
 * The fields of `at` in `timeZone`. Throws RangeError for an unknown zone or an invalid instant, as Intl does;
 * callers that take a zone from their own callers map that to their own error.
 */
export function zonedParts(at: Date | string | number, timeZone: string = WARSAW): ZonedParts {
  const format = timeZone === WARSAW ? warsawFormat() : new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone });
  return partsOf(format, at);
}

/** The calendar day in Poland of an instant, as YYYY-MM-DD. */
export function warsawDay(at: Date | string | number): string {
  const { year, month, day } = partsOf(warsawFormat(), at);
  return `${year}-${month}-${day}`;
}

/** 31.12.2026 and 14:05 (pl) or 2026-12-31 and 14:05 (en), Polish time. */
export function warsawDateTime(lang: 'pl' | 'en', at: Date | string | number): { date: string; time: string } {
  const p = partsOf(warsawFormat(), at);
  const date = lang === 'pl' ? `${p.day}.${p.month}.${p.year}` : `${p.year}-${p.month}-${p.day}`;
  return { date, time: `${p.hour}:${p.minute}` };
}

/**
 * To the second, for evidence (a UPO's times: minutes are not enough), Polish time: "16.09.2025, 11:05:40" (pl)
 * or "16/09/2025, 11:05:40" (en, the en-GB order).
 */
export function warsawTimestamp(lang: 'pl' | 'en', at: Date | string | number): string {
  const parts = warsawSecondFormat().formatToParts(new Date(at));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  const sep = lang === 'pl' ? '.' : '/';
  return `${p('day')}${sep}${p('month')}${sep}${p('year')}, ${p('hour')}:${p('minute')}:${p('second')}`;
}

/**
 * Midnight in Poland of a calendar day, as an ISO date-time in UTC (the start of a first sync, issue 5).
 * Poland is at UTC+1 or UTC+2, so midnight is 23:00 or 22:00 UTC the day before.
 */
export function warsawMidnight(day: string): string {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError('"day" must be YYYY-MM-DD');
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(utcMidnight)) throw new TypeError('"day" must be YYYY-MM-DD');
  for (const hours of [1, 2]) {
    const candidate = utcMidnight - hours * 3_600_000;
    if (warsawHourFormat().format(candidate) === '00') return new Date(candidate).toISOString();
  }
  return new Date(utcMidnight - 3_600_000).toISOString();
}
