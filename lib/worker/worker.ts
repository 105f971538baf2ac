// Everything the service worker does, as a factory over platform seams (STYLE rules 1, 5, 6, 16). The
// entrypoint adapts `browser.*` and registers the listeners; this holds no state that matters beyond a
// cache: every fact a restarted worker needs is in the store.
import type { AuthSession, AuthTokenSigner } from '../auth';
import { DEFAULT_LANG } from '../i18n/lang';
import { systemClock, type Clock, type KsefClient } from '../ksef';
import type { RequestHandlers } from '../messages';
import type { Credentials, Profile, Store } from '../store';
import { fetchInvoiceXml, SyncError, type ProfileSyncResult } from '../sync';
import { readUiLanguage, type SettingsArea } from '../views/ui-language';
import { createApHandoff } from './ap-handoff';
import { clickTarget } from './click-target';
import { WorkerError } from './errors';
import { parseNotificationId, profilePrefixes } from './notification-ids';
import { createLoginGuard, ownerOf } from './login-guard';
import { createBrowserNotifier } from './notifier';
import type { AlarmsApi, BadgeApi, NotificationsApi, OpenTab } from './platform';
import { createAvailability } from './availability';
import { createOlderInvoices } from './older-invoices';
import { createProfileRunner } from './profile-runner';
import { createClientFor, createRuntimeCache, createSessionFor, type FetchFn } from './profile-runtime';
import { alarmName, ensureAlarm, profileIdOfAlarm } from './schedule';
import { createSendHandlers } from './send-handlers';
import { createSendNotifier, profileOfSendNotification, sendClickTarget } from './send-notifier';
import { createSendRunner, profileIdOfSendAlarm, sendAlarmName } from './send-runner';
import { createUnlockGate } from './unlock-handlers';
import { createCustody } from './custody-handlers';
import type { HeavyWork } from './heavy';
import { createSyncNowHandler } from './sync-now';

/** lib/diagnostics' verifyProfile, injected so the worker does not depend on the options page's module. */
export type VerifyProfileFn = (
  deps: {
    store: Store;
    createClient: (profile: Profile) => KsefClient;
    createSession: (profile: Profile, credentials: Credentials, client: KsefClient) => AuthSession;
    now: () => Date;
    /** KSeF's announced break (Latarnia), so a failed connection is named for what it is (issue 16). */
    announcedOutage?: (profile: Profile) => Promise<unknown>;
  },
  profileId: string,
) => Promise<unknown>;

export interface WorkerDeps {
  store: Store;
  fetch: FetchFn;
  alarms: AlarmsApi;
  notifications: NotificationsApi;
  badge: BadgeApi;
  openTab: OpenTab;
  clock?: Clock;
  random?: () => number;
  verifyProfile?: VerifyProfileFn;
  /** Whether an extension page exists (the inbox arrives with issue 7; until then clicks open the options). */
  pageExists?: (path: string) => Promise<boolean>;
  /** The rare heavy work (login signature, enrolment): offscreen in Chrome, in-process elsewhere (heavy.ts). */
  heavy: HeavyWork;
  /** Tests only: a signer instead of `heavy`'s. */
  signer?: AuthTokenSigner;
  /** Where the one UI language is kept (browser.storage.local): notifications speak it. Absent: Polish. */
  settings?: SettingsArea;
}

export function createWorker(deps: WorkerDeps) {
  if (typeof deps !== 'object' || deps === null) throw new TypeError('"deps" must be an object');
  for (const name of ['store', 'alarms', 'notifications', 'badge'] as const) {
    if (typeof deps[name] !== 'object' || deps[name] === null) throw new TypeError(`"${name}" must be an object`);
  }
  if (typeof deps.fetch !== 'function') throw new TypeError('"fetch" must be a function');
  if (typeof deps.openTab !== 'function') throw new TypeError('"openTab" must be a function');
  if (typeof deps.heavy?.sign !== 'function') throw new TypeError('"heavy" must be a HeavyWork');
  const { store, alarms, notifications, badge } = deps;
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const logins = createLoginGuard({ store, fetch: deps.fetch, clock });
  const runtimeDeps = { store, fetch: deps.fetch, clock, random, logins, heavy: deps.heavy, ...(deps.signer ? { signer: deps.signer } : {}) };
  const runtimes = createRuntimeCache(runtimeDeps);
  const language = () => (deps.settings ? readUiLanguage(deps.settings, { profiles: () => store.listProfiles() }) : Promise.resolve(DEFAULT_LANG));
  const notifier = createBrowserNotifier(notifications, language);
  const nowIso = () => new Date(clock.now()).toISOString();

  async function updateBadge(): Promise<void> {
    const count = (await store.countByState()).new;
    await badge.setText(count === 0 ? '' : count > 999 ? '999+' : String(count));
  }

  const availability = createAvailability({ store, fetch: deps.fetch, clock });
  const runner = createProfileRunner({ store, clock, random, runtimes, notifier, afterRun: updateBadge, availability });
  const sending = createSendRunner({ store, clock, alarms, runtimes, notifier: createSendNotifier(notifications, language) });
  // Locked mode (issue 14): a locked profile waiting for its password is held and asked for once.
  const unlock = createUnlockGate({ store, notifications, clock, language, forget: runtimes.forget });
  const runProfile = unlock.guard(runner.runProfile);
  // Certificates made in the browser (issue 14): a switch is followed by what a saved profile gets.
  const custody = createCustody({ store, runtimeDeps, runtimes, notifications, clock, language, heavy: deps.heavy, ...(deps.signer ? { signer: deps.signer } : {}),
    afterSwitch: (profileId) => handlers.profileSaved({ type: 'profileSaved', profileId }) });

  async function schedule(profile: Profile, reset: boolean, existing?: Awaited<ReturnType<AlarmsApi['getAll']>>) {
    const hasCredentials = (await store.getCredentials(profile.id)) !== undefined;
    const fires = hasCredentials
      ? await ensureAlarm(alarms, profile, { reset, random, now: clock.now(), existing })
      : (await alarms.clear(`sync:${profile.id}`), null);
    if (fires !== null) await store.patchSyncState(profile.id, 'Subject2', { nextSyncAt: new Date(fires).toISOString() });
  }

  async function clearProfileNotifications(profileId: string) {
    const prefixes = profilePrefixes(profileId);
    const shown = Object.keys(await notifications.getAll());
    await Promise.all(shown.filter((id) => prefixes.some((p) => id.startsWith(p))).map((id) => notifications.clear(id)));
  }

  const handlers: RequestHandlers = {
    ping: async () => ({ pong: true }),

    profileSaved: async ({ profileId }) => {
      runtimes.forget(profileId);
      const profile = await store.getProfile(profileId);
      if (!profile) throw new SyncError('PROFILE_NOT_FOUND');
      await schedule(profile, true);
      // Tokens earned for the old context or certificate are dropped and their session ended (issue 10), then the
      // first sync starts; its outcome shows in the status (the page waits for neither).
      // A failed check does not hold the sync back: the token store makes the same check at first use.
      void (async () => {
        await store.getCredentials(profileId).then((credentials) => logins.usableTokens(profile, ownerOf(profile, credentials))).catch(() => undefined);
        await runProfile(profileId);
      })().catch(() => undefined);
      return { scheduled: true };
    },

    deleteProfile: async ({ profileId }) => {
      runtimes.forget(profileId);
      await Promise.all([alarms.clear(alarmName(profileId)), alarms.clear(sendAlarmName(profileId))]);
      await Promise.all([runner.running(profileId)?.catch(() => undefined), sending.running(profileId)?.catch(() => undefined)]);
      // Before the tokens go: their refresh token would stay valid for up to 7 days (NOTES §3.7). Best effort.
      await logins.endForRemoval(profileId);
      const deleted = await store.deleteProfileAndData(profileId);
      await clearProfileNotifications(profileId);
      await store.appendLog({ profileId, level: 'info', code: 'PROFILE_DELETED', message: 'profile and its data removed' });
      await updateBadge();
      return { deleted };
    },

    verifyProfile: async ({ profileId }) => {
      if (!deps.verifyProfile) throw new WorkerError('NOT_AVAILABLE');
      return deps.verifyProfile(
        {
          store,
          createClient: (profile) => createClientFor(runtimeDeps, profile),
          createSession: (profile, credentials, client) => createSessionFor(runtimeDeps, profile, credentials, client),
          now: () => new Date(clock.now()),
          announcedOutage: (profile) => availability.announcedOutage(profile, { fresh: true }),
        },
        profileId,
      );
    },

    fetchOlderInvoices: createOlderInvoices({ store, runtimes, running: runner.running, clock }),

    syncNow: createSyncNowHandler(store, runProfile),

    setInvoiceState: async ({ keys, state }) => {
      const changed = await store.setInvoiceState(keys, state);
      await updateBadge();
      return { changed };
    },

    fetchInvoiceXml: async ({ key }) => {
      const runtime = await runtimes.get(key.profileId);
      const xml = await fetchInvoiceXml({ store, client: runtime.client, session: runtime.session }, key.profileId, key.ksefNumber);
      return { xml };
    },

    ...createSendHandlers(store, sending, () => new Date(clock.now()), deps.heavy),
    ...unlock.handlers({ runProfile }),
    ...custody.handlers,
  };

  return {
    handlers,
    /** The only requests a content script may make (lib/messages.ts parseContentRequest; issue 13). */
    contentHandlers: createApHandoff(deps.openTab),

    /** Every start (install, update, browser start, wake): alarms re-created, stale ones removed, badge set. */
    async onStartup(): Promise<void> {
      try {
        const [profiles, existing] = await Promise.all([store.listProfiles(), alarms.getAll()]);
        const ids = new Set(profiles.map((p) => p.id));
        const stale = existing.filter((alarm) => {
          const id = profileIdOfAlarm(alarm.name) ?? profileIdOfSendAlarm(alarm.name);
          return id !== undefined && !ids.has(id);
        });
        await Promise.all(stale.map((alarm) => alarms.clear(alarm.name)));
        for (const profile of profiles) await schedule(profile, false, existing);
        await updateBadge();
        await sending.resumeAll(profiles);
        await custody.resumeAll(profiles);
      } catch (error) {
        // Called without a waiter (listeners, the worker's first turn): record it instead of rejecting.
        const message = String((error as Error)?.message ?? error);
        await store.appendLog({ level: 'error', code: 'WORKER_STARTUP_FAILED', message }).catch(() => undefined);
      }
    },

    async onAlarm(alarm: { name: string }): Promise<ProfileSyncResult | undefined> {
      const sendProfile = profileIdOfSendAlarm(alarm?.name);
      if (sendProfile !== undefined) {
        await sending.runSend(sendProfile).catch(() => undefined);
        return undefined;
      }
      const profileId = profileIdOfAlarm(alarm?.name);
      if (profileId === undefined) return undefined;
      try {
        const result = await runProfile(profileId);
        await custody.afterSync(profileId);
        return result;
      } catch (error) {
        await store.appendLog({ profileId, level: 'warn', code: 'SYNC_NOT_RUN', message: String((error as Error)?.message ?? error) }).catch(() => undefined);
        return undefined;
      }
    },

    async onNotificationClicked(id: string): Promise<void> {
      const unlockUrl = unlock.clickTarget(id);
      if (unlockUrl !== undefined) {
        await deps.openTab(unlockUrl);
        await notifications.clear(id);
        return;
      }
      const sendProfile = profileOfSendNotification(id);
      if (sendProfile !== undefined) {
        await deps.openTab(sendClickTarget(sendProfile));
        await notifications.clear(id);
        return;
      }
      const parsed = parseNotificationId(id);
      if (!parsed) return;
      const inbox = deps.pageExists ? await deps.pageExists('inbox.html') : false;
      const url = await clickTarget(store, parsed, inbox);
      await deps.openTab(url);
      await notifications.clear(id);
    },

    updateBadge,
    /** For e2e and diagnostics: the time of the worker's clock. */
    now: nowIso,
  };
}

export type Worker = ReturnType<typeof createWorker>;
