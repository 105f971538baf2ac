import { describe, expect, it } from 'vitest';
import { addMonthsUtc, addMonthsWarsaw, parseKsefDateTime, warsawCompactDate, warsawIso } from './time';

describe('Warsaw time (NOTES §2)', () => {
  it.each([
    ['2026-01-15T10:00:00Z', '2026-01-15T10:00:00.000Z'],
    ['2026-01-15T10:00:00+02:00', '2026-01-15T08:00:00.000Z'],
    ['2026-01-15T10:00:00.123-0130', '2026-01-15T11:30:00.123Z'],
    // Offset-less: Warsaw local time, CET in winter, CEST in summer.
    ['2026-01-15T10:00:00', '2026-01-15T09:00:00.000Z'],
    ['2026-07-15T10:00:00', '2026-07-15T08:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2025-07-11T12:23:56.0154302+00:00', '2025-07-11T12:23:56.015Z'],
  ])('parseKsefDateTime(%s) = %s', (text, expected) => {
    expect(new Date(parseKsefDateTime(text) as number).toISOString()).toBe(expected);
  });

  it.each(['yesterday', '2026-02-30T00:00:00Z', '2026-01-01T25:00:00Z', ''])('parseKsefDateTime(%j) is null', (text) => {
    expect(parseKsefDateTime(text)).toBeNull();
  });

  it('writes UPO dates with the Warsaw offset and milliseconds', () => {
    expect(warsawIso(Date.parse('2025-09-16T09:05:40.841Z'))).toBe('2025-09-16T11:05:40.841+02:00');
    expect(warsawIso(Date.parse('2026-01-16T09:05:40.841Z'))).toBe('2026-01-16T10:05:40.841+01:00');
    expect(warsawCompactDate(Date.parse('2026-03-28T23:30:00Z'))).toBe('20260329');
  });

  it('adds calendar months, clamping to the end of the month', () => {
    expect(new Date(addMonthsUtc(Date.parse('2026-11-30T10:00:00Z'), 3)).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(new Date(addMonthsWarsaw(Date.parse('2026-08-31T22:00:00Z'), 3)).toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });
});
