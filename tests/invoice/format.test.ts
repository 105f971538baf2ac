import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, isDecimal } from '../../lib/invoice/decimal';
import { formatAmount, formatDate, formatQuantity } from '../../lib/invoice/format';

const NBSP = '\u00A0';
const SEED = 4242;

describe('formatAmount', () => {
  it.each([
    ['1234.56', 'PLN', 'pl', `1${NBSP}234,56${NBSP}zł`],
    ['1234.5', 'PLN', 'pl', `1${NBSP}234,50${NBSP}zł`],
    ['0.5', 'PLN', 'pl', `0,50${NBSP}zł`],
    ['999', 'PLN', 'pl', `999,00${NBSP}zł`],
    ['-20.41', 'PLN', 'pl', `-20,41${NBSP}zł`],
    ['-0.00', 'PLN', 'pl', `0,00${NBSP}zł`],
    ['+5', 'PLN', 'pl', `5,00${NBSP}zł`],
    ['007.5', 'PLN', 'pl', `7,50${NBSP}zł`],
    // 18 significant digits: a float would print …567,90 or worse; the string keeps every digit.
    ['1234567890123456.78', 'PLN', 'pl', `1${NBSP}234${NBSP}567${NBSP}890${NBSP}123${NBSP}456,78${NBSP}zł`],
    ['10.12345678', 'PLN', 'pl', `10,12345678${NBSP}zł`],
    ['10.10000000', 'PLN', 'pl', `10,10${NBSP}zł`],
    ['1230.00', 'EUR', 'pl', `1${NBSP}230,00${NBSP}€`],
    ['1230.00', 'USD', 'pl', `1${NBSP}230,00${NBSP}USD`],
    ['1000', 'EUR', 'en', '€1,000.00'],
    ['1234.5', 'PLN', 'en', `PLN${NBSP}1,234.50`],
    ['-1234.5', 'GBP', 'en', '-£1,234.50'],
    ['12', 'XYZ', 'pl', `12,00${NBSP}XYZ`],
    ['12', '', 'pl', '12,00'],
    ['12', 'złote<b>', 'pl', `12,00${NBSP}złote<b>`],
    ['12', '\u202EPLN', 'pl', `12,00${NBSP}zł`],
  ])('%s %s (%s) → %j', (value, currency, lang, expected) => {
    expect(formatAmount(value, currency, lang as 'pl' | 'en')).toBe(expected);
  });

  it.each([['dużo'], ['1,5'], ['1e3'], ['12.'], ['.5'], ['\u202E100'], ['']])('shows %j, which is not a decimal, as text', (value) => {
    expect(formatAmount(value, 'PLN', 'pl')).toBe(value.replace('\u202E', ''));
  });

  it('formats 100 000 digits without hanging and caps the result', () => {
    const out = formatAmount('9'.repeat(100_000), 'PLN', 'pl');
    expect(out.length).toBe(2000);
    expect(out.startsWith(`9${NBSP}999${NBSP}999`)).toBe(true); // 100 000 = 3·33 333 + 1
  });

  it.each([
    [() => formatAmount(12 as never, 'PLN', 'pl'), '"value" must be a string'],
    [() => formatAmount('12', 'PLN', 'de' as never), '"lang" must be "pl" or "en"'],
    [() => formatAmount('12', undefined as never, 'pl'), '"currency" must be a string'],
  ])('checks its arguments (%#)', (call, message) => {
    expect(call).toThrow(new TypeError(message));
  });
});

describe('formatQuantity', () => {
  it.each([
    ['1234.500', 'pl', `1${NBSP}234,500`],
    ['20.00', 'en', '20.00'],
    ['1', 'pl', '1'],
    ['-3.5', 'pl', '-3,5'],
    ['kilka', 'pl', 'kilka'],
  ])('%s (%s) → %j', (value, lang, expected) => {
    expect(formatQuantity(value, lang as 'pl' | 'en')).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-10-31', 'pl', '31.10.2025'],
    ['2025-10-31', 'en', '31 Oct 2025'],
    ['2026-01-05', 'pl', '05.01.2026'],
    ['2024-02-29', 'pl', '29.02.2024'],
    // Winter time (UTC+1) and summer time (UTC+2) in Poland.
    ['2026-03-22T03:27:54.0792168Z', 'pl', '22.03.2026 04:27'],
    ['2026-07-01T22:30:00Z', 'pl', '02.07.2026 00:30'],
    ['2026-02-20T10:30:00+01:00', 'en', '20 Feb 2026, 10:30'],
    ['2026-02-20T10:30:00', 'pl', '20.02.2026 10:30'],
    ['2025-02-29', 'pl', '2025-02-29'],
    ['2025-13-01', 'pl', '2025-13-01'],
    ['2025-10-31T25:00:00Z', 'pl', '2025-10-31T25:00:00Z'],
    ['jutro', 'pl', 'jutro'],
    ['\u202E2025-10-31', 'pl', '2025-10-31'],
  ])('%s (%s) → %j', (iso, lang, expected) => {
    expect(formatDate(iso, lang as 'pl' | 'en')).toBe(expected);
  });

  it('shows a date-time in the time zone it is given', () => {
    expect(formatDate('2026-02-20T10:30:00+01:00', 'pl', 'UTC')).toBe('20.02.2026 09:30');
    expect(() => formatDate('2026-02-20T10:30:00Z', 'pl', 'Mars/Olympus')).toThrow(
      new TypeError('"timeZone" must be an IANA time zone such as Europe/Warsaw'),
    );
  });
});

describe('decimal strings', () => {
  it.each([
    [['27292.28', '6277.22'], '33569.50'],
    [['-20.41', '100.00'], '79.59'],
    [['1000', '0.5'], '1000.50'],
    [['0.12345678', '1'], '1.12345678'],
    [['-1', '1'], '0.00'],
    [['-0.01'], '-0.01'],
    [[], '0.00'],
    [['999999999999999999.99', '0.01'], '1000000000000000000.00'],
    [['12', 'dużo'], undefined],
  ])('addDecimals(%j) → %j', (values, expected) => {
    expect(addDecimals(values)).toBe(expected);
  });

  it.each([
    ['12', true],
    ['-12.50', true],
    ['+1.0', true],
    ['1e3', false],
    ['1,5', false],
    ['', false],
    ['NaN', false],
  ])('isDecimal(%j) → %s', (value, expected) => {
    expect(isDecimal(value)).toBe(expected);
  });

  it('adds exactly like integer arithmetic on cents (property, fixed seed)', () => {
    const cents = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
    const toText = (c: bigint) => `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 20 }), (values) => {
        expect(addDecimals(values.map(toText))).toBe(toText(values.reduce((a, b) => a + b, 0n)));
      }),
      { seed: SEED, numRuns: 300, verbose: true },
    );
  });
});
