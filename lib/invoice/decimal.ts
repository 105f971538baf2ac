// Money arithmetic on decimal strings (FA amounts are xsd:decimal with up to 2, prices up to 8, quantities up
// to 6 fraction digits). BigInt keeps every digit: a float would round 18-digit amounts.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parts of a decimal string: sign, integer digits without leading zeros, fraction digits as written. */
export function parseDecimal(value: string): { negative: boolean; integer: string; fraction: string } | undefined {
  const m = DECIMAL.exec(value.trim());
  if (!m) return undefined;
  const integer = m[2]!.replace(/^0+(?=\d)/, '');
  const fraction = m[3] ?? '';
  const zero = /^0*$/.test(integer + fraction);
  return { negative: m[1] === '-' && !zero, integer, fraction };
}

export function isDecimal(value: string): boolean {
  return parseDecimal(value) !== undefined;
}

/**
 * The exact sum of decimal strings, with as many fraction digits as the most precise term (at least 2),
 * or undefined when a term is not a decimal number.
 */
export function addDecimals(values: readonly string[]): string | undefined {
  const parts = values.map(parseDecimal);
  if (parts.some((p) => p === undefined)) return undefined;
  const scale = Math.max(2, ...parts.map((p) => p!.fraction.length));
  let sum = 0n;
  for (const p of parts) {
    const units = BigInt(p!.integer + p!.fraction.padEnd(scale, '0'));
    sum += p!.negative ? -units : units;
  }
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
