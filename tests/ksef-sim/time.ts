// Dates as KSeF writes and reads them: UTC instants, Polish calendar days (Europe/Warsaw) for KSeF numbers
// and reference numbers, and offset-less query dates read as Warsaw local time (NOTES §2).

const WARSAW = 'Europe/Warsaw';
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: WARSAW,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function warsawWallClock(ms: number): WallClock {
  const get = (type: string): number => {
    const part = partsFormat.formatToParts(new Date(ms)).find((p) => p.type === type);
    return Number(part?.value ?? 0);
  };
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes east of UTC in Warsaw at the instant `ms` (60 in winter, 120 in summer). */
export function warsawOffsetMinutes(ms: number): number {
  const w = warsawWallClock(Math.floor(ms / 1000) * 1000);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYYMMDD` of the Polish calendar day at `ms` (KSeF numbers and reference numbers, NOTES §2, §11). */
export function warsawCompactDate(ms: number): string {
  const w = warsawWallClock(ms);
  return `${w.year}${pad(w.month)}${pad(w.day)}`;
}

/** `YYYY-MM-DD` of the Polish calendar day at `ms`. */
export function warsawDate(ms: number): string {
  const w = warsawWallClock(ms);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** ISO-8601 with milliseconds and the Warsaw offset, as the UPO samples write dates (`…T11:05:40.841+02:00`). */
export function warsawIso(ms: number): string {
  const offset = warsawOffsetMinutes(ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads a query date. With an offset or `Z` it is an instant; without one it is Warsaw local time
 * (NOTES §2, api-changelog 2.1.2). Returns null when the text is not an ISO-8601 date-time.
 */
export function parseKsefDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(wall)) return null;
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) return null;
  if (zone) {
    if (zone === 'Z' || zone === 'z') return wall;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  // Two passes settle the offset around DST switches.
  let guess = wall - warsawOffsetMinutes(wall) * 60_000;
  guess = wall - warsawOffsetMinutes(guess) * 60_000;
  return guess;
}

/** Adds calendar months in UTC (day clamped to the month's end). */
export function addMonthsUtc(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** Adds calendar months on the Warsaw wall clock (what a Polish user means by "three months"). */
export function addMonthsWarsaw(ms: number, months: number): number {
  const offset = warsawOffsetMinutes(ms) * 60_000;
  const shiftedWall = addMonthsUtc(ms + offset, months);
  let guess = shiftedWall - warsawOffsetMinutes(shiftedWall) * 60_000;
  guess = shiftedWall - warsawOffsetMinutes(guess) * 60_000;
  return guess;
}
