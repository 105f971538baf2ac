// getProfileStatus from the store alone: each state the popup shows, with the problem and the fix.
import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { initialSyncState } from '../../lib/store/sync-state';
import type { SyncState } from '../../lib/store/records';
import { getProfileStatus, listProfileStatuses } from '../../lib/views/profile-status';
import { freshStore, makeCertificateInfo, makeKeyPair, profileInput } from '../store/helpers';

const NOW = new Date('2026-02-10T12:00:00.000Z');

async function withState(patch: Partial<SyncState> | null, options: { credentials?: boolean; notAfter?: Date } = {}) {
  const { store } = freshStore();
  await store.saveProfile(profileInput('p1'));
  if (options.credentials !== false) {
    const certificate = { ...makeCertificateInfo(), ...(options.notAfter ? { notAfter: options.notAfter } : {}) };
    await store.saveCredentials('p1', { certificate, privateKey: (await makeKeyPair()).privateKey });
  }
  // A profile past its first sync unless the patch says otherwise.
  if (patch) await store.putSyncState({ ...initialSyncState('p1', 'Subject2', null), firstSyncDone: true, ...patch });
  return store;
}

describe('getProfileStatus', () => {
  it('not_configured without credentials, with what to do', async () => {
    const store = await withState(null, { credentials: false });
    expect(await getProfileStatus(store, 'p1', NOW)).toEqual({
      profileId: 'p1',
      state: 'not_configured',
      newCount: 0,
      problem: {
        code: 'NOT_CONFIGURED',
        title: t('pl', 'status_title_NOT_CONFIGURED'),
        titleEn: t('en', 'status_title_NOT_CONFIGURED'),
        message: t('pl', 'status_problem_not_configured'),
        messageEn: t('en', 'status_problem_not_configured'),
        fix: t('pl', 'status_fix_not_configured'),
        fixEn: t('en', 'status_fix_not_configured'),
        needsUser: true,
      },
    });
  });

  it('ok with the last and next sync times and the new count', async () => {
    const store = await withState({ lastSyncAt: '2026-02-10T11:50:00.000Z', nextSyncAt: '2026-02-10T12:05:00.000Z' });
    expect(await getProfileStatus(store, 'p1', NOW)).toEqual({
      profileId: 'p1',
      state: 'ok',
      newCount: 0,
      lastSyncAt: '2026-02-10T11:50:00.000Z',
      nextSyncAt: '2026-02-10T12:05:00.000Z',
    });
  });

  it('importing while the first sync is still bringing in older invoices, with how far it got and the next batch', async () => {
    const store = await withState({
      firstSyncDone: false,
      windowFrom: '2025-09-30T22:00:00.000Z',
      lastSyncAt: '2026-02-10T11:50:00.000Z',
      nextSyncAt: '2026-02-10T12:05:00.000Z',
    });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status).toMatchObject({ state: 'importing', lastSyncAt: '2026-02-10T11:50:00.000Z' });
    expect(status.problem).toEqual({
      code: 'IMPORTING',
      title: t('pl', 'status_title_IMPORTING'),
      titleEn: t('en', 'status_title_IMPORTING'),
      message: t('pl', 'status_problem_importing', { date: '01.10.2025' }),
      messageEn: t('en', 'status_problem_importing', { date: '1 Oct 2025' }),
      fix: t('pl', 'status_fix_importing', { time: '10.02.2026 13:05' }),
      fixEn: t('en', 'status_fix_importing', { time: '10 Feb 2026, 13:05' }),
      needsUser: false,
    });
    expect(status.problem?.message).toContain('do 01.10.2025');
  });

  it('waiting, not importing, before the first run has ended', async () => {
    const status = await getProfileStatus(await withState({ firstSyncDone: false }), 'p1', NOW);
    expect(status.state).toBe('ok');
    expect(status.lastSyncAt).toBeUndefined();
  });

  it.each<[string, Partial<SyncState>, string]>([
    ['a run started a minute ago', { runningSince: '2026-02-10T11:59:00.000Z' }, 'syncing'],
    ['a run that never ended (killed)', { runningSince: '2026-02-10T11:00:00.000Z' }, 'ok'],
  ])('%s → %s', async (_name, patch, state) => {
    expect((await getProfileStatus(await withState(patch), 'p1', NOW)).state).toBe(state);
  });

  it('rate_limited until the block ends, with the time in Warsaw, and still after it until a run succeeds', async () => {
    const store = await withState({
      blockedUntil: '2026-02-10T12:30:00.000Z',
      lastSyncAt: '2026-02-10T11:55:00.000Z',
      nextSyncAt: '2026-02-10T12:30:00.000Z',
      failingSince: '2026-02-10T11:55:00.000Z',
      lastError: { code: 'RATE_LIMITED', message: 'x', messageEn: 'x', at: '2026-02-10T11:55:00.000Z' },
    });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status).toMatchObject({ state: 'rate_limited', rateLimitedUntil: '2026-02-10T12:30:00.000Z' });
    expect(status.problem).toEqual({
      code: 'RATE_LIMITED',
      detailCode: 'RATE_LIMITED',
      title: t('pl', 'status_title_RATE_LIMITED'),
      titleEn: t('en', 'status_title_RATE_LIMITED'),
      message: t('pl', 'status_cause_RATE_LIMITED', { until: '10.02.2026 13:30' }),
      messageEn: t('en', 'status_cause_RATE_LIMITED', { until: '10 Feb 2026, 13:30' }),
      fix: t('pl', 'status_fix_RATE_LIMITED'),
      fixEn: t('en', 'status_fix_RATE_LIMITED'),
      needsUser: false,
    });
    // The block is over but no run has succeeded yet (a 429 storm): not "OK".
    const later = await getProfileStatus(store, 'p1', new Date('2026-02-10T12:31:00.000Z'));
    expect(later.state).toBe('rate_limited');
    expect(later.problem?.code).toBe('RATE_LIMITED');
  });

  it.each<[string, string, string, string]>([
    ['lost permissions', 'HTTP_403', 'attention', 'PERMISSIONS_LOST'],
    ['a refused login', 'CERTIFICATE_REVOKED', 'attention', 'LOGIN_REFUSED'],
  ])('%s (%s) → %s %s, with the stored message and a fix', async (_name, detailCode, state, code) => {
    const store = await withState({ consecutiveFailures: 2, lastError: { code: detailCode, message: 'Po polsku.', messageEn: 'In English.' } });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status.state).toBe(state);
    const fix = code === 'PERMISSIONS_LOST' ? 'status_fix_PERMISSIONS_LOST' : 'status_fix_login';
    expect(status.problem).toEqual({
      code,
      detailCode,
      title: t('pl', `status_title_${code}` as never),
      titleEn: t('en', `status_title_${code}` as never),
      message: 'Po polsku.',
      messageEn: 'In English.',
      fix: t('pl', fix),
      fixEn: t('en', fix),
      needsUser: true,
    });
  });

  it.each<[string, string, string]>([
    ['HTTP_500', 'KSEF_ERRORS', 'retrying'],
    ['HTTP_503', 'KSEF_ERRORS', 'retrying'],
    ['SCHEMA', 'KSEF_ERRORS', 'retrying'],
    ['NETWORK', 'OFFLINE', 'retrying'],
    ['TIMEOUT', 'OFFLINE', 'retrying'],
    ['STORAGE_FULL', 'STORAGE_FULL', 'attention'],
    ['UNEXPECTED', 'UNEXPECTED', 'error'],
  ])('%s → the named state %s (%s), saying since when and when the next try is', async (detailCode, code, state) => {
    const store = await withState({
      consecutiveFailures: 5,
      failingSince: '2026-02-10T09:00:00.000Z',
      blockedUntil: '2026-02-10T12:20:00.000Z',
      lastSyncAt: '2026-02-10T11:50:00.000Z',
      lastError: { code: detailCode, message: 'Po polsku.', messageEn: 'In English.', at: '2026-02-10T11:50:00.000Z' },
    });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status).toMatchObject({ state, failingSince: '2026-02-10T09:00:00.000Z', problem: { code, detailCode, title: t('pl', `status_title_${code}` as never) } });
    if (code === 'KSEF_ERRORS' || code === 'OFFLINE') {
      expect(status.problem?.message).toBe(t('pl', `status_cause_${code}` as never, { since: '10.02.2026 10:00' }));
      expect(status.problem?.fix).toBe(t('pl', `status_fix_${code}` as never, { next: '10.02.2026 13:20' }));
      expect(status.problem?.needsUser).toBe(false);
    }
  });

  it('a clock set back 30 days: the block is as long as it was given, never a month; no time in the future', async () => {
    // Everything below was written before the clock went back by 30 days.
    const future = (iso: string) => new Date(Date.parse(iso) + 30 * 86_400_000).toISOString();
    const store = await withState({
      consecutiveFailures: 5,
      failingSince: future('2026-02-10T11:00:00.000Z'),
      lastSyncAt: future('2026-02-10T11:50:00.000Z'),
      nextSyncAt: future('2026-02-10T12:20:00.000Z'),
      blockedUntil: future('2026-02-10T12:20:00.000Z'),
      lastError: { code: 'HTTP_503', message: 'x', messageEn: 'x', at: future('2026-02-10T11:50:00.000Z') },
    });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status.lastSyncAt).toBe(NOW.toISOString());
    expect(status.failingSince).toBe(NOW.toISOString());
    // 30 minutes were given: at most 30 minutes from now.
    expect(status.nextSyncAt).toBe('2026-02-10T12:30:00.000Z');
    expect(status.problem?.fix).toBe(t('pl', 'status_fix_KSEF_ERRORS', { next: '10.02.2026 13:30' }));
  });

  it('counts invoices set aside over every subject type, with their KSeF numbers and what to do', async () => {
    const store = await withState({ skippedCount: 2, skippedNumbers: ['A-1', 'A-2'] });
    await store.putSyncState({ ...initialSyncState('p1', 'Subject1', null), skippedCount: 3, skippedNumbers: ['B-1', 'B-2', 'B-3'] });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status.state).toBe('ok');
    expect(status.skipped).toEqual({
      count: 5,
      ksefNumbers: ['B-1', 'B-2', 'B-3', 'A-1', 'A-2'],
      title: '5 faktur pominięto',
      titleEn: '5 invoices skipped',
      message: t('pl', 'status_skipped_cause', { numbers: 'B-1, B-2, B-3, …' }),
      messageEn: t('en', 'status_skipped_cause', { numbers: 'B-1, B-2, B-3, …' }),
      fix: t('pl', 'status_skipped_fix'),
      fixEn: t('en', 'status_skipped_fix'),
    });
  });

  it('attention when the certificate has expired', async () => {
    const store = await withState(null, { notAfter: new Date('2026-02-01T00:00:00Z') });
    expect(await getProfileStatus(store, 'p1', NOW)).toMatchObject({
      state: 'attention',
      problem: { code: 'CERTIFICATE_EXPIRED', message: t('pl', 'status_problem_cert_expired', { date: '2026-02-01' }) },
    });
  });

  it('checks its arguments and fails with PROFILE_NOT_FOUND for an unknown profile', async () => {
    const store = await withState(null);
    await expect(getProfileStatus(store, 'p1', new Date('x'))).rejects.toThrow(new TypeError('"now" must be a valid Date'));
    await expect(getProfileStatus(store, 'nobody', NOW)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND', message: t('pl', 'sync_error_PROFILE_NOT_FOUND') });
  });

  it('listProfileStatuses gives one per profile', async () => {
    const store = await withState(null);
    await store.saveProfile(profileInput('p2'));
    expect((await listProfileStatuses(store, NOW)).map((s) => [s.profileId, s.state])).toEqual([
      ['p1', 'ok'],
      ['p2', 'not_configured'],
    ]);
  });
});
