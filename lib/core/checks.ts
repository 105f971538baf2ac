// Argument checks for public functions, as jose's lib/type_checks.ts: a wrong argument is a programming error,
// so it is a TypeError naming the argument and what it must be, never a coded error meant for the user.

/** A non-empty string of at most `max` characters (ids, keys). */
export function checkId(name: string, value: unknown, max = 200): asserts value is string {
  if (typeof value !== 'string' || value === '' || value.length > max) {
    throw new TypeError(`"${name}" must be a non-empty string of at most ${max} characters`);
  }
}

/** An integer from 1 to `max` (page sizes, counts, timeouts). */
export function checkCount(name: string, value: unknown, max: number): asserts value is number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new TypeError(`"${name}" must be an integer from 1 to ${max}`);
  }
}

/** `value` once checkCount accepts it: for option defaults written inline. */
export function positiveInt(name: string, value: unknown, max: number): number {
  checkCount(name, value, max);
  return value;
}
