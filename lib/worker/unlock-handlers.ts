// Locked mode in the worker (issue 14 point 3). The access and refresh tokens keep a locked profile's sync
// running; when a run would need a new login (no tokens, the refresh token at its end, or KSeF refusing it) the
// worker does not sign (there is no key to sign with): it marks the profile "waiting for the password" once,
// raises ONE notification whose click opens the unlock page, and holds the profile's runs until the page has
// logged in and sent `profileUnlocked`. A dismissed notification is not raised again; the status still says it.
import type { AuthTokenSigner } from '../auth';
import { LockError } from '../custody/locked-errors';
import { unlockPageUrl } from '../custody/locked-view';
import { t, type Lang } from '../i18n/worker';
import { sanitizeForDisplay } from '../invoice/sanitize';
import type { Clock } from '../ksef';
import type { RequestHandlers } from '../messages';
import type { Profile, Store } from '../store';
import type { ProfileSyncResult } from '../sync';
import { noticeNotificationId, parseNotificationId } from './notification-ids';
import { ICON_URL } from './notifier';
import type { NotificationsApi } from './platform';

export const UNLOCK_NOTICE = 'unlock';
/** lib/auth's session refreshes or logs in this long before a token ends (its default refreshMarginMs). */
export const REFRESH_MARGIN_MS = 60_000;

/** The signer of a locked profile's session: it never signs, it says that the password is needed. */
export const lockedSigner: AuthTokenSigner = async () => {
  throw new LockError('UNLOCK_NEEDED');
};

/**
 * lib/auth wants a key object beside the certificate; a locked profile has none at rest, and `lockedSigner`, the
 * only thing that would use it, never reads it.
 */
export const NO_KEY_AT_REST = Object.freeze({ type: 'private', usages: ['sign'] }) as unknown as CryptoKey;

function unlockText(profile: Profile, lang: Lang): { title: string; message: string } {
  const organisation = sanitizeForDisplay(profile.name, 60);
  return { title: t(lang, 'notify_unlock_title', { organisation }), message: t(lang, 'notify_unlock_message') };
}

export interface UnlockGateDeps {
  store: Store;
  notifications: NotificationsApi;
  clock: Clock;
  /** The one UI language (lib/views/ui-language.ts); the profile's own language when not given. */
  language?: () => Promise<Lang>;
  /** Drops the profile's cached session (profile-runtime.ts), so the first run after the unlock reads the new tokens. */
  forget: (profileId: string) => void;
}

/** `options` (lib/worker/sync-now.ts: a person's check) pass through the guard untouched. */
type RunProfile = (profileId: string, options?: { beforeRun?: () => Promise<void> }) => Promise<ProfileSyncResult>;

export function createUnlockGate({ store, notifications, clock, language, forget }: UnlockGateDeps) {
  /** A locked profile waits for the password when it already asked, or when a run would have to log in. */
  async function waitsForPassword(profileId: string): Promise<boolean> {
    const credentials = await store.getCredentials(profileId);
    if (credentials?.custody !== 'locked') return false;
    if (credentials.unlockRequestedAt) return true;
    const tokens = await store.getTokens(profileId);
    return !tokens || Date.parse(tokens.refreshValidUntil) - clock.now() <= REFRESH_MARGIN_MS;
  }

  /** Marks the profile waiting; only the first mark raises the notification (the store decides, in one transaction). */
  async function ask(profileId: string): Promise<void> {
    // The cached session still holds the dead tokens; whoever runs after the unlock page must read the store.
    forget(profileId);
    if (!(await store.markUnlockNeeded(profileId))) return;
    await store.appendLog({ profileId, level: 'info', code: 'UNLOCK_NEEDED', message: 'a new KSeF login needs the key password; the sync waits for it' });
    const profile = await store.getProfile(profileId);
    if (!profile?.preferences.notifications) return;
    await notifications.create(noticeNotificationId(profileId, UNLOCK_NOTICE), { type: 'basic', iconUrl: ICON_URL, priority: 2, ...unlockText(profile, language ? await language() : profile.preferences.language) });
  }

  function held(profileId: string): ProfileSyncResult {
    const { code, message, messageEn } = new LockError('UNLOCK_NEEDED');
    return { profileId, outcome: 'blocked', stored: 0, announced: 0, failure: { kind: 'attention', code, message, messageEn } };
  }

  return {
    /** `run` for every profile but a locked one waiting for its password: that one is held, and asked for once. */
    guard(run: RunProfile): RunProfile {
      return async (profileId, options) => {
        if (await waitsForPassword(profileId)) {
          await ask(profileId);
          return held(profileId);
        }
        const result = await run(profileId, options);
        // KSeF refused the refresh token before it ended (NOTES §3.7): the session reached the locked signer.
        if (result.failure?.code === 'UNLOCK_NEEDED') await ask(profileId);
        return result;
      };
    },

    /** Where a click on the unlock notification leads; undefined for every other notification. */
    clickTarget(notificationId: string): string | undefined {
      const parsed = parseNotificationId(notificationId);
      return parsed?.kind === 'notice' && parsed.notice === UNLOCK_NOTICE ? unlockPageUrl(parsed.profileId) : undefined;
    },

    handlers(deps: { runProfile: RunProfile }): Pick<RequestHandlers, 'profileUnlocked'> {
      return {
        profileUnlocked: async ({ profileId }) => {
          const credentials = await store.getCredentials(profileId);
          if (credentials?.unlockRequestedAt) throw new LockError('UNLOCK_NEEDED');
          forget(profileId); // the new session reads the tokens the page stored
          await notifications.clear(noticeNotificationId(profileId, UNLOCK_NOTICE));
          // A refused refresh token left a back-off behind; the password was the fix, so the next run goes now.
          const state = await store.getSyncState(profileId, 'Subject2');
          if (state?.blockedUntil) await store.putSyncState({ ...state, blockedUntil: null });
          void deps.runProfile(profileId).catch(() => undefined);
          return { resumed: true };
        },
      };
    },
  };
}
