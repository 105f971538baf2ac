// lib/core/time.ts: the Polish calendar, across both daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { warsawDateTime, warsawDay, warsawMidnight, warsawTimestamp, zonedParts } from '../../lib/core/time';

describe('Warsaw calendar', () => {
  it.each([
    ['2026-01-31T22:59:59Z', '2026-01-31'], ['2026-01-31T23:00:00Z', '2026-02-01'],
    ['2026-07-31T21:59:59Z', '2026-07-31'], ['2026-07-31T22:00:00Z', '2026-08-01'],
  ])('%s falls on %s in Poland', (iso, day) => {
    expect(warsawDay(iso)).toBe(day);
    expect(warsawDay(Date.parse(iso))).toBe(day);
  });

  it.each([
    ['pl', { date: '01.03.2026', time: '00:05' }],
    ['en', { date: '2026-03-01', time: '00:05' }],
  ] as const)('date and time in %s', (lang, expected) => {
    expect(warsawDateTime(lang, '2026-02-28T23:05:00Z')).toEqual(expected);
  });

  it.each([
    ['pl', '2025-09-16T09:05:40.841Z', '16.09.2025, 11:05:40'],
    ['pl', '2025-12-31T23:00:00Z', '01.01.2026, 00:00:00'],
    ['en', '2025-03-30T01:00:07Z', '30/03/2025, 03:00:07'],
  ] as const)('to the second in %s: %s is %s', (lang, iso, text) => {
    expect(warsawTimestamp(lang, iso)).toBe(text);
  });

  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'], ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], ['2026-10-25', '2026-10-24T22:00:00.000Z'],
  ])('midnight of %s is %s', (day, iso) => {
    expect(warsawMidnight(day)).toBe(iso);
  });

  it('refuses what is not a day or a zone', () => {
    expect(() => warsawMidnight('2026-2-1')).toThrow(new TypeError('"day" must be YYYY-MM-DD'));
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(zonedParts('2026-06-01T10:00:00Z', 'UTC')).toEqual({ year: '2026', month: '06', day: '01', hour: '10', minute: '00' });
  });
});
