// Certificates made in the browser, in the worker (issue 14 points 1 and 2): the `enrolCertificate`,
// `revokeCertificate`, `abandonEnrolment` and `setAutoRenew` requests, an enrolment resumed after a restart, and
// "Odnawiaj automatycznie" after each sync: within 30 days of expiry, once per certificate; a failure is logged
// and announced once, never retried in a loop (lib/custody/renewal.ts). One attempt per profile at a time.
import { createAuthSession, createMemoryTokenStore } from '../auth';
import type { CertificateInfo } from '../pki/types';
import type { AuthTokenSigner } from '../auth';
import { abandonEnrolment, createEnrolment, IN_FLIGHT, type EnrolResult } from '../custody/enrol';
import { certificateOps } from '../custody/enrol-ops';
import { autoRenewDue } from '../custody/renewal';
import { revokeReplaced } from '../custody/revoke';
import { t, type Lang } from '../i18n/worker';
import { sanitizeForDisplay } from '../invoice/sanitize';
import type { Clock } from '../ksef';
import type { RequestHandlers } from '../messages';
import type { PendingEnrolment, Profile, Store } from '../store';
import { noticeNotificationId } from './notification-ids';
import { ICON_URL } from './notifier';
import type { NotificationsApi } from './platform';
import { storedKeySigner, type HeavyWork } from './heavy';
import { createClientFor, type createRuntimeCache, type RuntimeDeps } from './profile-runtime';

/** Notices of this file; clicks on them open the options page on the custody panel (click-target.ts). */
export const RENEWED_NOTICE = 'renewed';
export const RENEWAL_FAILED_NOTICE = 'renewal_failed';

export interface CustodyDeps {
  store: Store;
  runtimeDeps: RuntimeDeps;
  runtimes: ReturnType<typeof createRuntimeCache>;
  notifications: NotificationsApi;
  clock: Clock;
  language: () => Promise<Lang>;
  /** After a switch: what `profileSaved` does (the old certificate's tokens dropped and its session ended, a sync). */
  afterSwitch: (profileId: string) => Promise<unknown>;
  /** Where the enrolment's X.509 work and its new key's login signature run (lib/worker/heavy.ts). */
  heavy: HeavyWork;
  signer?: AuthTokenSigner;
}

type CustodyHandlers = Pick<RequestHandlers, 'enrolCertificate' | 'revokeCertificate' | 'abandonEnrolment' | 'setAutoRenew'>;

export function createCustody(deps: CustodyDeps) {
  const { store, runtimes, clock } = deps;
  const running = new Map<string, Promise<EnrolResult | null>>();

  /**
   * A real XAdES login with the new credentials (lib/auth), its session ended at once: the proof before the switch.
   * The new key signs where it is stored, in the pending enrolment (heavy.ts: no key in a message).
   */
  async function loginWith(profile: Profile, credentials: { certificate: CertificateInfo; privateKey: CryptoKey; enrolmentId: string }) {
    const { enrolmentId, ...pair } = credentials;
    const session = createAuthSession({
      client: createClientFor(deps.runtimeDeps, profile),
      tokenStore: createMemoryTokenStore(),
      credentials: pair,
      context: { type: 'Nip', value: profile.nip },
      clock,
      signer: deps.signer ?? storedKeySigner(deps.heavy, { profileId: profile.id, source: 'enrolment', enrolmentId }),
    });
    await session.getAccessToken();
    await session.logout();
  }

  async function engine(profileId: string) {
    const runtime = await runtimes.get(profileId);
    const { revoke: _r, ...ksef } = certificateOps({ ksef: runtime.client, getAccessToken: runtime.session.getAccessToken });
    return createEnrolment({ store, ksef, clock, heavy: deps.heavy, loginWith: (c) => loginWith(runtime.profile, c) }, profileId);
  }

  /** One attempt per profile; a switch is followed by what a saved profile gets. */
  function single(profileId: string, work: (e: Awaited<ReturnType<typeof engine>>) => Promise<EnrolResult | null>) {
    let run = running.get(profileId);
    if (!run) {
      run = (async () => {
        const result = await work(await engine(profileId));
        if (result) {
          runtimes.forget(profileId);
          await deps.afterSwitch(profileId).catch(() => undefined);
        }
        return result;
      })().finally(() => running.delete(profileId));
      running.set(profileId, run);
    }
    return run;
  }

  async function announce(profile: Profile, notice: string, key: 'renewed' | 'renewal_failed', reason = '') {
    if (!profile.preferences.notifications) return;
    const lang = await deps.language();
    const organisation = sanitizeForDisplay(profile.name, 60);
    await deps.notifications.create(noticeNotificationId(profile.id, notice), {
      type: 'basic',
      iconUrl: ICON_URL,
      priority: 2,
      title: t(lang, `notify_${key}_title`, { organisation }),
      message: t(lang, `notify_${key}_message`, { reason: sanitizeForDisplay(reason, 300) }),
    });
  }

  const handlers: CustodyHandlers = {
    enrolCertificate: async ({ profileId }) => {
      const result = await single(profileId, (e) => e.run('user'));
      return { switched: true, replaced: result?.replaced ?? null };
    },
    revokeCertificate: async ({ profileId, serialNumber }) => {
      const runtime = await runtimes.get(profileId);
      return revokeReplaced({ store, ksef: certificateOps({ ksef: runtime.client, getAccessToken: runtime.session.getAccessToken }) }, profileId, serialNumber);
    },
    abandonEnrolment: async ({ profileId }) => ({ abandoned: running.has(profileId) ? false : await abandonEnrolment(store, profileId) }),
    setAutoRenew: async ({ profileId, on }) => {
      await store.setAutoRenew(profileId, on);
      return { autoRenew: on };
    },
  };

  return {
    handlers,

    /** After a sync run: an automatic renewal when due, or the attempt in flight continued. Never throws. */
    async afterSync(profileId: string): Promise<void> {
      try {
        // Every poll passes here: without automatic renewal or an attempt in flight, the credentials (and their
        // key) are not read at all.
        const [profile, pending] = await Promise.all([store.getProfile(profileId), store.getPendingEnrolment(profileId)]);
        const inFlight = pending !== undefined && IN_FLIGHT.has(pending.step);
        if (!profile || (!inFlight && profile.autoRenew !== true)) return;
        const credentials = await store.getCredentials(profileId);
        if (!credentials) return;
        if (!inFlight && !autoRenewDue(profile, credentials, pending, clock.now())) return;
        const trigger: PendingEnrolment['trigger'] = inFlight ? pending.trigger : 'auto';
        try {
          await single(profileId, (e) => (inFlight ? e.resume() : e.run('auto')));
          if (trigger === 'auto') await announce(profile, `${RENEWED_NOTICE}:${credentials.certificate.fingerprintSha256.slice(0, 16)}`, 'renewed');
        } catch (error) {
          const e = error as { code?: string; message?: string };
          await store.appendLog({ profileId, level: 'warn', code: 'AUTO_RENEW_FAILED', message: `automatic renewal stopped (${e?.code ?? 'error'})` });
          // ENROLMENT_PENDING continues after the next sync; anything else is announced once for this certificate.
          if (trigger === 'auto' && e?.code !== 'ENROLMENT_PENDING') {
            await announce(profile, `${RENEWAL_FAILED_NOTICE}:${credentials.certificate.fingerprintSha256.slice(0, 16)}`, 'renewal_failed', e?.message ?? '');
          }
        }
      } catch {
        // The sync's own outcome stands; the log keeps what was written above.
      }
    },

    /** A restart: every attempt in flight is continued in the background. */
    async resumeAll(profiles: readonly Profile[]): Promise<void> {
      for (const profile of profiles) {
        const pending = await store.getPendingEnrolment(profile.id).catch(() => undefined);
        if (pending && IN_FLIGHT.has(pending.step)) {
          void single(profile.id, (e) => e.resume()).catch((error: unknown) =>
            store.appendLog({ profileId: profile.id, level: 'warn', code: 'ENROL_RESUME_FAILED', message: `enrolment not resumed (${(error as { code?: string })?.code ?? 'error'})` }).catch(() => undefined),
          );
        }
      }
    },
  };
}
