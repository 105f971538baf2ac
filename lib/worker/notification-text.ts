// What the notifications say (issue 5), in the one UI language of the browser (lib/views/ui-language.ts; the
// worker reads it per notification, issue 16), from the catalog: "3 nowe faktury kosztowe" with up to three
// sellers and their gross amounts, or the one-off import summary, or a notice that needs the user. Invoice data
// is untrusted: it is sanitised (bidi and control characters removed, length capped) before it reaches the
// notification (RELIABILITY G12).
import { t, tp, type Lang } from '../i18n/worker';
import { formatAmount, formatDate } from '../invoice/format';
import { sanitizeForDisplay } from '../invoice/sanitize';
import type { InvoiceRecord, Profile } from '../store';
import type { NewInvoicesNotice, Notice } from '../sync';
import { timeText } from '../views/status-text';

export const SELLERS_SHOWN = 3;
const NAME_MAX = 60;
const MESSAGE_MAX = 500;

export interface NotificationText {
  title: string;
  message: string;
}

const NUMBER_MAX = 40;

/**
 * One line per invoice shown. A long seller name is cut, so two invoices of one seller would read alike (review
 * B18): the seller's second and later invoices name their invoice number instead of the name again.
 */
function sellerLines(invoices: readonly InvoiceRecord[], lang: Lang): string[] {
  const seen = new Set<string>();
  return invoices.map((invoice) => {
    const { seller, grossAmount, currency, invoiceNumber } = invoice.metadata;
    const amount = formatAmount(String(grossAmount), currency, lang);
    // The same NIP under another name (a renamed company) still reads as two sellers.
    const key = `${seller.nip ?? ''}|${seller.name?.trim() ?? ''}`;
    if (seen.has(key)) return t(lang, 'notify_same_seller_line', { number: sanitizeForDisplay(invoiceNumber, NUMBER_MAX), amount });
    seen.add(key);
    return `${sanitizeForDisplay(seller.name?.trim() || seller.nip, NAME_MAX)}: ${amount}`;
  });
}

export function newInvoicesText(notice: NewInvoicesNotice, lang: Lang): NotificationText {
  const { profile, total } = notice;
  const organisation = sanitizeForDisplay(profile.name, NAME_MAX);
  if (notice.firstSync) {
    return {
      title: t(lang, 'notify_imported_title', { organisation }),
      message: t(lang, 'notify_imported_message', { imported: tp(lang, 'imported_invoices', total) }),
    };
  }
  // "kosztowe" (purchase) only when purchases are all this profile fetches; sales and third-party invoices are
  // opt-in subject types, and then the count may mix kinds.
  const onlyPurchases = profile.preferences.subjectTypes.every((type) => type === 'Subject2');
  const lines = [tp(lang, onlyPurchases ? 'new_cost_invoices' : 'new_invoices', total), ...sellerLines(notice.invoices.slice(0, SELLERS_SHOWN), lang)];
  if (total > SELLERS_SHOWN) lines.push(t(lang, 'notify_more', { count: total - SELLERS_SHOWN }));
  return {
    title: t(lang, 'notify_new_title', { organisation }),
    message: sanitizeForDisplay(lines.join('\n'), MESSAGE_MAX),
  };
}

export function noticeText(profile: Profile, notice: Notice, lang: Lang, reason?: string): NotificationText {
  const organisation = sanitizeForDisplay(profile.name, NAME_MAX);
  const date = notice.notAfter ? formatDate(notice.notAfter, lang) : '';
  switch (notice.kind) {
    case 'login_failing':
      return {
        title: t(lang, 'notify_login_failing_title', { organisation }),
        message: t(lang, 'notify_login_failing_message', { reason: sanitizeForDisplay(reason ?? '', 300) }),
      };
    case 'permissions_lost':
      return {
        title: t(lang, 'notify_permissions_lost_title', { organisation }),
        message: t(lang, 'notify_permissions_lost_message'),
      };
    case 'storage_full':
      return {
        title: t(lang, 'notify_storage_full_title', { organisation }),
        message: t(lang, 'notify_storage_full_message'),
      };
    case 'records_skipped':
      return {
        title: t(lang, 'notify_records_skipped_title', { organisation }),
        message: t(lang, 'notify_records_skipped_message', { skipped: tp(lang, 'status_skipped_title', notice.count ?? 1) }),
      };
    case 'sync_stalled':
      return {
        title: t(lang, 'notify_stalled_title', { organisation }),
        message: t(lang, 'notify_stalled_message', {
          state: t(lang, `status_title_${notice.stall ?? 'UNEXPECTED'}`),
          since: notice.since ? timeText(Date.parse(notice.since), lang) : '',
        }),
      };
    case 'cert_expiring':
      return {
        title: t(lang, 'notify_cert_expiring_title', { organisation }),
        message: t(lang, 'notify_cert_expiring_message', { date, left: tp(lang, 'notify_days_left', notice.daysLeft ?? 0) }),
      };
    case 'cert_expired':
      return {
        title: t(lang, 'notify_cert_expired_title', { organisation }),
        message: t(lang, 'notify_cert_expired_message', { date }),
      };
  }
}
