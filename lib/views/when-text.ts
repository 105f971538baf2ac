// Recent times as a person says them (review B17): "dziś 16:09", "wczoraj 9:12", "jutro 8:00"; anything
// further away in full ("05.12.2026 16:09"). The calendar is Warsaw's (lib/core/time.ts), as KSeF and the
// bookkeeper read it, whatever the computer's zone.
import { warsawDateTime, warsawDay } from '../core/time';
import { t, type Lang } from '../i18n/popup';
import { formatDate } from '../invoice/format';

const DAY_MS = 86_400_000;

/** Whole Warsaw calendar days from `now` to `at` (negative in the past): 0 today, -1 yesterday, 1 tomorrow. */
export function warsawDaysFrom(now: Date | number, at: Date | string | number): number {
  const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round((utc(warsawDay(at)) - utc(warsawDay(now))) / DAY_MS);
}

/** "16:09", and "9:12" rather than "09:12", as a clock time is said in a sentence. */
function clock(at: Date | string | number, lang: Lang): string {
  return warsawDateTime(lang, at).time.replace(/^0(\d)/, '$1');
}

/** An instant: "dziś 16:09" / "wczoraj 9:12" / "jutro 8:00", else the full date and time. */
export function whenText(iso: string, now: Date, lang: Lang): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return formatDate(iso, lang);
  const days = warsawDaysFrom(now, at);
  if (days === 0) return t(lang, 'popup_when_today', { time: clock(at, lang) });
  if (days === -1) return t(lang, 'popup_when_yesterday', { time: clock(at, lang) });
  if (days === 1) return t(lang, 'popup_when_tomorrow', { time: clock(at, lang) });
  return formatDate(iso, lang);
}

/** A calendar date (an invoice's issue date, YYYY-MM-DD): "dziś", "wczoraj", else the date. */
export function dayWhenText(isoDate: string, now: Date, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return formatDate(isoDate, lang);
  const today = warsawDay(now);
  const days = Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days === 0) return t(lang, 'popup_day_today');
  if (days === -1) return t(lang, 'popup_day_yesterday');
  return formatDate(isoDate, lang);
}
