// The organisation's NIP as Aplikacja Podatnika shows it (the context the user logged in for), offered to the
// options page only after the user confirms it (issue 13). Read from visible text next to the word "NIP",
// never from a form field.
import { isValidNip, normalizeNip } from '../domain/nip';

const NIP_NEAR_LABEL = /\bNIP\b[^\d\n]{0,20}((?:PL)?[\d][\d\s-]{8,14}\d)/gi;

/** The one valid NIP the texts show beside "NIP", or undefined when there is none or more than one. */
export function nipShownOnPage(texts: Iterable<string>): string | undefined {
  const found = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string' || text.length > 500) continue;
    for (const match of text.matchAll(NIP_NEAR_LABEL)) {
      const nip = normalizeNip(match[1]!);
      if (nip && isValidNip(nip)) found.add(nip);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** 5265877635 → 526-587-76-35, as Polish forms print a NIP, for the user to compare. */
export function formatNip(nip: string): string {
  return /^\d{10}$/.test(nip) ? `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}` : nip;
}
