// advance(): the position after one metadata page, for open and closed windows (NOTES §7.1, §7.2; openapi.json
// QueryInvoicesMetadataResponse.permanentStorageHwmDate: a closed older window is answered with its own `to`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialSyncState } from '../../lib/store/sync-state';
import type { SyncState } from '../../lib/store/records';
import { advance } from '../../lib/sync/subject-sync';

const FROM = '2025-06-01T00:00:00.000Z';
const TO = '2025-08-29T00:00:00.000Z';
const state = { ...initialSyncState('p', 'Subject2', FROM), hwm: '2025-05-31T00:00:00.000Z', pageOffset: 2 };
const rec = (iso: string) => ({ permanentStorageDate: iso });
const page = (hasMore: boolean, isTruncated: boolean, mark: string | null, dates: string[] = []) => ({
  hasMore,
  isTruncated,
  permanentStorageHwmDate: mark,
  invoices: dates.map(rec),
});

describe('advance', () => {
  it.each([
    ['more pages', page(true, false, TO, ['2025-06-05T00:00:00Z']), TO, { windowFrom: FROM, pageOffset: 3, hwm: state.hwm }, false],
    ['truncated, open window: from the last record', page(true, true, '2025-08-01T00:00:00Z', ['2025-07-10T10:00:00+02:00']), undefined, { windowFrom: '2025-07-10T08:00:00.000Z', pageOffset: 0, hwm: state.hwm }, false],
    ['truncated, closed window: from the last record', page(true, true, TO, ['2025-07-10T08:00:00Z']), TO, { windowFrom: '2025-07-10T08:00:00.000Z', pageOffset: 0, hwm: state.hwm }, false],
    ['truncated without records: stays, asks again next run', page(true, true, TO), TO, { windowFrom: FROM, pageOffset: 0, hwm: state.hwm }, true],
    ['closed older window, mark = its `to`: the next window', page(false, false, TO), TO, { windowFrom: TO, pageOffset: 0, hwm: TO }, false],
    ['closed window, mark slightly past `to`: the next window from `to`', page(false, false, '2025-08-29T00:00:01Z'), TO, { windowFrom: TO, pageOffset: 0, hwm: TO }, false],
    ['closed window ending past KSeF\'s mark: caught up at the mark', page(false, false, '2025-08-20T12:00:00Z'), TO, { windowFrom: '2025-08-20T12:00:00.000Z', hwm: '2025-08-20T12:00:00.000Z' }, true],
    ['closed window, mark before the window: stays, caught up', page(false, false, '2025-05-01T00:00:00Z'), TO, { windowFrom: FROM, hwm: state.hwm }, true],
    ['open window: caught up at the mark', page(false, false, '2025-07-01T00:00:00Z'), undefined, { windowFrom: '2025-07-01T00:00:00.000Z', hwm: '2025-07-01T00:00:00.000Z' }, true],
    ['open window, mark before the window: stays', page(false, false, '2025-05-01T00:00:00Z'), undefined, { windowFrom: FROM, hwm: state.hwm }, true],
    ['closed window without a mark: nothing known, stays', page(false, false, null), TO, { windowFrom: FROM, pageOffset: 0, hwm: state.hwm }, true],
    ['open window without a mark: stays', page(false, false, null), undefined, { windowFrom: FROM, pageOffset: 0, hwm: state.hwm }, true],
  ] as const)('%s', (_name, answer, to, expected, done) => {
    const next = advance(state, answer, to);
    expect(next.state).toMatchObject(expected);
    expect(next.done).toBe(done);
  });

  it('keeps a later hwm when the window is behind it', () => {
    const ahead = { ...state, hwm: '2025-12-01T00:00:00.000Z' };
    expect(advance(ahead, page(false, false, TO), TO).state.hwm).toBe('2025-12-01T00:00:00.000Z');
  });

  it('refuses a state without the window it was asked for', () => {
    expect(() => advance({ ...state, windowFrom: null }, page(false, false, TO), TO)).toThrow(new TypeError('"state.windowFrom" must be the start of the queried window'));
  });

  it('a closed window is done exactly when KSeF\'s mark lies below its end (property, seed 11)', () => {
    const base = Date.parse(FROM);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 89 * 86_400_000 }), fc.integer({ min: -1_000_000_000, max: 2 * 89 * 86_400_000 }), (span, offset) => {
        const to = new Date(base + span).toISOString();
        const mark = new Date(base + offset).toISOString();
        const next = advance(state, page(false, false, mark), to);
        return next.done === Date.parse(mark) < Date.parse(to);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('never moves the window or the mark back, whatever KSeF answers (property, seed 13)', () => {
    const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-06-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
    const answer = fc.record({
      hasMore: fc.boolean(),
      isTruncated: fc.boolean(),
      permanentStorageHwmDate: fc.option(instant, { nil: null }),
      invoices: fc.array(instant.map(rec), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, fc.option(instant, { nil: undefined })), { minLength: 1, maxLength: 20 }), (steps) => {
        let current: SyncState = { ...state, pageOffset: 0 };
        for (const [a, to] of steps) {
          const next = advance(current, a, to).state;
          if (Date.parse(next.windowFrom!) < Date.parse(current.windowFrom!)) return false;
          if (current.hwm && (!next.hwm || Date.parse(next.hwm) < Date.parse(current.hwm))) return false;
          current = next;
        }
        return true;
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
