// Issue 7: hundreds of hostile strings in every field; the view must come back with the same structure, and
// every field must hold exactly the sanitised text (bidi and control characters gone, length capped).
import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatQuantity } from '../../lib/invoice/format';
import { MAX_INVOICE_BYTES } from '../../lib/invoice/xml';
import { parseInvoice } from '../../lib/invoice/parse';
import type { InvoiceView } from '../../lib/invoice/types';
import { fixtureText } from './fixtures';
import { expectedDisplay, hostileStrings, LONG_THRESHOLD, xmlEscape } from './hostile-strings';

const TEMPLATE = fixtureText('invoice/fa3-all-text.xml');
const MARKER = /@@(TEXT|MULTI)@@/g;
const PLAIN = 'zwykły tekst';

/** The fixture with marker number k replaced by `fill(k, multiline)`. */
function fillMarkers(fill: (k: number, multiline: boolean) => string): string {
  let k = 0;
  return TEMPLATE.replace(MARKER, (_, kind: string) => fill(k++, kind === 'MULTI'));
}

const MARKER_COUNT = [...TEMPLATE.matchAll(MARKER)].length;
/** The view of the fixture with numbered markers: each marked field shows where its marker lands. */
const NUMBERED = parseInvoice(fillMarkers((k, multi) => `@@${multi ? 'MULTI' : 'TEXT'}${k}@@`));
const NUMBERED_LEAF = /^@@(TEXT|MULTI)(\d+)@@$/;

/**
 * Differences between `got` and what it should be: the numbered view with each marked field replaced by
 * `expected(k, multiline)`. Same keys, same array lengths, same values elsewhere.
 */
function differences(base: unknown, got: unknown, expected: (k: number, multi: boolean) => string, path = '$', out: string[] = []): string[] {
  if (out.length > 5) return out;
  if (typeof base === 'string') {
    const m = NUMBERED_LEAF.exec(base);
    const want = m ? expected(Number(m[2]), m[1] === 'MULTI') : base;
    if (got !== want) out.push(`${path}: ${JSON.stringify(got)?.slice(0, 80)} ≠ ${JSON.stringify(want).slice(0, 80)}`);
  } else if (Array.isArray(base)) {
    if (!Array.isArray(got) || got.length !== base.length) out.push(`${path}: array length changed`);
    else base.forEach((b, i) => differences(b, got[i], expected, `${path}[${i}]`, out));
  } else if (base !== null && typeof base === 'object') {
    const keys = Object.keys(base).sort().join();
    if (got === null || typeof got !== 'object' || Object.keys(got).sort().join() !== keys) out.push(`${path}: keys changed`);
    else for (const [k, v] of Object.entries(base)) differences(v, (got as Record<string, unknown>)[k], expected, `${path}.${k}`, out);
  } else if (got !== base) out.push(`${path}: ${String(got)} ≠ ${String(base)}`);
  return out;
}

function markersIn(view: InvoiceView): number[] {
  const found: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = NUMBERED_LEAF.exec(v);
      if (m) found.push(Number(m[2]));
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(view);
  return found.sort((a, b) => a - b);
}

const ALL = hostileStrings();
const SHORT = ALL.filter((s) => s.length <= LONG_THRESHOLD);
const LONG = ALL.filter((s) => s.length > LONG_THRESHOLD);
const label = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 30)}… (${s.length} units)` : s);

describe('hostile content in every field', () => {
  it('has hundreds of hostile strings, some of them very long', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(200);
    expect(LONG.length).toBeGreaterThanOrEqual(5);
  });

  it('reads every marked field of the fixture exactly once', () => {
    expect(MARKER_COUNT).toBeGreaterThanOrEqual(80);
    expect(markersIn(NUMBERED)).toEqual(Array.from({ length: MARKER_COUNT }, (_, k) => k));
  });

  it.each(SHORT.map((s, i) => [i, label(s), s] as const))('#%i %s in all fields: same structure, sanitised text', (_, __, raw) => {
    const escaped = xmlEscape(raw);
    const view = parseInvoice(fillMarkers(() => escaped));
    expect(differences(NUMBERED, view, (_k, multi) => expectedDisplay(raw, multi))).toEqual([]);
  });

  it.each(LONG.map((s, i) => [i, label(s), s] as const))('long #%i %s, one field at a time', (_, __, raw) => {
    const escaped = xmlEscape(raw);
    for (let field = 0; field < MARKER_COUNT; field++) {
      const view = parseInvoice(fillMarkers((k) => (k === field ? escaped : PLAIN)));
      const diff = differences(NUMBERED, view, (k, multi) => (k === field ? expectedDisplay(raw, multi) : PLAIN));
      expect(diff, `field ${field}`).toEqual([]);
    }
  });

  it('refuses an invoice whose every field holds 100 000 characters as TOO_LARGE', () => {
    const huge = 'A'.repeat(100_000);
    expect(() => parseInvoice(fillMarkers(() => huge))).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', data: expect.objectContaining({ max: MAX_INVOICE_BYTES }) }),
    );
  });

  it('never returns a bidi control, a control character or more than 2 000 units in any string', () => {
    const offending: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string') {
        if (/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(v) || v.length > 2000) {
          offending.push(path);
        }
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const raw of SHORT) walk(parseInvoice(fillMarkers(() => xmlEscape(raw))), label(raw));
    expect(offending).toEqual([]);
  });
});

describe('hostile content in amounts, dates and codes', () => {
  const sample = fixtureText('ksef/sample-fa3-template-subject3.xml');
  const FIELDS = ['P_1', 'P_15', 'P_13_1', 'P_14_1', 'KodWaluty', 'RodzajFaktury', 'P_12', 'P_11', 'P_8B', 'FormaPlatnosci', 'Rola', 'Termin'];
  const put = (raw: string) => {
    const escaped = xmlEscape(raw);
    return FIELDS.reduce((xml, name) => xml.replace(new RegExp(`<${name}>[^<]*</${name}>`, 'g'), () => `<${name}>${escaped}</${name}>`), sample);
  };
  const CASES = SHORT.filter((_, i) => i % 4 === 0);

  it.each(CASES.map((s, i) => [i, label(s), s] as const))('#%i %s: shown as text, with no label and no total', (_, __, raw) => {
    const view = parseInvoice(put(raw));
    const want = expectedDisplay(raw, false);
    expect([view.issueDate, view.totals.gross, view.vatSummary[0]?.net, view.currency, view.kind, view.lines[0]?.rate]).toEqual([
      want,
      want,
      want,
      want,
      want,
      want,
    ]);
    expect([view.kindLabel, view.lines[0]?.rateLabel, view.payment?.methodLabel, view.thirdParties[0]?.roleLabel]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(view.lines).toHaveLength(3);
    for (const text of [
      formatAmount(view.totals.gross, view.currency, 'pl'),
      formatAmount(view.totals.gross, view.currency, 'en'),
      formatQuantity(view.lines[0]!.quantity!, 'pl'),
      formatDate(view.issueDate, 'pl'),
      formatDate(view.issueDate, 'en'),
    ]) {
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/);
      expect(text.length).toBeLessThanOrEqual(2000);
    }
  });
});
