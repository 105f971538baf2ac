// getProfileStatus from the store alone: each state the popup shows, with the problem and the fix.
import { describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import { initialSyncState, type SyncState } from '../../lib/store';
import { getProfileStatus, listProfileStatuses } from '../../lib/worker';
import { freshStore, makeCertificateInfo, makeKeyPair, profileInput } from '../store/helpers';

const NOW = new Date('2026-02-10T12:00:00.000Z');

async function withState(patch: Partial<SyncState> | null, options: { credentials?: boolean; notAfter?: Date } = {}) {
  const { store } = freshStore();
  await store.saveProfile(profileInput('p1'));
  if (options.credentials !== false) {
    const certificate = { ...makeCertificateInfo(), ...(options.notAfter ? { notAfter: options.notAfter } : {}) };
    await store.saveCredentials('p1', { certificate, privateKey: (await makeKeyPair()).privateKey });
  }
  if (patch) await store.putSyncState({ ...initialSyncState('p1', 'Subject2', null), ...patch });
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
        message: t('pl', 'status_problem_not_configured'),
        messageEn: t('en', 'status_problem_not_configured'),
        fix: t('pl', 'status_fix_not_configured'),
        fixEn: t('en', 'status_fix_not_configured'),
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

  it.each<[string, Partial<SyncState>, string]>([
    ['a run started a minute ago', { runningSince: '2026-02-10T11:59:00.000Z' }, 'syncing'],
    ['a run that never ended (killed)', { runningSince: '2026-02-10T11:00:00.000Z' }, 'ok'],
  ])('%s → %s', async (_name, patch, state) => {
    expect((await getProfileStatus(await withState(patch), 'p1', NOW)).state).toBe(state);
  });

  it('rate_limited until the block ends, with the time in Warsaw', async () => {
    const store = await withState({
      blockedUntil: '2026-02-10T12:30:00.000Z',
      lastError: { code: 'RATE_LIMITED', message: 'x', messageEn: 'x' },
    });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status).toMatchObject({ state: 'rate_limited', rateLimitedUntil: '2026-02-10T12:30:00.000Z' });
    expect(status.problem).toEqual({
      code: 'RATE_LIMITED',
      message: t('pl', 'status_problem_rate_limited', { until: '10.02.2026, 13:30' }),
      messageEn: t('en', 'status_problem_rate_limited', { until: '10/02/2026, 13:30' }),
      fix: t('pl', 'status_fix_rate_limited'),
      fixEn: t('en', 'status_fix_rate_limited'),
    });
    expect((await getProfileStatus(store, 'p1', new Date('2026-02-10T12:31:00.000Z'))).state).toBe('ok');
  });

  it.each<[string, string, string]>([
    ['lost permissions', 'HTTP_403', 'attention'],
    ['a refused login', 'CERTIFICATE_REVOKED', 'attention'],
    ['a server error', 'HTTP_500', 'error'],
  ])('%s (%s) → %s, with the stored message and a fix', async (_name, code, state) => {
    const store = await withState({ consecutiveFailures: 2, lastError: { code, message: 'Po polsku.', messageEn: 'In English.' } });
    const status = await getProfileStatus(store, 'p1', NOW);
    expect(status.state).toBe(state);
    expect(status.problem).toEqual({
      code,
      message: 'Po polsku.',
      messageEn: 'In English.',
      fix: t('pl', state === 'attention' ? 'status_fix_login' : 'status_fix_error'),
      fixEn: t('en', state === 'attention' ? 'status_fix_login' : 'status_fix_error'),
    });
  });

  it('says when a paused profile resumes', async () => {
    const store = await withState({
      consecutiveFailures: 5,
      blockedUntil: '2026-02-10T14:00:00.000Z',
      lastError: { code: 'NETWORK', message: 'Brak sieci.', messageEn: 'No network.' },
    });
    expect((await getProfileStatus(store, 'p1', NOW)).problem?.message).toBe(
      `Brak sieci. ${t('pl', 'status_problem_paused', { until: '10.02.2026, 15:00' })}`,
    );
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
