// What the inbox search finds an invoice by (issue 10 item 5, issue 15): the terms of the `bySearchTerm`
// multiEntry index, and how typed text becomes prefixes to look up in it. One home for the rule: the record
// builder stores these terms, migration 2 computes them for older records, and the search checks candidates
// with the same functions.
//
// A term is a suffix of a normalised field that starts where a part of it starts (after a space, dash, slash,
// dot …; in invoice numbers also where letters turn into digits and back). A typed word finds an invoice when
// it is a prefix of one of its terms, so "777", "777/20", "fv/777/2025" and "2025" all find "FV/777/2025",
// "20260115-00000" finds a KSeF number from its date part, and "lodz" finds "Żółta Łódź Sp. z o.o.".
// A fragment from the middle of a part ("77/2025") does not: prefix ranges are what an index answers. Of each
// field the first MAX_FIELD characters and MAX_PARTS parts are indexed (a number or a name, not a document).
// Changing these rules needs a new migration that recomputes the stored terms.
import { normalizeNip } from '../domain/nip';
import { normaliseKsefNumber, type InvoiceMetadata } from './invoice-record';

/** Stored terms are cut to this length; a longer typed word is looked up by its first MAX_TERM characters. */
export const MAX_TERM = 40;
/** Of each field, this many characters and parts are indexed, so a hostile 100 kB name costs what a real one does. */
const MAX_FIELD = 256;
const MAX_PARTS = 32;
/** Longest search text read; a search box, not a document. */
export const MAX_SEARCH_LENGTH = 200;
/** Words after this many are ignored: each one is an index lookup. */
export const MAX_SEARCH_WORDS = 8;

/** Lower case, Polish letters without their marks (ł has no decomposition, so it is mapped by hand), one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const kind = (ch: string | undefined) => (ch === undefined ? 0 : LETTER.test(ch) ? 1 : DIGIT.test(ch) ? 2 : 0);

/** Suffixes of `text` that start where a part starts; `splitDigits` also starts one where letters meet digits. */
function suffixes(text: string, splitDigits: boolean, maxLength: number): string[] {
  const out: string[] = [];
  const chars = [...text.slice(0, MAX_FIELD)];
  let offset = 0;
  for (let i = 0; i < chars.length && out.length < MAX_PARTS; i++) {
    const here = kind(chars[i]);
    const before = kind(chars[i - 1]);
    if (here !== 0 && (before === 0 || (splitDigits && before !== here))) out.push(text.slice(offset, offset + maxLength));
    offset += chars[i]!.length;
  }
  return out;
}

/** A NIP as its ten digits ("PL 526-104-08-28" → "5261040828"); anything else (a VAT-EU number …) folded. */
function identifierTerm(value: string | null | undefined): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  return normalizeNip(value) ?? foldText(value);
}

/** The buyer's identifier as a term: always part of the match (matchesSearchWords), stored unless it is `ownNip`. */
function buyerTerms(metadata: InvoiceMetadata, maxLength: number): string[] {
  const value = metadata?.buyer?.identifier?.value;
  return suffixes(identifierTerm(typeof value === 'string' ? value.slice(0, MAX_FIELD) : ''), false, maxLength);
}

/**
 * The index terms of one invoice: KSeF number, invoice number, seller and buyer NIP, seller name. A term
 * that is a prefix of another is dropped (every word it matches, the longer one matches too), so the seller's
 * NIP, which starts the KSeF number (NOTES §11), costs no entry of its own. With `ownNip` (the profile's NIP),
 * a buyer NIP equal to it is not stored: on purchase invoices it is the organisation itself, one entry per
 * invoice that every invoice shares (issue 15); the search finds those by the profile (invoice-search.ts).
 */
export function searchTermsOf(metadata: InvoiceMetadata, maxLength = MAX_TERM, ownNip?: string): string[] {
  // Total over any stored shape: migration 2 runs it on old records, and a throw there would abort the upgrade.
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_FIELD) : '');
  const ksefNumber = text(metadata?.ksefNumber).trim();
  // The KSeF number's last part is its CRC-8 (NOTES §11): nobody searches by it, so it costs no entry.
  const ksefParts = suffixes(ksefNumber === '' ? '' : normaliseKsefNumber(ksefNumber).toLowerCase(), false, maxLength);
  const terms = [
    ...(ksefParts.length > 1 ? ksefParts.slice(0, -1) : ksefParts),
    ...suffixes(foldText(text(metadata?.invoiceNumber)), true, maxLength),
    ...suffixes(identifierTerm(metadata?.seller?.nip), false, maxLength),
    ...(ownNip !== undefined && identifierTerm(metadata?.buyer?.identifier?.value) === ownNip ? [] : buyerTerms(metadata, maxLength)),
    ...suffixes(foldText(text(metadata?.seller?.name)), false, maxLength),
  ];
  const sorted = [...new Set(terms)].sort();
  return sorted.filter((term, i) => !sorted[i + 1]?.startsWith(term));
}

/** One typed word: the prefixes that may stand for it (any one matching is enough). */
export type SearchWord = readonly string[];

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * The words of a search text. A whole text that is a NIP ("PL 526 104 08 28") is one word of ten digits; a
 * KSeF number in the 36-character form is folded as the store folds it; digits with dashes ("526-104") may be
 * the start of a NIP or of a KSeF number, so both spellings are tried. Punctuation around a word is dropped.
 */
export function searchWords(text: string): SearchWord[] {
  if (typeof text !== 'string') throw new TypeError('"search" must be a string');
  const cut = text.slice(0, MAX_SEARCH_LENGTH);
  const nip = normalizeNip(cut);
  if (nip !== null) return [[nip]];
  const words = new Map<string, SearchWord>();
  for (const raw of foldText(cut).split(' ')) {
    const word = raw.replace(EDGE_PUNCTUATION, '');
    if (word === '' || words.has(word)) continue;
    const alternatives = new Set([normaliseKsefNumber(word).toLowerCase()]);
    if (/^\d[\d-]*-[\d-]*$/.test(word)) alternatives.add(word.replace(/-/g, ''));
    words.set(word, [...alternatives]);
    if (words.size === MAX_SEARCH_WORDS) break;
  }
  return [...words.values()];
}

/** The part of a word the index is searched by (terms are cut to MAX_TERM). */
export function indexPrefix(alternative: string): string {
  return alternative.slice(0, MAX_TERM);
}

/**
 * Whether every word is a prefix of some term of the invoice: the check on the candidates the index found
 * (they agree on the first MAX_TERM characters; a longer word is compared with the uncut terms).
 */
export function matchesSearchWords(
  record: { metadata: InvoiceMetadata; searchTerms?: readonly string[] },
  words: readonly SearchWord[],
): boolean {
  // The buyer's identifier may not be stored (searchTermsOf's `ownNip`): it is checked from the metadata.
  const stored = [...(record.searchTerms ?? searchTermsOf(record.metadata)), ...buyerTerms(record.metadata, MAX_TERM)];
  let full: string[] | undefined;
  return words.every((word) =>
    word.some((alternative) => {
      if (alternative.length <= MAX_TERM) return stored.some((term) => term.startsWith(alternative));
      full ??= searchTermsOf(record.metadata, Infinity);
      return full.some((term) => term.startsWith(alternative));
    }),
  );
}
