// KSeF's announced breaks (Latarnia, lib/ksef/latarnia.ts) around a sync run. When a run fails the way an
// unavailable KSeF fails (no connection, 5xx: backoff.ts kind 'transient') and Latarnia announces a failure or
// maintenance, the failure is not counted against the profile: consecutiveFailures and failingSince stay as
// before the run (so the back-off does not grow and no "sync stalled" notice comes of it, stall.ts), and the
// Subject2 state keeps `outage` for the popup (lib/views/profile-status.ts) and the options page. A run that
// succeeds clears it. Latarnia is read only after a failure and at most once a minute per instance.
import type { Clock } from '../ksef';
import { fetchLatarniaStatus, latarniaBaseFor, outageOf, type KsefOutage, type LatarniaFetch } from '../ksef/latarnia';
import type { Profile, Store, SyncState } from '../store';
import type { ProfileSyncResult } from '../sync';

/** Latarnia's answer is reused this long: a burst of failing profiles asks it once. */
export const LATARNIA_CACHE_MS = 60_000;

export interface AvailabilityDeps {
  store: Pick<Store, 'getSyncState' | 'putSyncState' | 'appendLog'>;
  fetch: LatarniaFetch;
  clock: Clock;
}

export function createAvailability({ store, fetch, clock }: AvailabilityDeps) {
  const cache = new Map<string, { at: number; outage: KsefOutage | null }>();

  /**
   * The break KSeF announces for the profile's environment now; null when none is, or Latarnia is silent.
   * `fresh` (the user's own check) skips the cache: a break may have been announced a moment ago.
   */
  async function announcedOutage(profile: Pick<Profile, 'environment' | 'baseUrl'>, options: { fresh?: boolean } = {}): Promise<KsefOutage | null> {
    const base = latarniaBaseFor(profile.environment, profile.baseUrl);
    if (!base) return null;
    const nowMs = clock.now();
    const hit = cache.get(base);
    if (!options.fresh && hit && nowMs - hit.at < LATARNIA_CACHE_MS) return hit.outage;
    const outage = await fetchLatarniaStatus(fetch, base).then((status) => outageOf(status, new Date(nowMs)), () => null);
    cache.set(base, { at: nowMs, outage });
    return outage;
  }

  /** Runs one sync and settles `outage` and the failure count from its result (see the file comment). */
  async function around(profile: Profile, run: () => Promise<ProfileSyncResult>): Promise<ProfileSyncResult> {
    const before = await store.getSyncState(profile.id, 'Subject2');
    const result = await run();
    const after = await store.getSyncState(profile.id, 'Subject2');
    if (!after) return result;
    if (result.outcome === 'ok' || result.outcome === 'partial') {
      if (after.outage) await store.putSyncState(withoutOutage(after));
      if (after.outage) await store.appendLog({ profileId: profile.id, level: 'info', code: 'KSEF_BACK', message: 'KSeF answers again' });
      return result;
    }
    if (result.outcome !== 'failed' || result.failure?.kind !== 'transient') return result;
    const outage = await announcedOutage(profile);
    if (!outage) {
      if (after.outage) await store.putSyncState(withoutOutage(after));
      return result;
    }
    const settled: SyncState = {
      ...after,
      consecutiveFailures: before?.consecutiveFailures ?? 0,
      failingSince: before?.failingSince ?? null,
      outage,
    };
    await store.putSyncState(settled);
    if (!after.outage) {
      const words = outage.kind === 'maintenance' ? 'maintenance' : 'failure';
      await store.appendLog({ profileId: profile.id, level: 'warn', code: `KSEF_${outage.kind.toUpperCase()}`, message: `KSeF announces a ${words}${outage.message ? `: ${outage.message}` : ''}` });
    }
    return result;
  }

  return { announcedOutage, around };
}

function withoutOutage(state: SyncState): SyncState {
  const { outage: _gone, ...rest } = state;
  return rest;
}

export type Availability = ReturnType<typeof createAvailability>;
