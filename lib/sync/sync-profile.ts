// One run for one profile: every subject type it syncs, then the announcement. The profile-wide facts
// (failures, back-off, Retry-After blocks, the rate limiter, notices, first-sync flag) live in its Subject2
// state, which is always synced (records.ts); a restarted worker reads them before any request.
import type { Profile, SyncState } from '../store';
import { announceNew } from './announce';
import { afterFailure, classifyFailure, type Failure } from './backoff';
import { clearResolvedNotices } from './notices';
import { loadSyncState, syncSubject } from './subject-sync';
import type { SyncDeps } from './types';

export interface ProfileSyncResult {
  profileId: string;
  /** ok: up to the mark; partial: stopped at the page cap, continues next run; blocked: not tried (back-off). */
  outcome: 'ok' | 'partial' | 'blocked' | 'failed';
  stored: number;
  announced: number;
  blockedUntil?: string;
  failure?: Failure;
}

function withoutError(state: SyncState): SyncState {
  const { lastError: _dropped, ...rest } = state;
  return rest;
}

export async function syncProfile(deps: SyncDeps, profile: Profile): Promise<ProfileSyncResult> {
  const random = deps.random ?? Math.random;
  const iso = () => new Date(deps.clock.now()).toISOString();
  const limiter = () => (deps.rateLimiterState ? { rateLimiter: deps.rateLimiterState() } : {});
  const start = await loadSyncState(deps, profile, 'Subject2');
  if (start.blockedUntil && Date.parse(start.blockedUntil) > deps.clock.now()) {
    return { profileId: profile.id, outcome: 'blocked', stored: 0, announced: 0, blockedUntil: start.blockedUntil };
  }
  await deps.store.putSyncState({ ...start, runningSince: iso() });

  let stored = 0;
  let complete = true;
  let failure: Failure | undefined;
  try {
    for (const subjectType of profile.preferences.subjectTypes) {
      const result = await syncSubject(deps, profile, subjectType);
      stored += result.stored;
      complete &&= result.complete;
    }
  } catch (error) {
    failure = classifyFailure(error);
  }

  const current = await loadSyncState(deps, profile, 'Subject2');
  const nowMs = deps.clock.now();
  const next: SyncState = failure
    ? afterFailure({ ...current, ...limiter() }, failure, nowMs, random)
    : {
        ...withoutError(current),
        ...limiter(),
        consecutiveFailures: 0,
        blockedUntil: null,
        runningSince: null,
        lastSyncAt: iso(),
        notices: clearResolvedNotices(current.notices),
      };
  await deps.store.putSyncState(next);

  // The first sync is announced once, when it has reached the mark; later runs announce what they stored.
  const announced = next.firstSyncDone || (complete && !failure) ? await announceNew(deps, profile, next) : 0;
  const outcome = failure ? 'failed' : complete ? 'ok' : 'partial';
  return {
    profileId: profile.id,
    outcome,
    stored,
    announced,
    ...(next.blockedUntil ? { blockedUntil: next.blockedUntil } : {}),
    ...(failure ? { failure } : {}),
  };
}
