// The pure rules of the engine: windows, the next position after a page, failure classes, back-off, notices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../lib/auth/errors';
import { KsefError } from '../../lib/ksef/errors';
import { t } from '../../lib/i18n';
import { initialSyncState } from '../../lib/store/sync-state';
import { StoreError } from '../../lib/store/errors';
import { advance } from '../../lib/sync/subject-sync';
import {
  afterFailure,
  backoffDelayMs,
  classifyFailure,
  BACKOFF_CAP_MS,
  effectiveBlockedUntil,
} from '../../lib/sync/backoff';
import { dueNotices, clearResolvedNotices } from '../../lib/sync/notices';
import { warsawMidnight, windowEnd } from '../../lib/sync/window';
import { stallOf, STALL_NOTICE_AFTER_MS } from '../../lib/sync/stall';

describe('warsawMidnight and windowEnd', () => {
  it.each([
    ['2026-02-01', '2026-01-31T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
  ])('%s starts at %s', (day, iso) => {
    expect(warsawMidnight(day)).toBe(iso);
  });

  it('refuses what is not a day', () => {
    expect(() => warsawMidnight('2026-2-1')).toThrow(new TypeError('"day" must be YYYY-MM-DD'));
  });

  it('closes a window only when it would exceed 89 days', () => {
    const now = Date.parse('2026-02-10T12:00:00Z');
    expect(windowEnd('2026-01-01T00:00:00Z', now)).toBeUndefined();
    expect(windowEnd('2025-06-01T00:00:00Z', now)).toBe('2025-08-29T00:00:00.000Z');
  });
});

describe('advance', () => {
  const state = { ...initialSyncState('p', 'Subject2', '2026-02-01T00:00:00.000Z'), pageOffset: 2 };
  const rec = (iso: string) => ({ permanentStorageDate: iso });

  it.each([
    ['more pages', { hasMore: true, isTruncated: false, permanentStorageHwmDate: '2026-02-10T11:00:00Z', invoices: [rec('2026-02-05T00:00:00Z')] }, undefined, { pageOffset: 3, windowFrom: '2026-02-01T00:00:00.000Z', hwm: null }, false],
    ['truncated', { hasMore: true, isTruncated: true, permanentStorageHwmDate: '2026-02-10T11:00:00Z', invoices: [rec('2026-02-05T10:00:00+01:00')] }, undefined, { pageOffset: 0, windowFrom: '2026-02-05T09:00:00.000Z', hwm: null }, false],
    ['done: from the mark', { hasMore: false, isTruncated: false, permanentStorageHwmDate: '2026-02-10T11:00:00Z', invoices: [] }, undefined, { pageOffset: 0, windowFrom: '2026-02-10T11:00:00.000Z', hwm: '2026-02-10T11:00:00.000Z' }, true],
    ['done, window closed early', { hasMore: false, isTruncated: false, permanentStorageHwmDate: '2026-02-10T11:00:00Z', invoices: [] }, '2026-02-03T00:00:00.000Z', { pageOffset: 0, windowFrom: '2026-02-03T00:00:00.000Z' }, false],
  ] as const)('%s', (_name, page, to, expected, done) => {
    const next = advance(state, page, to);
    expect(next.state).toMatchObject(expected);
    expect(next.done).toBe(done);
  });

  it('never moves the window back, whatever mark KSeF returns (property, seed 5)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (offset) => {
        const mark = new Date(Date.parse('2026-02-01T00:00:00Z') - 10 ** 10 + offset).toISOString();
        const next = advance({ ...state, pageOffset: 0 }, { hasMore: false, isTruncated: false, permanentStorageHwmDate: mark, invoices: [] }, undefined);
        return Date.parse(next.state.windowFrom!) >= Date.parse('2026-02-01T00:00:00Z');
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe('classifyFailure', () => {
  const ksef = (code: ConstructorParameters<typeof KsefError>[0], init: Partial<ConstructorParameters<typeof KsefError>[1]> = {}) =>
    new KsefError(code, { operation: 'POST /invoices/query/metadata', ...init });

  it.each([
    ['429 with its time', ksef('RATE_LIMITED', { status: 429, retryAt: 5_000 }), 'rate_limited', 'RATE_LIMITED'],
    ['no answer', ksef('NETWORK'), 'transient', 'NETWORK'],
    ['timeout', ksef('TIMEOUT'), 'transient', 'TIMEOUT'],
    ['503', ksef('HTTP', { status: 503 }), 'transient', 'HTTP_503'],
    ['401', ksef('HTTP', { status: 401 }), 'attention', 'HTTP_401'],
    ['403', ksef('HTTP', { status: 403 }), 'attention', 'HTTP_403'],
    ['400', ksef('HTTP', { status: 400 }), 'error', 'HTTP_400'],
    ['a bad answer (garbage or a contract violation)', ksef('SCHEMA'), 'transient', 'SCHEMA'],
    ['a refused certificate', new AuthError('CERTIFICATE_REVOKED'), 'attention', 'CERTIFICATE_REVOKED'],
    ['KSeF failing at login', new AuthError('KSEF_INTERNAL_ERROR'), 'transient', 'KSEF_INTERNAL_ERROR'],
  ])('%s → %s', (_name, error, kind, code) => {
    const failure = classifyFailure(error);
    expect(failure).toMatchObject({ kind, code, message: (error as Error).message, messageEn: (error as { messageEn: string }).messageEn });
  });

  it.each([
    ['the DOMException', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['an abort caused by it', () => Object.assign(new DOMException('aborted', 'AbortError'), { cause: new DOMException('q', 'QuotaExceededError') })],
    ['a StoreError wrapping it', () => new StoreError('INVALID_RECORD', 'putNewInvoices', { cause: new DOMException('q', 'QuotaExceededError') })],
    ['a StoreError STORAGE_FULL', () => new StoreError('STORAGE_FULL', 'putNewInvoices')],
    ['Firefox before 2019', () => new DOMException('q', 'NS_ERROR_DOM_QUOTA_REACHED')],
  ])('storage full, however it arrives (%s) → STORAGE_FULL, not "unknown reason"', (_name, make) => {
    expect(classifyFailure(make())).toEqual({
      kind: 'storage',
      code: 'STORAGE_FULL',
      message: t('pl', 'sync_error_STORAGE_FULL'),
      messageEn: t('en', 'sync_error_STORAGE_FULL'),
    });
  });

  it('anything else is UNEXPECTED with the catalog message, never its own text', () => {
    expect(classifyFailure(new Error('secret detail'))).toEqual({
      kind: 'error',
      code: 'UNEXPECTED',
      message: t('pl', 'sync_error_UNEXPECTED'),
      messageEn: t('en', 'sync_error_UNEXPECTED'),
    });
  });
});

describe('back-off', () => {
  it('is full jitter under a growing ceiling, never a longer pause (property, seed 7)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (n, r) => {
        const delay = backoffDelayMs(n, () => r);
        return delay >= 30_000 && delay <= Math.min(BACKOFF_CAP_MS, 120_000 * 2 ** (n - 1)) && BACKOFF_CAP_MS === 1_800_000;
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('keeps Retry-After, clamped to a day, without counting it as a failure', () => {
    const state = initialSyncState('p', 'Subject2', null);
    const now = Date.parse('2026-02-10T12:00:00Z');
    const failure = { kind: 'rate_limited' as const, code: 'RATE_LIMITED', message: 'a', messageEn: 'b', retryAt: now + 90_000 };
    expect(afterFailure(state, failure, now, () => 0.5)).toMatchObject({ blockedUntil: '2026-02-10T12:01:30.000Z', consecutiveFailures: 0, lastError: { code: 'RATE_LIMITED' } });
    expect(afterFailure(state, { ...failure, retryAt: now + 10 * 86_400_000 }, now, () => 0.5).blockedUntil).toBe('2026-02-11T12:00:00.000Z');
  });
});

describe('notices', () => {
  const now = Date.parse('2026-02-10T12:00:00Z');
  const base = initialSyncState('p', 'Subject2', null);
  const day = 86_400_000;

  it.each([
    [40, []],
    [30, ['cert_expiring_30']],
    [8, ['cert_expiring_30']],
    [7, ['cert_expiring_7']],
    [1, ['cert_expiring_1']],
    [0, ['cert_expired']],
  ])('certificate with %s days left → %j', (days, kinds) => {
    const notices = dueNotices(base, new Date(now + days * day), now);
    expect(notices.map((n) => n.id.split(':')[0])).toEqual(kinds);
  });

  it('each once; login and permission notices only after repeated failures, and again after a recovery', () => {
    const failing = { ...base, consecutiveFailures: 2, lastError: { code: 'CERTIFICATE_REVOKED', message: 'x' } };
    expect(dueNotices(failing, undefined, now)).toEqual([]);
    expect(dueNotices({ ...failing, consecutiveFailures: 3 }, undefined, now)).toEqual([{ id: 'login_failing', kind: 'login_failing' }]);
    expect(dueNotices({ ...failing, consecutiveFailures: 3, notices: ['login_failing'] }, undefined, now)).toEqual([]);
    expect(dueNotices({ ...base, consecutiveFailures: 1, lastError: { code: 'HTTP_403', message: 'x' } }, undefined, now)).toEqual([
      { id: 'permissions_lost', kind: 'permissions_lost' },
    ]);
    expect(clearResolvedNotices(['login_failing', 'permissions_lost', 'cert_expiring_30:x'])).toEqual(['cert_expiring_30:x']);
  });
});

describe('blocks and a clock set back (issue 10)', () => {
  const now = Date.parse('2026-02-10T12:00:00Z');
  const day = 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();
  const blocked = (setAt: number, forMs: number) => ({
    ...initialSyncState('p', 'Subject2', null),
    blockedUntil: at(setAt + forMs),
    lastSyncAt: at(setAt),
    lastError: { code: 'RATE_LIMITED', message: 'x', at: at(setAt) },
  });

  it('a block set now ends when it was given to end', () => {
    expect(effectiveBlockedUntil(blocked(now, 600_000), now)).toBe(now + 600_000);
    expect(effectiveBlockedUntil(blocked(now - 700_000, 600_000), now)).toBeNull();
  });

  it('never longer than the block given or 24 hours, whichever is less, however far the clock went back (property, seed 11)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 * day }), fc.integer({ min: 1_000, max: 10 * day }), (back, given) => {
        const until = effectiveBlockedUntil(blocked(now + back, given), now);
        return until !== null && until - now <= Math.min(given, day) && until - now > 0;
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('a stored block without its start holds at most a day', () => {
    const state = { ...initialSyncState('p', 'Subject2', null), blockedUntil: at(now + 30 * day) };
    expect(effectiveBlockedUntil(state, now)).toBe(now + day);
  });

  it('a failure after the clock went back counts the stall from now', () => {
    const state = { ...initialSyncState('p', 'Subject2', null), failingSince: at(now + 30 * day) };
    const failure = { kind: 'transient' as const, code: 'HTTP_503', message: 'a', messageEn: 'b' };
    expect(afterFailure(state, failure, now, () => 0.5).failingSince).toBe(at(now));
    expect(afterFailure({ ...state, failingSince: at(now - 5000) }, failure, now, () => 0.5).failingSince).toBe(at(now - 5000));
  });
});

describe('named stalls and their notices (issue 10)', () => {
  const now = Date.parse('2026-02-10T12:00:00Z');
  const failing = (code: string, sinceMs: number, extra = {}) => ({
    ...initialSyncState('p', 'Subject2', null),
    consecutiveFailures: 1,
    failingSince: new Date(now - sinceMs).toISOString(),
    lastError: { code, message: 'x' },
    ...extra,
  });

  it.each([
    ['RATE_LIMITED', 'RATE_LIMITED'],
    ['HTTP_500', 'KSEF_ERRORS'],
    ['HTTP_400', 'KSEF_ERRORS'],
    ['SCHEMA', 'KSEF_ERRORS'],
    ['KSEF_INTERNAL_ERROR', 'KSEF_ERRORS'],
    ['NETWORK', 'OFFLINE'],
    ['TIMEOUT', 'OFFLINE'],
    ['STORAGE_FULL', 'STORAGE_FULL'],
    ['HTTP_403', 'PERMISSIONS_LOST'],
    ['NO_PERMISSIONS', 'PERMISSIONS_LOST'],
    ['HTTP_401', 'LOGIN_REFUSED'],
    ['CERTIFICATE_REVOKED', 'LOGIN_REFUSED'],
    ['UNEXPECTED', 'UNEXPECTED'],
  ])('%s → %s', (code, stall) => {
    expect(stallOf(code)).toBe(stall);
  });

  it('storage full needs the user at once, and is raised once', () => {
    expect(dueNotices(failing('STORAGE_FULL', 0), undefined, now)).toEqual([{ id: 'storage_full', kind: 'storage_full' }]);
    expect(dueNotices(failing('STORAGE_FULL', 0, { notices: ['storage_full'] }), undefined, now)).toEqual([]);
  });

  it.each(['HTTP_503', 'SCHEMA', 'NETWORK', 'RATE_LIMITED'])('%s resolves on its own: nothing until it has lasted, then one notice', (code) => {
    expect(dueNotices(failing(code, STALL_NOTICE_AFTER_MS - 1), undefined, now)).toEqual([]);
    const state = failing(code, STALL_NOTICE_AFTER_MS);
    expect(dueNotices(state, undefined, now)).toEqual([
      { id: 'sync_stalled', kind: 'sync_stalled', stall: stallOf(code), since: state.failingSince },
    ]);
    expect(dueNotices({ ...state, notices: ['sync_stalled'] }, undefined, now)).toEqual([]);
  });

  it('invoices set aside: one notice the first time, whatever the count later', () => {
    const base = initialSyncState('p', 'Subject2', null);
    expect(dueNotices(base, undefined, now, 0)).toEqual([]);
    expect(dueNotices(base, undefined, now, 2)).toEqual([{ id: 'records_skipped', kind: 'records_skipped', count: 2 }]);
    expect(dueNotices({ ...base, notices: ['records_skipped'] }, undefined, now, 3)).toEqual([]);
  });

  it('a good run lets the sync-failure notices come back, not the others', () => {
    expect(clearResolvedNotices(['storage_full', 'sync_stalled', 'records_skipped', 'cert_expired:x'])).toEqual(['records_skipped', 'cert_expired:x']);
  });
});
