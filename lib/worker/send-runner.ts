// Runs the sending engine for one profile in the worker (issue 12): single-flight per profile, a watchdog alarm
// set BEFORE the run (STYLE rule 16: a worker stopped mid-send is woken by it and resumes from the store), and
// after the run an alarm at `until` when KSeF's limits or a back-off hold the batch, cleared when all ended.
import type { Clock } from '../ksef/clock';
import type { PublicKeyCertificate } from '../ksef/schemas';
import { sendPending } from '../send/engine';
import type { SendNotifier, SendRunResult } from '../send/types';
import type { Store } from '../store/store';
import type { AlarmsApi } from './platform';
import { profileIdAfter } from './schedule';
import type { createRuntimeCache } from './profile-runtime';

export const SEND_ALARM_PREFIX = 'send:';
/** A run killed with its worker is picked up by this alarm (Chrome's shortest alarm is 30 s). */
const WATCHDOG_MINUTES = 1;

export const sendAlarmName = (profileId: string) => `${SEND_ALARM_PREFIX}${profileId}`;
export const profileIdOfSendAlarm = (name: string): string | undefined => profileIdAfter(SEND_ALARM_PREFIX, name);

export interface SendRunnerDeps {
  store: Store;
  clock: Clock;
  alarms: AlarmsApi;
  runtimes: ReturnType<typeof createRuntimeCache>;
  notifier: SendNotifier;
}

export function createSendRunner({ store, clock, alarms, runtimes, notifier }: SendRunnerDeps) {
  const running = new Map<string, Promise<SendRunResult>>();
  const keyCaches = new Map<string, { certificates?: PublicKeyCertificate[] }>();

  async function runOnce(profileId: string): Promise<SendRunResult> {
    await alarms.create(sendAlarmName(profileId), { delayInMinutes: WATCHDOG_MINUTES });
    const runtime = await runtimes.get(profileId);
    let keyCache = keyCaches.get(profileId);
    if (!keyCache) keyCaches.set(profileId, (keyCache = {}));
    const result = await sendPending({ store, client: runtime.client, session: runtime.session, clock, notifier, keyCache }, runtime.profile);
    if (result.outcome === 'waiting' && result.until) {
      await alarms.create(sendAlarmName(profileId), { when: Math.max(Date.parse(result.until), clock.now() + 30_000) });
    } else {
      await alarms.clear(sendAlarmName(profileId));
    }
    return result;
  }

  /** One run per profile at a time: "Wyślij", an alarm and a retry share the run in flight. */
  function runSend(profileId: string): Promise<SendRunResult> {
    let run = running.get(profileId);
    if (!run) {
      run = runOnce(profileId)
        .catch(async (error: unknown) => {
          await store.appendLog({ profileId, level: 'warn', code: 'SEND_NOT_RUN', message: String((error as Error)?.name ?? 'Error') }).catch(() => undefined);
          throw error;
        })
        .finally(() => running.delete(profileId));
      running.set(profileId, run);
    }
    return run;
  }

  /** Every start: profiles with unfinished items get a run (their alarm may be gone after a restart). */
  async function resumeAll(profiles: readonly { id: string }[]): Promise<void> {
    for (const profile of profiles) {
      if ((await store.listUnfinishedOutbox(profile.id)).length > 0) void runSend(profile.id).catch(() => undefined);
    }
  }

  return { runSend, resumeAll, running: (profileId: string) => running.get(profileId) };
}

export type SendRunner = ReturnType<typeof createSendRunner>;
