import { describe, expect, it } from 'vitest';
import { periodRange } from '../../lib/inbox/period';

describe('periodRange', () => {
  const now = new Date('2026-03-15T10:00:00Z');
  it.each([
    ['this_month', { from: '2026-03-01', to: '2026-03-31' }],
    ['last_month', { from: '2026-02-01', to: '2026-02-28' }],
    ['last_30_days', { from: '2026-02-14', to: '2026-03-15' }],
    ['this_year', { from: '2026-01-01', to: '2026-12-31' }],
    ['all', {}],
    ['custom', {}],
  ] as const)('%s', (period, expected) => {
    expect(periodRange(period, now)).toEqual(expected);
  });

  it('uses the Polish calendar day: 23:30 UTC on 31 January is already February in Poland', () => {
    expect(periodRange('this_month', new Date('2026-01-31T23:30:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('crosses the year for last month in January', () => {
    expect(periodRange('last_month', new Date('2026-01-10T12:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('checks its arguments', () => {
    expect(() => periodRange('week' as never, now)).toThrow(
      new TypeError('"period" must be one of all, this_month, last_month, last_30_days, this_year, custom'),
    );
    expect(() => periodRange('all', new Date('x'))).toThrow(new TypeError('"now" must be a valid Date'));
  });
});
