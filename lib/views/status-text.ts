// What the pages say about each named state (issue 10): a title, the cause and what to do, Polish first and
// English second, from the catalog. Times are Warsaw time, as KSeF and the bookkeeper read them. The worker's
// notifications and the popup both show these texts, so they take the shared catalog (lib/i18n/shared.ts).
import { warsawDateTime, warsawDay } from '../core/time';
import { t, tp, type Lang, type MessageKey } from '../i18n/shared';
import { formatDate } from '../invoice/format';
import { sanitizeForDisplay } from '../invoice/sanitize';
import type { StallCode } from '../sync/stall';

/** KSEF_OUTAGE / KSEF_MAINTENANCE: KSeF announced it (Latarnia, NOTES §1); the failures are not ours. */
export type StatusCode = 'NOT_CONFIGURED' | 'CERTIFICATE_EXPIRED' | 'IMPORTING' | 'KSEF_OUTAGE' | 'KSEF_MAINTENANCE' | 'LOCKED' | StallCode;

/** What the worker stores in `syncState.outage` when Latarnia announces a break (lib/worker/availability.ts). */
export interface AnnouncedOutage {
  kind: 'outage' | 'maintenance';
  since: string;
  until?: string;
  message?: string;
}

export interface ProfileProblem {
  /** The named state: stable, for tests, support and the page's `data-code`. */
  code: StatusCode;
  /** The failure behind it (e.g. HTTP_503, CERTIFICATE_REVOKED), for support. */
  detailCode?: string;
  title: string;
  titleEn: string;
  /** The cause, in Polish (and English in `messageEn`). */
  message: string;
  messageEn: string;
  /** What to do, in Polish (and English in `fixEn`). */
  fix?: string;
  fixEn?: string;
  /** The user must act (a notification was raised once); otherwise it resolves on its own. */
  needsUser: boolean;
  /** KSeF's own announcement as published (Latarnia), shown as text beside ours. */
  announcement?: string;
}

/** Invoices set aside because the store refused them: the sync goes on, the user books them by hand. */
export interface SkippedInvoices {
  count: number;
  ksefNumbers: string[];
  title: string;
  titleEn: string;
  message: string;
  messageEn: string;
  fix: string;
  fixEn: string;
}

export interface StallFacts {
  /** Epoch ms of when the stall began, of when the next attempt is due, of when KSeF's pause ends. */
  since?: number;
  next?: number;
  until?: number;
  /** The stored message of the failure (already in both languages), for the causes KSeF or lib/auth name. */
  stored?: { pl: string; en: string };
  detailCode?: string;
}

/** As the popup writes every other time (lib/invoice formatDate): "07.12.2026 17:55", Warsaw time. */
export function timeText(ms: number, lang: Lang): string {
  return formatDate(new Date(ms).toISOString(), lang);
}

/** A time in a sentence about today: "18:00" on the same Warsaw day as `nowMs`, else date and time. */
export function shortTimeText(ms: number, nowMs: number, lang: Lang): string {
  return warsawDay(ms) === warsawDay(nowMs) ? warsawDateTime(lang, ms).time : timeText(ms, lang);
}

type Text = { pl: string; en: string };

function both(key: MessageKey, params: (lang: Lang) => Record<string, string> = () => ({})): Text {
  return { pl: t('pl', key, params('pl')), en: t('en', key, params('en')) };
}

function problem(code: StatusCode, needsUser: boolean, cause: Text, fix: Text | undefined, detailCode?: string): ProfileProblem {
  const title = both(`status_title_${code}` as MessageKey);
  return {
    code,
    ...(detailCode ? { detailCode } : {}),
    title: title.pl,
    titleEn: title.en,
    message: cause.pl,
    messageEn: cause.en,
    ...(fix ? { fix: fix.pl, fixEn: fix.en } : {}),
    needsUser,
  };
}

export function notConfiguredProblem(): ProfileProblem {
  return problem('NOT_CONFIGURED', true, both('status_problem_not_configured'), both('status_fix_not_configured'));
}

/** Locked mode (issue 14): a new KSeF login needs the key password; the sync waits for the unlock page. */
export function lockedProblem(failedUnlocks: number): ProfileProblem {
  const cause = failedUnlocks > 0 ? both('status_problem_locked_wrong', () => ({ count: String(failedUnlocks) })) : both('status_problem_locked');
  return problem('LOCKED', true, cause, both('status_fix_locked'));
}

export function certificateExpiredProblem(notAfter: Date): ProfileProblem {
  const date = notAfter.toISOString().slice(0, 10);
  return problem('CERTIFICATE_EXPIRED', true, both('status_problem_cert_expired', () => ({ date })), both('status_fix_certificate'));
}

/**
 * The first sync is still importing older invoices: a long backfill goes on over several runs within KSeF's
 * query budget (issue 10), and its summary comes once, at the end. `through` is where the import has reached.
 */
export function importingProblem(through: number | undefined, next: number | undefined): ProfileProblem {
  const cause = through !== undefined
    ? both('status_problem_importing', (lang) => ({ date: formatDate(warsawDay(through), lang) }))
    : both('status_problem_importing_start');
  const fix = next !== undefined ? both('status_fix_importing', (lang) => ({ time: timeText(next, lang) })) : undefined;
  return problem('IMPORTING', false, cause, fix);
}

/** The problem shown for a stall, with the times that make it concrete. */
export function stallProblem(code: StallCode, facts: StallFacts): ProfileProblem {
  const at = (ms: number | undefined) => (lang: Lang) => (ms === undefined ? '' : timeText(ms, lang));
  const times = (lang: Lang) => ({ since: at(facts.since)(lang), next: at(facts.next)(lang), until: at(facts.until)(lang) });
  const stored = facts.stored ?? both('sync_error_UNEXPECTED');
  const detail = facts.detailCode;
  switch (code) {
    case 'RATE_LIMITED':
      return problem(code, false, both('status_cause_RATE_LIMITED', times), both('status_fix_RATE_LIMITED'), detail);
    case 'KSEF_ERRORS':
    case 'OFFLINE':
      return problem(code, false, both(`status_cause_${code}`, times), both(`status_fix_${code}`, times), detail);
    case 'STORAGE_FULL':
      return problem(code, true, both('status_cause_STORAGE_FULL'), both('status_fix_STORAGE_FULL', times), detail);
    case 'LOGIN_REFUSED':
      return problem(code, true, stored, both('status_fix_login'), detail);
    case 'PERMISSIONS_LOST':
      return problem(code, true, stored, both('status_fix_PERMISSIONS_LOST'), detail);
    case 'UNEXPECTED':
      return problem(code, false, stored, both('status_fix_error'), detail);
  }
}

/**
 * KSeF announced a break (NOTES §1, Latarnia): the title says so with its end ("KSeF ma przerwę techniczną do
 * 18:00"), the fix says that nothing on this computer needs changing. Never needs the user.
 */
export function outageProblem(outage: AnnouncedOutage, facts: { now: number; next?: number }): ProfileProblem {
  const code: StatusCode = outage.kind === 'maintenance' ? 'KSEF_MAINTENANCE' : 'KSEF_OUTAGE';
  const until = outage.until ? Date.parse(outage.until) : NaN;
  const since = Date.parse(outage.since);
  const times = (lang: Lang) => ({
    until: Number.isNaN(until) ? '' : shortTimeText(until, facts.now, lang),
    since: Number.isNaN(since) ? '' : shortTimeText(since, facts.now, lang),
    next: facts.next === undefined ? '' : shortTimeText(facts.next, facts.now, lang),
  });
  const suffix = Number.isNaN(until) ? '' : '_until';
  const title = both(`status_title_${code}${suffix}` as MessageKey, times);
  const cause = both(`status_cause_${code}${suffix}` as MessageKey, times);
  const fix = both(facts.next === undefined ? 'status_fix_KSEF_OUTAGE' : 'status_fix_KSEF_OUTAGE_next', times);
  const announcement = outage.message ? sanitizeForDisplay(outage.message, 300) : '';
  return {
    code,
    title: title.pl,
    titleEn: title.en,
    message: cause.pl,
    messageEn: cause.en,
    fix: fix.pl,
    fixEn: fix.en,
    needsUser: false,
    ...(announcement ? { announcement } : {}),
  };
}

export function skippedInvoices(count: number, ksefNumbers: readonly string[]): SkippedInvoices {
  // The message names a few; the options page lists all the state keeps (`ksefNumbers`).
  const numbers = ksefNumbers.slice(0, 3).join(', ') + (ksefNumbers.length > 3 || count > ksefNumbers.length ? ', …' : '');
  return {
    count,
    ksefNumbers: [...ksefNumbers],
    title: tp('pl', 'status_skipped_title', count),
    titleEn: tp('en', 'status_skipped_title', count),
    message: t('pl', 'status_skipped_cause', { numbers }),
    messageEn: t('en', 'status_skipped_cause', { numbers }),
    fix: t('pl', 'status_skipped_fix'),
    fixEn: t('en', 'status_skipped_fix'),
  };
}
