// The mistakes the helper warns about before they happen (issue 13; AP-GUIDE Task 2 and "The four failure
// causes"): the Offline purpose, a "Certyfikat ważny od" after today, and moving on without the key download.
// Pure: the content script reads only these two choices (never a password or a file) and hands them in.
import { normalizeLabel } from './labels';

export type ApWarning = 'offline_purpose' | 'future_valid_from' | 'key_not_downloaded';

/**
 * Whether the chosen purpose is the Offline one, "Podpis linku do weryfikacji wystawcy" (type 2): it signs
 * the QR link of offline invoices and cannot log in (AP-GUIDE Task 2 step 5). Anything else is not judged.
 */
export function isOfflinePurpose(choice: string): boolean {
  const text = normalizeLabel(choice);
  return text.includes('podpis linku') || text.includes('weryfikacji wystawcy') || /\boffline\b/.test(text);
}

/** A date as AP's form may show it: 2026-12-07, 07.12.2026, 07-12-2026 or 07/12/2026; null otherwise. */
export function parseFormDate(value: string): { year: number; month: number; day: number } | null {
  const text = typeof value === 'string' ? value.trim() : '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const pl = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : pl ? [+pl[3]!, +pl[2]!, +pl[1]!] : [0, 0, 0];
  if (!year || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/**
 * Whether "Certyfikat ważny od" is after today (the user's calendar day): every login fails until then, one
 * of the four failure causes the guide lists. An unreadable value is not judged.
 */
export function isFutureValidFrom(value: string, today: Date): boolean {
  const date = parseFormDate(value);
  if (!date) return false;
  const chosen = date.year * 10_000 + date.month * 100 + date.day;
  const now = today.getFullYear() * 10_000 + (today.getMonth() + 1) * 100 + today.getDate();
  return chosen > now;
}

/** What the user does next on the certificate form, as the helper sees it. */
export type CertificateMove = 'purpose' | 'valid_from' | 'send' | 'leave_form';

/**
 * Moving on without "Generuj" having downloaded the key (one time only, AP-GUIDE step 4): choosing the purpose or
 * the date, sending the request, or leaving a form on which the name or password was filled.
 */
export function keyNotDownloaded(move: CertificateMove, generated: boolean, formStarted: boolean): boolean {
  if (generated) return false;
  return move === 'leave_form' ? formStarted : true;
}
