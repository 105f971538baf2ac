// One sync run of one profile, with what follows it: notices, background XML within its budget, the next
// sync time, the activity log. Single-flight per profile: an alarm and "sync now" share the run in flight
// (RELIABILITY §2.3 item 5; a run killed with its worker leaves nothing held).
import type { Clock } from '../ksef';
import { isQuotaExceeded, type Store } from '../store';
import { downloadPendingXml, dueNotices, syncProfile, type ProfileSyncResult } from '../sync';
import type { Availability } from './availability';
import type { createBrowserNotifier } from './notifier';
import type { createRuntimeCache, ProfileRuntime } from './profile-runtime';
import { intervalMinutes } from './schedule';
import { backgroundXmlAllowed } from './xml-budget';

export interface RunnerDeps {
  store: Store;
  clock: Clock;
  random: () => number;
  runtimes: ReturnType<typeof createRuntimeCache>;
  notifier: ReturnType<typeof createBrowserNotifier>;
  /** After every run (the badge). */
  afterRun: () => Promise<void>;
  /** KSeF's announced breaks around each run (availability.ts); absent: failures count as they are. */
  availability?: Pick<Availability, 'around'>;
}

export function createProfileRunner({ store, clock, random, runtimes, notifier, afterRun, availability }: RunnerDeps) {
  const running = new Map<string, Promise<ProfileSyncResult>>();

  /**
   * Each notice once (its id is kept in the Subject2 state), however many polls find the profile in the same
   * state. Raised before it is marked, so a kill in between raises it again under the same id (it replaces).
   */
  async function raiseNotices(runtime: ProfileRuntime): Promise<void> {
    const states = await store.listSyncStates(runtime.profile.id);
    const state = states.find((s) => s.subjectType === 'Subject2');
    if (!state) return;
    const skipped = states.reduce((sum, s) => sum + (s.skippedCount ?? 0), 0);
    const due = dueNotices(state, runtime.credentials.certificate.notAfter, clock.now(), skipped);
    if (due.length === 0) return;
    for (const notice of due) await notifier.notice(runtime.profile, notice, state.lastError?.message);
    await store.patchSyncState(runtime.profile.id, 'Subject2', { notices: [...(state.notices ?? []), ...due.map((n) => n.id)].slice(-50) });
  }

  /** With the storage full the bookkeeping after a run may be refused too; the run's answer still stands. */
  const unlessFull = (work: Promise<unknown>) =>
    work.catch((error: unknown) => {
      if (!isQuotaExceeded(error)) throw error;
    });

  async function runOnce(profileId: string, beforeRun?: () => Promise<void>): Promise<ProfileSyncResult> {
    const runtime = await runtimes.get(profileId);
    await beforeRun?.();
    const { profile, client, session } = runtime;
    const syncDeps = {
      store,
      client,
      session,
      clock,
      random,
      notifier,
      rateLimiterState: () => client.rateLimiter.toJSON(),
    };
    // A clock set back stretches the limiter's blocks as it does the sync state's: both are clamped now.
    client.rateLimiter.settle(clock.now());
    const sync = () => syncProfile(syncDeps, profile);
    const result = availability ? await availability.around(profile, sync) : await sync();
    await unlessFull(raiseNotices(runtime));
    if (result.outcome === 'ok' || result.outcome === 'partial') {
      await downloadPendingXml(syncDeps, profile, { allow: () => backgroundXmlAllowed(client.rateLimiter, clock.now()) }).catch(
        (error: unknown) => store.appendLog({ profileId, level: 'warn', code: 'XML_DOWNLOAD_FAILED', message: String((error as Error)?.message ?? error) }),
      );
    }
    const next = Math.max(clock.now() + intervalMinutes(profile) * 60_000, result.blockedUntil ? Date.parse(result.blockedUntil) : 0);
    await unlessFull(store.patchSyncState(profileId, 'Subject2', { nextSyncAt: new Date(next).toISOString() }));
    await unlessFull(store.appendLog({
      profileId,
      level: result.failure ? 'warn' : 'info',
      code: result.failure ? `SYNC_${result.failure.code}` : `SYNC_${result.outcome.toUpperCase()}`,
      message: result.failure ? result.failure.messageEn : `stored ${result.stored}, announced ${result.announced}`,
    }));
    await afterRun();
    return result;
  }

  /**
   * One run per profile at a time: an alarm and "sync now" share the run in flight (RELIABILITY §2.3 item 5).
   * `beforeRun` (lib/worker/sync-now.ts) runs only when this call starts the run, inside the single flight.
   */
  function runProfile(profileId: string, options: { beforeRun?: () => Promise<void> } = {}): Promise<ProfileSyncResult> {
    let run = running.get(profileId);
    if (!run) {
      run = runOnce(profileId, options.beforeRun).finally(() => running.delete(profileId));
      running.set(profileId, run);
    }
    return run;
  }

  return { runProfile, running: (profileId: string) => running.get(profileId) };
}
