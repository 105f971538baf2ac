// The status of each profile for the popup and the options page, computed from the store alone, so a page
// can call it directly without waking the worker (pages read the store; DESIGN.md). Every way the sync can
// stop is a named state (lib/sync/stall.ts) with its cause and what to do (status-text.ts). Times the store
// holds are clamped to now as they are read: a clock set back must not show a block a month long (issue 10).
// It lives in lib/views, not lib/worker, so a page loads none of the worker's graph (issue 11); it imports
// files, not barrels, for the same reason.
import { syncIntervalMinutes } from '../domain/limits';
import type { Credentials, Profile, Store, SyncState } from '../store';
import { effectiveBlockedUntil, notAfterNow } from '../sync/backoff';
import { SyncError } from '../sync/errors';
import { stallOf } from '../sync/stall';
import {
  certificateExpiredProblem,
  importingProblem,
  lockedProblem,
  notConfiguredProblem,
  outageProblem,
  skippedInvoices,
  stallProblem,
  type AnnouncedOutage,
  type ProfileProblem,
  type SkippedInvoices,
  type StatusCode,
} from './status-text';

export type { AnnouncedOutage, ProfileProblem, SkippedInvoices, StatusCode } from './status-text';

/** The tone of the state: `retrying` resolves on its own, `attention` needs the user. */
export type ProfileState = 'not_configured' | 'ok' | 'importing' | 'syncing' | 'attention' | 'rate_limited' | 'retrying' | 'error' | 'locked';

export interface ProfileStatus {
  profileId: string;
  state: ProfileState;
  /** The last run, successful or not. */
  lastSyncAt?: string;
  /**
   * While a failure is shown: when a run last succeeded (absent: none has since the profile was set up), so
   * the page never presents the failed attempt as the last check (review B4).
   */
  lastSuccessAt?: string;
  nextSyncAt?: string;
  /** While rate-limited: when KSeF's pause ends (or the next attempt is due). */
  rateLimitedUntil?: string;
  /** When the current stall began. */
  failingSince?: string;
  newCount: number;
  problem?: ProfileProblem;
  /** Invoices set aside (the sync goes on without them). */
  skipped?: SkippedInvoices;
}

export type StatusStore = Pick<
  Store,
  'getProfile' | 'listProfiles' | 'getCredentials' | 'getSyncState' | 'listSyncStates' | 'countByState'
>;

/** A run that started this long ago and never ended was killed: it no longer counts as "syncing". */
export const SYNCING_STALE_MS = 5 * 60_000;

const TONE: Record<StatusCode, ProfileState> = {
  NOT_CONFIGURED: 'not_configured',
  IMPORTING: 'importing',
  CERTIFICATE_EXPIRED: 'attention',
  RATE_LIMITED: 'rate_limited',
  KSEF_ERRORS: 'retrying',
  OFFLINE: 'retrying',
  STORAGE_FULL: 'attention',
  LOGIN_REFUSED: 'attention',
  PERMISSIONS_LOST: 'attention',
  UNEXPECTED: 'error',
  LOCKED: 'locked',
  KSEF_OUTAGE: 'retrying',
  KSEF_MAINTENANCE: 'retrying',
};

/** Failures an announced KSeF break explains; the ones that need the user still show as they are. */
const OUTAGE_EXPLAINS: ReadonlySet<StatusCode> = new Set(['RATE_LIMITED', 'KSEF_ERRORS', 'OFFLINE', 'UNEXPECTED']);

/** The break KSeF announced (written by lib/worker/availability.ts), while it lasts. */
function activeOutage(state: SyncState, nowMs: number): AnnouncedOutage | undefined {
  const outage: AnnouncedOutage | undefined = state.outage;
  if (!outage) return undefined;
  const since = Date.parse(outage.since);
  const until = outage.until ? Date.parse(outage.until) : Infinity;
  return since <= nowMs && until > nowMs ? outage : undefined;
}

/** The time of the last good run: the Subject2 state keeps it (lib/sync sync-profile), clamped to now. */
function lastSuccessOf(state: SyncState, nowMs: number): Pick<ProfileStatus, 'lastSuccessAt'> {
  const at = notAfterNow(state.lastSuccessAt, nowMs);
  return at ? { lastSuccessAt: at } : {};
}

/** The last run failed (lastError is dropped by every good run): which stall, and its times. */
function stallStatus(state: SyncState, nowMs: number, nextMs: number | undefined): Pick<ProfileStatus, 'state' | 'problem' | 'rateLimitedUntil' | 'failingSince'> | undefined {
  const error = state.lastError;
  if (!error) return undefined;
  const code = stallOf(error.code);
  const blocked = effectiveBlockedUntil(state, nowMs) ?? undefined;
  // The next attempt is the next alarm (never before the block ends); KSeF's pause ends with the block.
  const next = nextMs !== undefined ? Math.max(nextMs, blocked ?? 0) : blocked;
  const until = blocked ?? next;
  const sinceIso = notAfterNow(state.failingSince ?? error.at ?? state.lastSyncAt, nowMs) ?? new Date(nowMs).toISOString();
  const since = Date.parse(sinceIso);
  const problem = stallProblem(code, {
    since,
    ...(next !== undefined ? { next } : {}),
    ...(until !== undefined ? { until } : {}),
    stored: { pl: error.message, en: error.messageEn ?? error.message },
    detailCode: error.code,
  });
  return {
    state: TONE[code],
    problem,
    ...(code === 'RATE_LIMITED' && until !== undefined ? { rateLimitedUntil: new Date(until).toISOString() } : {}),
    failingSince: sinceIso,
  };
}

/** The next attempt as the store says, never further than one interval or the (clamped) block from now. */
function nextSyncOf(state: SyncState, nowMs: number, intervalMs: number): number | undefined {
  const stored = state.nextSyncAt ? Date.parse(state.nextSyncAt) : NaN;
  if (Number.isNaN(stored)) return undefined;
  const latest = Math.max(nowMs + intervalMs, effectiveBlockedUntil(state, nowMs) ?? 0);
  return Math.min(stored, latest);
}

export async function getProfileStatus(store: StatusStore, profileId: string, now: Date): Promise<ProfileStatus> {
  if (typeof store?.getProfile !== 'function') throw new TypeError('"store" must be a Store');
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"now" must be a valid Date');
  const profile = await store.getProfile(profileId);
  if (!profile) throw new SyncError('PROFILE_NOT_FOUND');
  return statusOf(store, profile, now);
}

/**
 * The status of a profile already read (the popup lists the profiles once and reads each one's status and
 * newest invoices side by side: issue 15, one read of each thing before the first render).
 */
export async function statusOf(
  store: StatusStore,
  profile: Profile,
  now: Date,
  /** The profile's credentials when the caller reads them too (the popup: one read for the status and the renewal offer). */
  read: { credentials?: Promise<Credentials | undefined> } = {},
): Promise<ProfileStatus> {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"now" must be a valid Date');
  const profileId = profile.id;
  const [credentials, states, counts] = await Promise.all([
    read.credentials ?? store.getCredentials(profileId),
    store.listSyncStates(profileId),
    store.countByState(profileId),
  ]);
  const state = states.find((s) => s.subjectType === 'Subject2');
  const nowMs = now.getTime();
  const next = state && profile.preferences.autoSync ? nextSyncOf(state, nowMs, syncIntervalMinutes(profile) * 60_000) : undefined;
  const lastSyncAt = notAfterNow(state?.lastSyncAt, nowMs);
  const skippedCount = states.reduce((sum, s) => sum + (s.skippedCount ?? 0), 0);
  const base: ProfileStatus = {
    profileId,
    state: 'ok',
    newCount: counts.new,
    ...(lastSyncAt ? { lastSyncAt } : {}),
    ...(next !== undefined ? { nextSyncAt: new Date(next).toISOString() } : {}),
    ...(skippedCount > 0 ? { skipped: skippedInvoices(skippedCount, states.flatMap((s) => s.skippedNumbers ?? [])) } : {}),
  };
  if (!credentials) return { ...base, state: 'not_configured', problem: notConfiguredProblem() };
  const notAfter = credentials.certificate.notAfter;
  if (notAfter.getTime() <= nowMs) return { ...base, state: 'attention', problem: certificateExpiredProblem(notAfter) };
  // Locked mode, "locked, waiting for the password" (issue 14): the worker holds the runs until the unlock page logs in.
  if (credentials.custody === 'locked' && credentials.unlockRequestedAt) return { ...base, state: 'locked', problem: lockedProblem(credentials.failedUnlocks) };
  if (!state) return base;
  const running = state.runningSince ? nowMs - Date.parse(state.runningSince) : Infinity;
  if (running >= 0 && running < SYNCING_STALE_MS) return { ...base, state: 'syncing' };
  const stall = stallStatus(state, nowMs, next);
  const outage = activeOutage(state, nowMs);
  if (outage && (!stall?.problem || OUTAGE_EXPLAINS.has(stall.problem.code))) {
    const problem = outageProblem(outage, { now: nowMs, ...(next !== undefined ? { next } : {}) });
    return { ...base, ...lastSuccessOf(state, nowMs), state: 'retrying', problem, ...(stall?.failingSince ? { failingSince: stall.failingSince } : {}) };
  }
  if (stall) return { ...base, ...lastSuccessOf(state, nowMs), ...stall };
  // A run has ended but the first sync has not reached KSeF's mark yet: older invoices are still coming.
  if (!state.firstSyncDone && lastSyncAt) {
    const through = states
      .filter((s) => profile.preferences.subjectTypes.includes(s.subjectType) && s.windowFrom)
      .map((s) => Math.min(Date.parse(s.windowFrom!), nowMs));
    const reached = through.length > 0 ? Math.min(...through) : undefined;
    return { ...base, state: 'importing', problem: importingProblem(reached, next) };
  }
  return base;
}

/** Every profile's status, in the order the user added them. */
export async function listProfileStatuses(store: StatusStore, now: Date): Promise<ProfileStatus[]> {
  if (typeof store?.listProfiles !== 'function') throw new TypeError('"store" must be a Store');
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"now" must be a valid Date');
  const profiles = await store.listProfiles();
  return Promise.all(profiles.map((profile) => statusOf(store, profile, now)));
}
