import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, MAX_DISPLAY_LENGTH, normalizeMultiline, sanitizeDeep, sanitizeForDisplay } from '../../lib/invoice/sanitize';

const SEED = 20260707;
const TRICKY = ['\u202E', '\u2066', '\u200F', '\uD800', '\uDC00', '\u0000', '\r', '\u0085', '\n', 'a', 'ż', '😀'];
const TEXTS = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2500 }),
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 2500 }),
);
const UNSAFE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('sanitizeForDisplay', () => {
  it.each([
    ['plain text', 'Faktura FV/1/2026', 'Faktura FV/1/2026'],
    ['Polish letters and emoji', 'Zażółć 😀👨‍👩‍👧', 'Zażółć 😀👨‍👩‍👧'],
    ['RTL text stays', 'مرحبا שלום', 'مرحبا שלום'],
    ['markup stays as text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['right-to-left override', '\u202Egpj.exe', 'gpj.exe'],
    ['all embeddings and overrides', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef', 'abcdef'],
    ['isolates', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
    ['marks', '\u200Ea\u200Fb\u061Cc', 'abc'],
    ['NUL and C0 controls', 'a\u0000b\u0001c\u001Fd\u000Be\u000Cf', 'abcdef'],
    ['CR', 'a\rb', 'ab'],
    ['DEL and C1 controls (NEL included)', 'a\u007Fb\u0080c\u0085d\u009Fe', 'abcde'],
    ['newline and tab stay', 'a\nb\tc', 'a\nb\tc'],
    ['an escape sequence', '\u001B[31mred\u001B[0m', '[31mred[0m'],
    ['a lone high surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['a lone low surrogate', 'a\uDC00b', 'a\uFFFDb'],
    ['a reversed pair', '\uDE00\uD83D', '\uFFFD\uFFFD'],
    ['zero-width characters stay (they join emoji)', 'a\u200Bb\u200Dc', 'a\u200Bb\u200Dc'],
    ['empty', '', ''],
  ])('%s', (_, input, expected) => {
    expect(sanitizeForDisplay(input)).toBe(expected);
  });

  it.each([
    [1999, 1999, false],
    [2000, 2000, false],
    [2001, 2000, true],
    [100_000, 2000, true],
  ])('caps %i characters at %i (ellipsis: %s)', (length, shown, cut) => {
    const out = sanitizeForDisplay('x'.repeat(length));
    expect(out.length).toBe(shown);
    expect(out.endsWith('…')).toBe(cut);
    expect(MAX_DISPLAY_LENGTH).toBe(2000);
  });

  it('never cuts a surrogate pair in two', () => {
    expect(sanitizeForDisplay(`${'x'.repeat(1998)}😀yy`)).toBe(`${'x'.repeat(1998)}…`);
    expect(sanitizeForDisplay(`${'x'.repeat(1997)}😀yy`)).toBe(`${'x'.repeat(1997)}😀…`);
  });

  it('counts the length after removing what it removes', () => {
    expect(sanitizeForDisplay('a\u202E'.repeat(2000))).toBe('a'.repeat(2000));
    expect(sanitizeForDisplay('\u202E'.repeat(10_000))).toBe('');
  });

  it('takes a smaller limit', () => {
    expect(sanitizeForDisplay('abcdef', 4)).toBe('abc…');
  });

  it.each([
    [() => sanitizeForDisplay(5 as never), '"text" must be a string'],
    [() => sanitizeForDisplay(undefined as never), '"text" must be a string'],
    [() => sanitizeForDisplay('x', 1), '"maxLength" must be an integer of at least 2'],
    [() => sanitizeForDisplay('x', 2.5), '"maxLength" must be an integer of at least 2'],
  ])('checks its arguments (%#)', (call, message) => {
    expect(call).toThrow(new TypeError(message));
  });

  it('leaves nothing unsafe, never exceeds the limit, and is idempotent (property, fixed seed)', () => {
    fc.assert(
      fc.property(TEXTS, (text) => {
        const once = sanitizeForDisplay(text);
        expect(UNSAFE.test(once)).toBe(false);
        expect(once.length).toBeLessThanOrEqual(MAX_DISPLAY_LENGTH);
        expect(sanitizeForDisplay(once)).toBe(once);
      }),
      { seed: SEED, numRuns: 300, verbose: true },
    );
  });
});

describe('whitespace rules of the XML schema', () => {
  it.each([
    ['  a \n\t b  ', 'a b'],
    ['\r\n', ''],
    ['\u00A0a\u00A0', '\u00A0a\u00A0'],
    [`${' '.repeat(100_000)}x${' '.repeat(100_000)}y`, 'x y'],
  ])('collapseWhitespace(%j)', (input, expected) => {
    expect(collapseWhitespace(input)).toBe(expected);
  });

  it.each([
    ['  linia 1\r\nlinia 2\rlinia 3\n  ', 'linia 1\nlinia 2\nlinia 3'],
    [`${' '.repeat(100_000)}x${' '.repeat(100_000)}y`, `x${' '.repeat(100_000)}y`],
  ])('normalizeMultiline(%#)', (input, expected) => {
    expect(normalizeMultiline(input)).toBe(expected);
  });
});

describe('sanitizeDeep', () => {
  it('sanitises every string, keeps numbers and booleans, drops undefined', () => {
    expect(sanitizeDeep({ a: '\u202Ex', b: [1, true, 'y\u0000'], c: undefined, d: { e: 'z' } })).toEqual({
      a: 'x',
      b: [1, true, 'y'],
      d: { e: 'z' },
    });
  });
});
