// Invoice text is untrusted (DESIGN.md, Security rules). React renders it as text, so markup is inert; what
// text can still do on screen is reorder itself (bidi overrides that make "gpj.exe" look like "exe.jpg" or
// swap digits of an account number), hide in control characters, or flood the page. This module removes those.

/** Longest text shown for one field; the full text stays in the XML the user can download. */
export const MAX_DISPLAY_LENGTH = 2000;

const ELLIPSIS = '\u2026';
// U+061C ALM, U+200E/F LRM/RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0 except tab and newline, DEL, C1 (NEL included).
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// A surrogate half without its partner cannot be shown (xmldom turns `&#xD800;` into one).
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_WHITESPACE_RUN = /[\t\n\r ]+/g;

/**
 * `text` made safe to show: bidi controls and control characters (other than newline and tab) removed,
 * lone surrogates replaced by U+FFFD, and at most `maxLength` UTF-16 units, ending in "…" when cut.
 * Idempotent: sanitizing sanitized text changes nothing.
 */
export function sanitizeForDisplay(text: string, maxLength: number = MAX_DISPLAY_LENGTH): string {
  if (typeof text !== 'string') throw new TypeError('"text" must be a string');
  if (!Number.isInteger(maxLength) || maxLength < 2) throw new TypeError('"maxLength" must be an integer of at least 2');
  const clean = text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '').replace(LONE_SURROGATES, '\uFFFD');
  if (clean.length <= maxLength) return clean;
  let end = maxLength - 1;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // never split a surrogate pair
  return clean.slice(0, end) + ELLIPSIS;
}

// Only XML whitespace (space, tab, CR, LF) is touched: a no-break space at the edge of a name is the sender's.
// Trimming scans by index: a /\s+$/ regex is quadratic on a long run of spaces that does not end the text.
function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function trimXmlWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isXmlSpace(text.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** XML Schema `token` whitespace rule (most FA(3) text types): runs of whitespace become one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return trimXmlWhitespace(text.replace(XML_WHITESPACE_RUN, ' '));
}

/** Multi-line text (`TTekstowy`, e.g. the footer): line breaks kept, CR normalised, outer whitespace trimmed. */
export function normalizeMultiline(text: string): string {
  return trimXmlWhitespace(text.replace(/\r\n?/g, '\n'));
}

/**
 * A copy of `value` with every string passed through sanitizeForDisplay; numbers, booleans and structure kept.
 * Used on the whole InvoiceView so that no string, whatever its source, reaches the page unsanitised.
 */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeForDisplay(value) as T;
  if (Array.isArray(value)) return value.map((item) => sanitizeDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = sanitizeDeep(item);
    return out as T;
  }
  return value;
}
