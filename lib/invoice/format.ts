// Display formatting of FA amounts and dates. Amounts are formatted from the decimal string itself (no float
// on the way, so 18-digit amounts keep every digit); Intl supplies only the currency symbol and its place.
// Anything that is not a well-formed value is returned as text, sanitised, so a broken invoice still shows.
import { WARSAW, zonedParts } from '../core/time';
import { isLang, type Lang } from '../i18n/lang';
import { parseDecimal } from './decimal';
import { sanitizeForDisplay } from './sanitize';

const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  pl: { group: '\u00A0', decimal: ',' }, // Polish groups thousands with a (non-breaking) space
  en: { group: ',', decimal: '.' },
};

function checkArgs(value: unknown, lang: unknown): void {
  if (typeof value !== 'string') throw new TypeError('"value" must be a string');
  if (!isLang(lang)) throw new TypeError('"lang" must be "pl" or "en"');
}

// A loop, not /\B(?=(\d{3})+$)/: that regex is quadratic, and a hostile invoice may hold 100 000 digits.
function groupThousands(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}

function formatDecimal(value: string, lang: Lang, minFraction: number): string | undefined {
  const d = parseDecimal(value);
  if (!d) return undefined;
  const { group, decimal } = SEPARATORS[lang];
  const integer = groupThousands(d.integer, group);
  const padded = d.fraction.padEnd(minFraction, '0');
  let keep = padded.length;
  while (keep > minFraction && padded.charCodeAt(keep - 1) === 0x30) keep--; // trailing zeros beyond the minimum
  const fraction = padded.slice(0, keep);
  return `${d.negative ? '-' : ''}${integer}${fraction ? decimal + fraction : ''}`;
}

function currencyAffixes(currency: string, lang: Lang): { prefix: string; suffix: string } {
  if (!/^[A-Z]{3}$/.test(currency)) return { prefix: '', suffix: currency ? `\u00A0${currency}` : '' };
  const parts = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).formatToParts(1);
  const first = parts.findIndex((p) => p.type === 'integer');
  const last = parts.findLastIndex((p) => p.type === 'fraction' || p.type === 'integer');
  const join = (list: Intl.NumberFormatPart[]) =>
    list.filter((p) => p.type === 'currency' || p.type === 'literal').map((p) => p.value).join('');
  return { prefix: join(parts.slice(0, first)), suffix: join(parts.slice(last + 1)) };
}

/**
 * An amount for display: formatAmount('1234.5', 'PLN', 'pl') → "1 234,50 zł" (with non-breaking spaces),
 * ('1234.5', 'EUR', 'en') → "€1,234.50". At least two fraction digits; more only when written (unit prices).
 */
export function formatAmount(value: string, currency: string, lang: Lang): string {
  checkArgs(value, lang);
  if (typeof currency !== 'string') throw new TypeError('"currency" must be a string');
  const number = formatDecimal(value, lang, 2);
  if (number === undefined) return sanitizeForDisplay(value);
  const { prefix, suffix } = currencyAffixes(sanitizeForDisplay(currency.trim(), 16), lang);
  const sign = number.startsWith('-') ? '-' : '';
  return sanitizeForDisplay(`${sign}${prefix}${number.slice(sign.length)}${suffix}`);
}

/** A quantity or rate as written, with the language's separators: ('1234.500', 'pl') → "1 234,500". */
export function formatQuantity(value: string, lang: Lang): string {
  checkArgs(value, lang);
  const d = parseDecimal(value);
  return sanitizeForDisplay(formatDecimal(value, lang, d?.fraction.length ?? 0) ?? value);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dayText(y: number, m: number, d: number, lang: Lang): string {
  if (lang === 'pl') return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  const fmt = new Intl.DateTimeFormat(LOCALES.en, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return fmt.format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * A date (YYYY-MM-DD) or date-time (ISO 8601) for display: pl "31.10.2025", en "31 Oct 2025"; a date-time with
 * a zone is shown in `timeZone` (Polish time by default) with hours and minutes.
 */
export function formatDate(iso: string, lang: Lang, timeZone = WARSAW): string {
  checkArgs(iso, lang);
  const date = DATE.exec(iso.trim());
  if (date) {
    const [y, m, d] = date.slice(1, 4).map(Number) as [number, number, number];
    return validDate(y, m, d) ? dayText(y, m, d, lang) : sanitizeForDisplay(iso);
  }
  const dt = DATE_TIME.exec(iso.trim());
  if (!dt) return sanitizeForDisplay(iso);
  let [y, m, d, hh, mm] = dt.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (!validDate(y, m, d) || hh > 23 || mm > 59) return sanitizeForDisplay(iso);
  if (dt[7]) {
    const at = new Date(iso.trim());
    let parts: ReturnType<typeof zonedParts>;
    try {
      parts = zonedParts(at, timeZone);
    } catch (error) {
      if (Number.isNaN(at.getTime())) throw error; // an impossible instant (second 60) is not the zone's fault
      throw new TypeError('"timeZone" must be an IANA time zone such as Europe/Warsaw');
    }
    [y, m, d, hh, mm] = [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number) as [number, number, number, number, number];
  }
  const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  return `${dayText(y, m, d, lang)}${lang === 'pl' ? ' ' : ', '}${time}`;
}
