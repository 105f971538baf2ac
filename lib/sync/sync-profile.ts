// One run for one profile: every subject type it syncs, then the announcement. The profile-wide facts
// (failures, back-off, Retry-After blocks, the rate limiter, notices, first-sync flag) live in its Subject2
// state, which is always synced (records.ts); a restarted worker reads them before any request.
import type { Profile, SyncState } from '../store';
import { announceNew } from './announce';
import { afterFailure, classifyFailure, effectiveBlockedUntil, rebasedBlock, type Failure } from './backoff';
import { clearResolvedNotices } from './notices';
import { loadSyncState, syncSubject } from './subject-sync';
import type { SyncDeps } from './types';

export interface ProfileSyncResult {
  profileId: string;
  /**
   * ok: up to the mark; partial: stopped at the page cap or at the metadata budget (then `blockedUntil` says
   * when it may go on; a pause, not a failure), continues next run; blocked: not tried (back-off).
   */
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
  // Clamped as it is read: a clock set back must not stretch a block (issue 10).
  const blocked = effectiveBlockedUntil(start, deps.clock.now());
  if (blocked !== null) {
    const rebased = rebasedBlock(start, deps.clock.now());
    // Written back so the clamped block stays put; if the write fails, the next read clamps the same way.
    if (rebased) await deps.store.putSyncState(rebased).catch(() => undefined);
    return { profileId: profile.id, outcome: 'blocked', stored: 0, announced: 0, blockedUntil: new Date(blocked).toISOString() };
  }

  let stored = 0;
  let complete = true;
  let resumeAt: number | undefined;
  let failure: Failure | undefined;
  try {
    await deps.store.putSyncState({ ...start, runningSince: iso() });
    for (const subjectType of profile.preferences.subjectTypes) {
      const result = await syncSubject(deps, profile, subjectType);
      stored += result.stored;
      complete &&= result.complete;
      resumeAt = result.resumeAt;
      if (resumeAt !== undefined) break;
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
        // Every good run, not only one that reached the mark: the pages show it as the last successful check
        // while a later failure is shown (review B4); afterFailure leaves it as it was.
        lastSuccessAt: iso(),
        failingSince: null,
        notices: clearResolvedNotices(current.notices),
      };
  try {
    await deps.store.putSyncState(next);
  } catch (error) {
    // With the storage full even this small write may be refused; the failure is still the answer.
    if (!failure) throw error;
  }

  // The first sync is announced once, when it has reached the mark; later runs announce what they stored.
  const announce = failure?.kind !== 'storage' && (next.firstSyncDone || (complete && !failure));
  const announced = announce ? await announceNew(deps, profile, next) : 0;
  const outcome = failure ? 'failed' : complete ? 'ok' : 'partial';
  return {
    profileId: profile.id,
    outcome,
    stored,
    announced,
    ...(next.blockedUntil ? { blockedUntil: next.blockedUntil } : {}),
    ...(!next.blockedUntil && resumeAt !== undefined ? { blockedUntil: new Date(resumeAt).toISOString() } : {}),
    ...(failure ? { failure } : {}),
  };
}
