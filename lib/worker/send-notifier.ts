// The one notification at the end of a batch (issue 12 step 4): "2 faktury przyjęte przez KSeF, 1 odrzucona",
// plural forms from the catalog, in the one UI language (`language`, lib/views/ui-language.ts). Its id names
// the batch and the oldest item it announces, so a repeat after a kill replaces it. A click opens the inbox on the send view. No badge.
import { t, tp, type Lang } from '../i18n/worker';
import { sanitizeForDisplay } from '../invoice/sanitize';
import type { BatchEndNotice, SendNotifier } from '../send/types';
import { ICON_URL } from './notifier';
import type { NotificationsApi } from './platform';

const PREFIX = 'send|';

export function sendNotificationId(profileId: string, batchId: string, firstItemId: string): string {
  return `${PREFIX}${encodeURIComponent(profileId)}|${encodeURIComponent(batchId)}|${firstItemId}`;
}

/** The profile of a send notification id, or undefined for another kind. */
export function profileOfSendNotification(id: string): string | undefined {
  if (typeof id !== 'string' || !id.startsWith(PREFIX)) return undefined;
  const [profile] = id.slice(PREFIX.length).split('|');
  try {
    return profile ? decodeURIComponent(profile) : undefined;
  } catch {
    return undefined;
  }
}

/** Where a click on it leads: the inbox's send view of that organisation. */
export function sendClickTarget(profileId: string): string {
  return `inbox.html?profile=${encodeURIComponent(profileId)}#send`;
}

export function batchEndText(notice: Pick<BatchEndNotice, 'accepted' | 'rejected' | 'failed'>, lang: Lang): string {
  const parts: string[] = [];
  const { accepted, rejected, failed } = notice;
  // The first count carries the noun ("2 faktury przyjęte przez KSeF"), the others follow it ("1 odrzucona").
  if (accepted > 0) parts.push(tp(lang, 'send_n_accepted', accepted));
  if (rejected > 0) parts.push(parts.length === 0 ? tp(lang, 'send_n_rejected_full', rejected) : tp(lang, 'send_n_rejected', rejected));
  if (failed > 0) parts.push(parts.length === 0 ? tp(lang, 'send_n_failed_full', failed) : tp(lang, 'send_n_failed', failed));
  return parts.join(', ');
}

export function createSendNotifier(notifications: NotificationsApi, language: () => Promise<Lang>): SendNotifier {
  return {
    async batchEnded(notice) {
      const lang = await language();
      await notifications.create(sendNotificationId(notice.profile.id, notice.batchId, notice.firstItemId), {
        type: 'basic',
        iconUrl: ICON_URL,
        priority: 1,
        title: t(lang, 'notify_send_title', { organisation: sanitizeForDisplay(notice.profile.name, 60) }),
        message: batchEndText(notice, lang),
        contextMessage: t(lang, 'notify_send_click'),
      });
    },
  };
}
