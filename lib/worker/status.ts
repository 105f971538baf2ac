// The status of each profile for the popup and the options page, computed from the store alone, so a page
// can call it directly without waking the worker (pages read the store; DESIGN.md).
import { t, type Lang } from '../i18n';
import type { Store, SyncState } from '../store';
import { isLoginProblem, isPermissionProblem, PAUSE_AFTER_FAILURES, SyncError } from '../sync';

export type ProfileState = 'not_configured' | 'ok' | 'syncing' | 'attention' | 'rate_limited' | 'error';

export interface ProfileProblem {
  code: string;
  message: string;
  messageEn: string;
  /** What to do, in Polish (and English in `fixEn`). */
  fix?: string;
  fixEn?: string;
}

export interface ProfileStatus {
  profileId: string;
  state: ProfileState;
  lastSyncAt?: string;
  nextSyncAt?: string;
  rateLimitedUntil?: string;
  newCount: number;
  problem?: ProfileProblem;
}

export type StatusStore = Pick<Store, 'getProfile' | 'listProfiles' | 'getCredentials' | 'getSyncState' | 'countByState'>;

/** A run that started this long ago and never ended was killed: it no longer counts as "syncing". */
export const SYNCING_STALE_MS = 5 * 60_000;

function timeText(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

function both(key: Parameters<typeof t>[1], params: Record<string, string> = {}) {
  return { pl: t('pl', key, params), en: t('en', key, params) };
}

function problemOf(code: string, message: ReturnType<typeof both>, fix?: ReturnType<typeof both>): ProfileProblem {
  return { code, message: message.pl, messageEn: message.en, ...(fix ? { fix: fix.pl, fixEn: fix.en } : {}) };
}

function failureStatus(state: SyncState, nowMs: number): Pick<ProfileStatus, 'state' | 'problem' | 'rateLimitedUntil'> | undefined {
  const error = state.lastError;
  const blocked = state.blockedUntil && Date.parse(state.blockedUntil) > nowMs ? state.blockedUntil : undefined;
  if (error?.code === 'RATE_LIMITED' && blocked) {
    const until = { pl: timeText(blocked, 'pl'), en: timeText(blocked, 'en') };
    return {
      state: 'rate_limited',
      rateLimitedUntil: blocked,
      problem: {
        code: 'RATE_LIMITED',
        message: t('pl', 'status_problem_rate_limited', { until: until.pl }),
        messageEn: t('en', 'status_problem_rate_limited', { until: until.en }),
        fix: t('pl', 'status_fix_rate_limited'),
        fixEn: t('en', 'status_fix_rate_limited'),
      },
    };
  }
  if (!error || state.consecutiveFailures === 0) return undefined;
  const stored = { pl: error.message, en: error.messageEn ?? error.message };
  if (isPermissionProblem(error.code) || isLoginProblem(error.code)) {
    return { state: 'attention', problem: problemOf(error.code, stored, both('status_fix_login')) };
  }
  if (state.consecutiveFailures >= PAUSE_AFTER_FAILURES && blocked) {
    const message = {
      pl: `${stored.pl} ${t('pl', 'status_problem_paused', { until: timeText(blocked, 'pl') })}`,
      en: `${stored.en} ${t('en', 'status_problem_paused', { until: timeText(blocked, 'en') })}`,
    };
    return { state: 'error', problem: problemOf(error.code, message, both('status_fix_error')) };
  }
  return { state: 'error', problem: problemOf(error.code, stored, both('status_fix_error')) };
}

export async function getProfileStatus(store: StatusStore, profileId: string, now: Date): Promise<ProfileStatus> {
  if (typeof store?.getProfile !== 'function') throw new TypeError('"store" must be a Store');
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"now" must be a valid Date');
  const profile = await store.getProfile(profileId);
  if (!profile) throw new SyncError('PROFILE_NOT_FOUND');
  const [credentials, state, counts] = await Promise.all([
    store.getCredentials(profileId),
    store.getSyncState(profileId, 'Subject2'),
    store.countByState(profileId),
  ]);
  const nowMs = now.getTime();
  const base: ProfileStatus = {
    profileId,
    state: 'ok',
    newCount: counts.new,
    ...(state?.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
    ...(state?.nextSyncAt && profile.preferences.autoSync ? { nextSyncAt: state.nextSyncAt } : {}),
  };
  if (!credentials) {
    return {
      ...base,
      state: 'not_configured',
      problem: problemOf('NOT_CONFIGURED', both('status_problem_not_configured'), both('status_fix_not_configured')),
    };
  }
  const notAfter = credentials.certificate.notAfter;
  if (notAfter.getTime() <= nowMs) {
    const date = notAfter.toISOString().slice(0, 10);
    return {
      ...base,
      state: 'attention',
      problem: problemOf('CERTIFICATE_EXPIRED', both('status_problem_cert_expired', { date }), both('status_fix_certificate')),
    };
  }
  if (!state) return base;
  const running = state.runningSince ? nowMs - Date.parse(state.runningSince) : Infinity;
  if (running >= 0 && running < SYNCING_STALE_MS) return { ...base, state: 'syncing' };
  return { ...base, ...failureStatus(state, nowMs) };
}

/** Every profile's status, in the order the user added them. */
export async function listProfileStatuses(store: StatusStore, now: Date): Promise<ProfileStatus[]> {
  const profiles = await store.listProfiles();
  return Promise.all(profiles.map((profile) => getProfileStatus(store, profile.id, now)));
}
