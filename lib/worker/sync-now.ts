// "Sprawdź teraz" and "Spróbuj ponownie" (review B4, B6): runs the organisations one after another and answers
// when every run has ended, one result per organisation, so the popup can say "Sprawdzono – 2 nowe faktury" or
// what failed. A run that throws before it starts (profile gone, no credentials, key locked) is that
// organisation's failed result, not the whole answer's.
//
// A person asking to check now lifts the extension's OWN back-off (after network errors or KSeF's 5xx, which it
// chose itself; lib/sync/backoff.ts), never KSeF's pause: a 429's Retry-After stands (RELIABILITY §5.3), and the
// client's rate limiter keeps its own limits either way.
import type { Request } from '../messages';
import type { Store, SyncState } from '../store';
import type { ProfileSyncResult } from '../sync';
import { stallOf } from '../sync/stall';
import type { SyncNowAnswer, SyncNowProfileResult } from '../views/sync-result';

type RunProfile = (profileId: string, options?: { beforeRun?: () => Promise<void> }) => Promise<ProfileSyncResult>;

/** The state with the extension's own back-off lifted, or undefined when there is none to lift. */
export function withOwnBackoffLifted(state: SyncState | undefined): SyncState | undefined {
  if (!state?.blockedUntil || !state.lastError) return undefined;
  if (stallOf(state.lastError.code) === 'RATE_LIMITED') return undefined;
  return { ...state, blockedUntil: null };
}

function toWire(result: ProfileSyncResult): SyncNowProfileResult {
  const { failure } = result;
  return {
    profileId: result.profileId,
    outcome: result.outcome,
    stored: result.stored,
    ...(result.blockedUntil ? { blockedUntil: result.blockedUntil } : {}),
    ...(failure ? { failure: { code: failure.code, message: failure.message, messageEn: failure.messageEn } } : {}),
  };
}

function thrown(profileId: string, error: unknown): SyncNowProfileResult {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; messageEn?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  return {
    profileId,
    outcome: 'failed',
    stored: 0,
    failure: { code: typeof e.code === 'string' ? e.code : 'UNEXPECTED', message, messageEn: typeof e.messageEn === 'string' ? e.messageEn : message },
  };
}

export function createSyncNowHandler(store: Store, runProfile: RunProfile) {
  /** Inside the profile's single flight (profile-runner), so no other run of this worker writes meanwhile. */
  async function liftOwnBackoff(profileId: string): Promise<void> {
    const lifted = withOwnBackoffLifted(await store.getSyncState(profileId, 'Subject2'));
    if (lifted) await store.putSyncState(lifted);
  }

  return async ({ profileId }: Extract<Request, { type: 'syncNow' }>): Promise<SyncNowAnswer> => {
    const ids = profileId !== undefined ? [profileId] : (await store.listProfiles()).map((p) => p.id);
    const results: SyncNowProfileResult[] = [];
    for (const id of ids) {
      // "All": only the organisations that can be checked; one named explicitly answers why it cannot.
      if (profileId === undefined && !(await store.getCredentials(id))) continue;
      try {
        results.push(toWire(await runProfile(id, { beforeRun: () => liftOwnBackoff(id) })));
      } catch (error) {
        results.push(thrown(id, error));
      }
    }
    return { results };
  };
}
