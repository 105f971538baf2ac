// Where a notification click leads (issue 5): the inbox on the invoices it announced, read back from the
// store because the worker that raised it is usually gone; the options page until the inbox exists.
import type { Store } from '../store';
import type { ParsedNotificationId } from './notification-ids';

const CUSTODY_NOTICE = /^(cert_expiring|cert_expired|renewed|renewal_failed)/;

/** More invoices than this in one notification: the inbox opens on the profile, not on a list of numbers. */
export const MAX_LINKED_INVOICES = 50;

export async function clickTarget(
  store: Pick<Store, 'getInvoice' | 'listInvoicesPage'>,
  parsed: ParsedNotificationId,
  inboxExists: boolean,
): Promise<string> {
  const profile = `profile=${encodeURIComponent(parsed.profileId)}`;
  // Certificate notices (expiring at 30/7/1 days, expired, renewed, renewal failed) open the custody panel, where
  // "Odnów certyfikat" is one click (issue 14).
  if (parsed.kind === 'notice' && CUSTODY_NOTICE.test(parsed.notice)) return `options.html?${profile}&view=custody`;
  if (parsed.kind === 'notice' || !inboxExists) return `options.html?${profile}`;
  const { oldest, count } = parsed;
  if (count > MAX_LINKED_INVOICES) return `inbox.html?${profile}`;
  const first = await store.getInvoice(parsed.profileId, oldest);
  if (!first) return `inbox.html?${profile}`;
  // The batch is the `count` invoices from the oldest on, in announcement order (storage date, KSeF number).
  const page = await store.listInvoicesPage({
    profileId: parsed.profileId,
    dateField: 'permanentStorageDate',
    from: first.permanentStorageDate,
    direction: 'asc',
    limit: count + MAX_LINKED_INVOICES,
  });
  const numbers = page.items
    .filter((i) => i.permanentStorageDate > first.permanentStorageDate || i.ksefNumber >= oldest)
    .slice(0, count)
    .map((i) => encodeURIComponent(i.ksefNumber));
  return `inbox.html?${profile}&ksef=${numbers.join(',')}`;
}
