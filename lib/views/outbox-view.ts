// The sent invoices as the send view shows them (issue 12, step 5): each outbox item's state in plain words,
// what the user may do with it, why KSeF refused it, and the items grouped by the sending they belong to. The
// steps and fields are the outbox contract's (Sending §3); this file only reads them.
import { warsawDateTime } from '../core/time';
import { t, tp, type Lang, type PluralKey } from '../i18n';

export const OUTBOX_STEPS = ['queued', 'sending', 'sent', 'accepted', 'rejected', 'failed'] as const;
export type OutboxStep = (typeof OUTBOX_STEPS)[number];

/** What this view reads of an outbox item (Sending §3 `OutboxItem`; the store's record has more). */
export interface SentItem {
  id: string;
  profileId: string;
  batchId: string;
  fileName: string;
  createdAt: string;
  updatedAt: string;
  step: OutboxStep;
  facts: { sellerNip: string; buyerNip?: string; buyerName?: string; kind: string; number: string; issueDate: string; currency?: string; gross?: string; sha256Base64: string };
  sessionRef?: string;
  ksefNumber?: string;
  acquisitionDate?: string;
  permanentStorageDate?: string;
  ksefStatus?: { code: number; description: string; details?: string[]; originalKsefNumber?: string };
  upoXml?: string;
  error?: { code: string; message: string; messageEn?: string; until?: string };
}

export type StatusTone = 'pending' | 'ok' | 'error' | 'warn';

export interface OutboxStatusView {
  tone: StatusTone;
  /** The state in plain words: w kolejce, wysyłanie, przyjęta przez KSeF, odrzucona, nie udało się wysłać. */
  label: string;
  /** Why it was refused or could not be sent, or until when it waits for a KSeF limit. */
  reason?: string;
  /** The worker still works on it: the list refreshes often. */
  pending: boolean;
  /** "Usuń": only an item that ended rejected or failed (Sending §2 removeOutboxItem). */
  canRemove: boolean;
  /** "Ponów": a failed item (transport, budget), never a KSeF rejection (Sending §2 retryOutboxItem). */
  canRetry: boolean;
}

const TONE: Record<OutboxStep, StatusTone> = {
  queued: 'pending', sending: 'pending', sent: 'pending', accepted: 'ok', rejected: 'error', failed: 'warn',
};

function inLang(error: NonNullable<SentItem['error']>, lang: Lang): string {
  return lang === 'en' && error.messageEn ? error.messageEn : error.message;
}

/** KSeF's own words for a rejection the worker did not translate: the code, the description and the details. */
function ksefWords(status: NonNullable<SentItem['ksefStatus']>, lang: Lang): string {
  const details = (status.details ?? []).filter((d) => d.trim() !== '');
  const original = status.originalKsefNumber ? t(lang, 'sendui_original_ksef', { number: status.originalKsefNumber }) : '';
  return [t(lang, 'sendui_ksef_said', { code: status.code, description: status.description }), ...details, original]
    .filter(Boolean)
    .join(' ');
}

function reasonOf(item: SentItem, lang: Lang, now: Date): string | undefined {
  const until = item.error?.until;
  if (until && item.step !== 'accepted' && item.step !== 'rejected' && Date.parse(until) > now.getTime()) {
    const { date, time } = warsawDateTime(lang, until);
    return t(lang, item.step === 'failed' ? 'sendui_wait_retry' : 'sendui_wait_auto', { date, time });
  }
  if (item.step === 'rejected') {
    if (item.error) return inLang(item.error, lang);
    return item.ksefStatus ? ksefWords(item.ksefStatus, lang) : undefined;
  }
  if (item.step === 'failed' && item.error) return inLang(item.error, lang);
  return undefined;
}

/** The item's state for the list. `now` decides whether a limit's wait is still running. */
export function outboxStatus(item: SentItem, lang: Lang, now: Date = new Date()): OutboxStatusView {
  if (!OUTBOX_STEPS.includes(item?.step)) throw new TypeError(`"item.step" must be one of ${OUTBOX_STEPS.join(', ')}`);
  const reason = reasonOf(item, lang, now);
  return {
    tone: TONE[item.step],
    label: t(lang, `sendui_step_${item.step}`),
    ...(reason ? { reason } : {}),
    pending: TONE[item.step] === 'pending',
    canRemove: item.step === 'rejected' || item.step === 'failed',
    canRetry: item.step === 'failed',
  };
}

export interface OutboxBatch {
  batchId: string;
  /** When the user pressed "Wyślij" (the first item's createdAt). */
  createdAt: string;
  items: SentItem[];
  counts: Record<'accepted' | 'rejected' | 'failed' | 'pending', number>;
}

/** Items grouped by their sending (batchId), newest sending first; inside one, in the order of the file names. */
export function groupByBatch(items: readonly SentItem[]): OutboxBatch[] {
  if (!Array.isArray(items as unknown)) throw new TypeError('"items" must be an array of outbox items');
  const batches = new Map<string, OutboxBatch>();
  for (const item of items) {
    let batch = batches.get(item.batchId);
    if (!batch) {
      batch = { batchId: item.batchId, createdAt: item.createdAt, items: [], counts: { accepted: 0, rejected: 0, failed: 0, pending: 0 } };
      batches.set(item.batchId, batch);
    }
    batch.items.push(item);
    if (item.createdAt < batch.createdAt) batch.createdAt = item.createdAt;
    const tone = TONE[item.step];
    batch.counts[tone === 'ok' ? 'accepted' : tone === 'error' ? 'rejected' : tone === 'warn' ? 'failed' : 'pending']++;
  }
  const out = [...batches.values()];
  for (const batch of out) batch.items.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.id.localeCompare(b.id));
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.batchId.localeCompare(a.batchId));
}

const COUNT_KEYS: [keyof OutboxBatch['counts'], PluralKey][] = [
  ['accepted', 'sendui_count_accepted'],
  ['rejected', 'sendui_count_rejected'],
  ['failed', 'sendui_count_failed'],
  ['pending', 'sendui_count_pending'],
];

/** "2 przyjęte przez KSeF, 1 odrzucona": the sending's outcome so far, zero counts left out. */
export function batchSummary(batch: Pick<OutboxBatch, 'counts'>, lang: Lang): string {
  return COUNT_KEYS.filter(([field]) => batch.counts[field] > 0)
    .map(([field, key]) => tp(lang, key, batch.counts[field]))
    .join(', ');
}

/**
 * How soon the page reads the outbox again. The store has no change events across contexts, so pages poll it
 * (as the options page polls profile statuses every 15 s, entrypoints/options/useProfiles.ts); while the worker
 * is sending, steps change within seconds and the list follows them closely.
 */
export const OUTBOX_REFRESH_MS = { busy: 1_500, idle: 15_000 } as const;

/** The worker still owes an outcome for one of them (queued, sending, sent). */
export function hasPending(items: readonly Pick<SentItem, 'step'>[]): boolean {
  return items.some((item) => TONE[item.step] === 'pending');
}

export function refreshDelay(items: readonly Pick<SentItem, 'step'>[]): number {
  return hasPending(items) ? OUTBOX_REFRESH_MS.busy : OUTBOX_REFRESH_MS.idle;
}
