// What "Sprawdź teraz" ends with (review B6): the worker answers `syncNow` when every run has ended
// (lib/worker/sync-now.ts), one result per organisation, and the popup says the outcome in one line:
// "Sprawdzono – brak nowych faktur", "Sprawdzono – 2 nowe faktury", or what failed and where.
import { t, tp, type Lang } from '../i18n/popup';
import { stallOf } from '../sync/stall';
import { shortTimeText } from './status-text';

/** One organisation's run as it crosses the message boundary (lib/sync ProfileSyncResult, without internals). */
export interface SyncNowProfileResult {
  profileId: string;
  /** ok / partial: the run went well (partial goes on later); blocked: KSeF's pause, not tried; failed. */
  outcome: 'ok' | 'partial' | 'blocked' | 'failed';
  /** Invoices stored by this run. */
  stored: number;
  blockedUntil?: string;
  failure?: { code: string; message: string; messageEn: string };
}

export interface SyncNowAnswer {
  results: SyncNowProfileResult[];
}

export interface SyncResultText {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

/** Why one organisation was not checked, in a few words: the named state's title, or KSeF's pause. */
function reasonOf(result: SyncNowProfileResult, now: Date, lang: Lang, title: string | undefined): string {
  // The card's own title when the page has it (e.g. KSeF's announced break), so both say the same.
  if (title) return title;
  if (result.outcome === 'blocked') {
    const until = result.blockedUntil ? Date.parse(result.blockedUntil) : NaN;
    return Number.isNaN(until)
      ? t(lang, 'status_title_RATE_LIMITED')
      : t(lang, 'popup_sync_reason_paused', { time: shortTimeText(until, now.getTime(), lang) });
  }
  return t(lang, `status_title_${stallOf(result.failure?.code ?? 'UNEXPECTED')}`);
}

/**
 * The line the popup shows when the check has ended. `names` gives each organisation's name (for the line
 * about the ones that failed when there are several); `titles`, the title of the state its card shows now.
 */
export function syncResultText(
  answer: SyncNowAnswer,
  names: (profileId: string) => string,
  now: Date,
  lang: Lang,
  titles: (profileId: string) => string | undefined = () => undefined,
): SyncResultText {
  const results = answer.results;
  if (results.length === 0) return { kind: 'warning', text: t(lang, 'popup_sync_nothing') };
  const good = results.filter((r) => r.outcome === 'ok' || r.outcome === 'partial');
  const bad = results.filter((r) => r.outcome === 'failed' || r.outcome === 'blocked');
  const stored = good.reduce((sum, r) => sum + r.stored, 0);
  const count = stored.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB');
  const done = stored === 0 ? t(lang, 'popup_sync_done_none') : t(lang, 'popup_sync_done_some', { invoices: tp(lang, 'popup_new_count', stored, { count }) });
  if (bad.length === 0) return { kind: 'info', text: done };
  if (results.length === 1) return { kind: 'error', text: t(lang, 'popup_sync_failed_single', { reason: reasonOf(bad[0]!, now, lang, titles(bad[0]!.profileId)) }) };
  const failed = bad.map((r) => t(lang, 'popup_sync_failed_item', { name: names(r.profileId), reason: reasonOf(r, now, lang, titles(r.profileId)) })).join('; ');
  const text = t(lang, 'popup_sync_failed_some', { failed });
  return good.length > 0 ? { kind: 'warning', text: `${done}. ${text}` } : { kind: 'error', text };
}
