import { describe, expect, it } from 'vitest';
import { initialSyncState } from '../../lib/store/sync-state';
import { openKsefPilotDb } from '../../lib/store/db';
import type { SyncState } from '../../lib/store/records';
import { caught, freshStore, profileInput } from './helpers';

describe('initialSyncState', () => {
  it('starts with no mark, no failures and the first-sync window', () => {
    expect(initialSyncState('p1', 'Subject2', '2026-02-01T00:00:00+01:00')).toEqual({
      profileId: 'p1',
      subjectType: 'Subject2',
      hwm: null,
      windowFrom: '2026-02-01T00:00:00+01:00',
      lastSyncAt: null,
      lastSuccessAt: null,
      nextSyncAt: null,
      consecutiveFailures: 0,
      blockedUntil: null,
      rateLimiter: null,
      firstSyncDone: false,
    });
  });

  it('refuses an unknown subject type', () => {
    expect(() => initialSyncState('p1', 'Buyer' as never, null)).toThrow(
      new TypeError('"subjectType" must be one of Subject1, Subject2, Subject3, SubjectAuthorized'),
    );
  });
});

describe('getSyncState, listSyncStates, putSyncState', () => {
  const progressed = (profileId: string, subjectType: SyncState['subjectType']): SyncState => ({
    ...initialSyncState(profileId, subjectType, '2026-02-01T00:00:00+01:00'),
    hwm: '2026-02-10T11:55:00.000Z',
    lastSyncAt: '2026-02-10T12:00:00.000Z',
    lastSuccessAt: '2026-02-10T12:00:00.000Z',
    nextSyncAt: '2026-02-10T12:15:00.000Z',
    consecutiveFailures: 2,
    blockedUntil: '2026-02-10T12:10:00.000Z',
    rateLimiter: { metadata: [1739188800000, 1739189100000], blockedUntil: null },
    lastError: { code: 'RATE_LIMITED', message: '429 na /invoices/query/metadata' },
    firstSyncDone: true,
    importedCount: 42,
  });

  it('keeps the state of each subject type apart and reads it back as written', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.saveProfile(profileInput('p2'));
    await store.putSyncState(progressed('p1', 'SubjectAuthorized'));
    await store.putSyncState(progressed('p1', 'Subject2'));
    await store.putSyncState(progressed('p2', 'Subject2'));
    expect(await store.getSyncState('p1', 'Subject2')).toEqual(progressed('p1', 'Subject2'));
    expect(await store.getSyncState('p1', 'Subject1')).toBeUndefined();
    expect((await store.listSyncStates('p1')).map((s) => s.subjectType)).toEqual(['Subject2', 'SubjectAuthorized']);
  });

  it.each<[string, Partial<SyncState>, string]>([
    ['a negative failure count', { consecutiveFailures: -1 }, 'putSyncState: invalid consecutiveFailures'],
    ['a mark that is not a date-time', { hwm: '2026-02-10' }, 'putSyncState: invalid hwm'],
    ['an unknown field', { cursor: 3 } as Partial<SyncState>, 'putSyncState: invalid (record)'],
    ['a negative page offset', { pageOffset: -1 }, 'putSyncState: invalid pageOffset'],
  ])('refuses %s with INVALID_RECORD', async (_name, change, message) => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    expect(await caught(store.putSyncState({ ...progressed('p1', 'Subject2'), ...change }))).toMatchObject({
      code: 'INVALID_RECORD',
      message,
    });
  });

  it('refuses a state for a profile that does not exist (PROFILE_NOT_FOUND)', async () => {
    const { store } = freshStore();
    expect(await caught(store.putSyncState(progressed('ghost', 'Subject2')))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      message: 'putSyncState: no profile "ghost"',
    });
  });

  it('reports a stored state of the wrong shape as CORRUPT_RECORD', async () => {
    const { store, factory } = freshStore();
    await store.saveProfile(profileInput('p1'));
    const raw = await openKsefPilotDb(factory);
    await raw.put('syncState', { ...progressed('p1', 'Subject2'), firstSyncDone: 'yes' as never });
    raw.close();
    expect(await caught(store.getSyncState('p1', 'Subject2'))).toMatchObject({
      code: 'CORRUPT_RECORD',
      message: 'getSyncState "p1" Subject2: stored record has invalid firstSyncDone',
    });
  });
});

describe('saveRateLimiterState', () => {
  it('writes only the limiter into the Subject2 record, keeping the mark moved meanwhile', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    await store.putSyncState({ ...initialSyncState('p1', 'Subject2', null), hwm: '2026-02-10T11:00:00.000Z', pageOffset: 3 });
    expect(await store.saveRateLimiterState('p1', { version: 1, windows: { invoiceMetadata: [1] }, blockedUntil: {} })).toBe(true);
    expect(await store.getSyncState('p1', 'Subject2')).toMatchObject({
      hwm: '2026-02-10T11:00:00.000Z',
      pageOffset: 3,
      rateLimiter: { version: 1, windows: { invoiceMetadata: [1] } },
    });
  });

  it('checks the profile id', async () => {
    const { store } = freshStore();
    expect(await caught(store.saveRateLimiterState('', {}))).toMatchObject({
      name: 'TypeError',
      message: '"profileId" must be a non-empty string of at most 200 characters',
    });
  });
});

describe('patchSyncState', () => {
  it('creates the record when missing, changes only the named fields, and refuses a missing profile', async () => {
    const { store } = freshStore();
    expect(await store.patchSyncState('ghost', 'Subject2', { nextSyncAt: '2026-02-10T12:15:00.000Z' })).toBe(false);
    await store.saveProfile(profileInput('p1'));
    expect(await store.patchSyncState('p1', 'Subject2', { nextSyncAt: '2026-02-10T12:15:00.000Z' })).toBe(true);
    expect(await store.getSyncState('p1', 'Subject2')).toMatchObject({ hwm: null, windowFrom: null, nextSyncAt: '2026-02-10T12:15:00.000Z' });
    await store.putSyncState({ ...initialSyncState('p1', 'Subject2', null), hwm: '2026-02-10T11:00:00.000Z' });
    await store.patchSyncState('p1', 'Subject2', { notices: ['login_failing'] });
    expect(await store.getSyncState('p1', 'Subject2')).toMatchObject({ hwm: '2026-02-10T11:00:00.000Z', notices: ['login_failing'] });
  });

  it('refuses an invalid value with INVALID_RECORD', async () => {
    const { store } = freshStore();
    await store.saveProfile(profileInput('p1'));
    expect(await caught(store.patchSyncState('p1', 'Subject2', { nextSyncAt: 'soon' }))).toMatchObject({
      code: 'INVALID_RECORD',
      message: 'patchSyncState: invalid nextSyncAt',
    });
  });
});
