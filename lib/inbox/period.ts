// Period presets of the inbox filter, as calendar days in Polish time (invoice dates are Polish calendar dates).
import { warsawDay } from '../core/time';

export const PERIODS = ['all', 'this_month', 'last_month', 'last_30_days', 'this_year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

function warsawYmd(now: Date): { y: number; m: number; d: number } {
  const [y, m, d] = warsawDay(now).split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function iso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** The inclusive YYYY-MM-DD bounds of a preset on the day `now` falls on in Poland; `all` and `custom` have none. */
export function periodRange(period: Period, now: Date = new Date()): { from?: string; to?: string } {
  if (!PERIODS.includes(period)) throw new TypeError(`"period" must be one of ${PERIODS.join(', ')}`);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"now" must be a valid Date');
  const { y, m, d } = warsawYmd(now);
  switch (period) {
    case 'this_month':
      return { from: iso(y, m, 1), to: iso(y, m + 1, 0) };
    case 'last_month':
      return { from: iso(y, m - 1, 1), to: iso(y, m, 0) };
    case 'last_30_days':
      return { from: iso(y, m, d - 29), to: iso(y, m, d) };
    case 'this_year':
      return { from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case 'all':
    case 'custom':
      return {};
  }
}
