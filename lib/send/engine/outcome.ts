// What KSeF's status of one invoice means for its outbox item (NOTES §8.3, SessionInvoiceStatusResponse):
// 200 accepted with its KSeF number; 100/150 still processing; 4xx rejected, with KSeF's reason translated
// (send_reject_<code>); 500/550 KSeF's own fault, so the item ends failed (the user may send it again).
import { t, type Lang, type MessageKey } from '../../i18n/send';
import type { SessionInvoiceStatusResponse } from '../../ksef/schemas';
import type { KsefInvoiceStatus, OutboxItem } from '../types';
import { SendError } from '../errors';

type Patch = Partial<OutboxItem>;
const TRANSLATED = new Set([405, 410, 415, 430, 435, 440, 450]);
const DETAILS_MAX = 20;

/** KSeF's status, kept as it said it (details capped), with `extensions.originalKsefNumber` lifted (440). */
export function ksefStatusOf(status: SessionInvoiceStatusResponse['status']): KsefInvoiceStatus {
  const details = (status.details ?? []).slice(0, DETAILS_MAX).map((d) => d.slice(0, 4000));
  const original = status.extensions?.originalKsefNumber ?? undefined;
  return {
    code: status.code,
    description: status.description.slice(0, 2000),
    ...(details.length > 0 ? { details } : {}),
    ...(original ? { originalKsefNumber: original } : {}),
  };
}

/** The rejection in words a bookkeeper understands, with what to do (issue 12 step 3). */
export function rejectionText(status: KsefInvoiceStatus, lang: Lang, sellerNip: string): string {
  const details = (status.details ?? []).join(' ');
  const params = {
    code: status.code,
    description: status.description,
    details,
    nip: sellerNip,
    originalKsefNumber: status.originalKsefNumber ?? t(lang, 'send_unknown_original'),
  };
  const key = TRANSLATED.has(status.code) ? (`send_reject_${status.code}` as MessageKey) : 'send_reject_other';
  return t(lang, key, params).trim();
}

/** The item's patch for KSeF's answer, or null while KSeF is still processing it (100, 150). */
export function patchForStatus(item: Pick<OutboxItem, 'facts' | 'createdAt'>, answer: SessionInvoiceStatusResponse): Patch | null {
  const code = answer.status.code;
  if (code === 100 || code === 150) return null;
  const ksefStatus = ksefStatusOf(answer.status);
  const common: Patch = { ksefStatus, ordinalNumber: answer.ordinalNumber, error: undefined, attempts: undefined };
  if (code === 200 && answer.ksefNumber) {
    return {
      ...common,
      step: 'accepted',
      ksefNumber: answer.ksefNumber,
      ...(answer.acquisitionDate ? { acquisitionDate: new Date(answer.acquisitionDate).toISOString() } : {}),
      ...(answer.permanentStorageDate ? { permanentStorageDate: new Date(answer.permanentStorageDate).toISOString() } : {}),
    };
  }
  if (code >= 400 && code < 500) {
    return {
      ...common,
      step: 'rejected',
      error: {
        code: `KSEF_${code}`,
        message: rejectionText(ksefStatus, 'pl', item.facts.sellerNip).slice(0, 2000),
        messageEn: rejectionText(ksefStatus, 'en', item.facts.sellerNip).slice(0, 2000),
      },
    };
  }
  const fault = new SendError('KSEF_FAULT', { code });
  return { ...common, step: 'failed', error: { code: `KSEF_${code}`, message: fault.message, messageEn: fault.messageEn } };
}
