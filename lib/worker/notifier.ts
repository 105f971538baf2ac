// Raising notifications through the browser seam: new invoices (one per batch; a repeated batch replaces
// its earlier notification) and notices that need the user. Off when the profile says so (issue 5). The texts
// are in the one UI language (`language`, read at each notification: a switch on any page applies at once).
import type { NewInvoicesNotice, Notice, SyncNotifier } from '../sync';
import type { Profile } from '../store';
import { batchPrefix, newInvoicesNotificationId, noticeNotificationId } from './notification-ids';
import { newInvoicesText, noticeText } from './notification-text';
import type { Lang } from '../i18n/lang';
import type { NotificationsApi } from './platform';

export const ICON_URL = 'icon/128.png';

export function createBrowserNotifier(notifications: NotificationsApi, language: () => Promise<Lang>): SyncNotifier & {
  notice(profile: Profile, notice: Notice, reason?: string): Promise<void>;
} {
  return {
    async newInvoices(notice: NewInvoicesNotice) {
      const oldest = notice.invoices[0];
      if (!oldest) return;
      // RELIABILITY §2.3 item 6: look before creating, so a batch repeated after a kill (perhaps with more
      // invoices, hence another count in its id) stays one notification.
      const prefix = batchPrefix(notice.profile.id, oldest.ksefNumber);
      const id = newInvoicesNotificationId(notice.profile.id, oldest.ksefNumber, notice.total);
      const shown = Object.keys(await notifications.getAll());
      await Promise.all(shown.filter((other) => other.startsWith(prefix) && other !== id).map((other) => notifications.clear(other)));
      await notifications.create(id, { type: 'basic', iconUrl: ICON_URL, priority: 1, ...newInvoicesText(notice, await language()) });
    },

    async notice(profile: Profile, notice: Notice, reason?: string) {
      if (!profile.preferences.notifications) return;
      const id = noticeNotificationId(profile.id, notice.id);
      // Still on screen: raising it again would only pop it up once more (a mark that could not be written,
      // e.g. with the storage full, must not turn into one notification per poll).
      if (id in (await notifications.getAll())) return;
      await notifications.create(id, {
        type: 'basic',
        iconUrl: ICON_URL,
        priority: 2,
        ...noticeText(profile, notice, await language(), reason),
      });
    },
  };
}
