// The set-up as a short guided flow (issue 16 finding 2, review B10): organisation → certificate → check in
// KSeF → done. Which step a profile is at follows from what the store holds, so a reopened page lands on the
// same step; "done" needs proof that KSeF accepts the certificate: a passing check on this page, or a sync run
// that succeeded (the first sync starts as soon as the certificate is saved).
import { validateNip } from '../domain/nip';
import { baseUrlValid, type OrganisationDraft } from './form-rules';

export const SETUP_STEPS = ['organisation', 'certificate', 'verify', 'done'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupFacts {
  /** A profile is selected (saved), not a new one being typed. */
  saved: boolean;
  hasCertificate: boolean;
  /** The check on this page passed (VerifyReport.ok). */
  verifiedOk: boolean;
  /** A sync run succeeded (Subject2 lastSuccessAt). */
  syncedOk: boolean;
  /** The check just run on this page failed: its report is what the user must read, not "Gotowe". */
  verifyFailed?: boolean;
}

export function setupStep(f: SetupFacts): SetupStep {
  if (!f.saved) return 'organisation';
  if (!f.hasCertificate) return 'certificate';
  if (f.verifyFailed) return 'verify';
  return f.verifiedOk || f.syncedOk ? 'done' : 'verify';
}

/** "Zapisz i przejdź dalej": the organisation alone may be saved, before any certificate (review B10). */
export function canSaveOrganisation(draft: OrganisationDraft, busy: boolean): boolean {
  return !busy && draft.name.trim() !== '' && validateNip(draft.nipInput).ok && (draft.environment !== 'simulator' || baseUrlValid(draft.baseUrl));
}

/** "Pobierz starsze faktury": a calendar day before the one the profile's invoices are fetched from. */
export function olderFromValid(from: string, current: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(from) && from < current;
}

/** A calendar day in words ("1 grudnia 2026", "1 December 2026"), the day itself whatever the time zone. */
export function longDay(lang: 'pl' | 'en', day: string): string {
  const ms = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(ms)) return day;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
}

/** The first day of the month before `day`: what "Pobierz starsze faktury" offers first. */
export function monthBefore(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const prev = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  return `${prev.y}-${String(prev.m).padStart(2, '0')}-01`;
}
