// lib/core/checks.ts: argument checks throw a TypeError naming the argument.
import { describe, expect, it } from 'vitest';
import { checkCount, checkId, positiveInt } from '../../lib/core/checks';

describe('argument checks', () => {
  it.each(['', 'x'.repeat(201), 5, undefined])('checkId refuses %j', (value) => {
    expect(() => checkId('profileId', value)).toThrow(new TypeError('"profileId" must be a non-empty string of at most 200 characters'));
  });

  it.each([0, 11, 1.5, '3', Number.NaN])('checkCount refuses %j', (value) => {
    expect(() => checkCount('limit', value, 10)).toThrow(new TypeError('"limit" must be an integer from 1 to 10'));
  });

  it('passes good values through', () => {
    expect(() => checkId('id', 'p1')).not.toThrow();
    expect(positiveInt('maxAttempts', 3, 10)).toBe(3);
  });
});
