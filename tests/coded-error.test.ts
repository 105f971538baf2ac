import { describe, expect, it } from 'vitest';
import { hasErrorShape } from '../lib/coded-error';

describe('hasErrorShape', () => {
  const codes = ['WRONG_PASSWORD', 9105] as const;
  it.each([
    ['an error of that name and a known code', { name: 'PkiError', code: 'WRONG_PASSWORD' }, true],
    ['a numeric code of the union', { name: 'PkiError', code: 9105 }, true],
    ['a plain object after a message round trip', JSON.parse(JSON.stringify({ name: 'PkiError', code: 'WRONG_PASSWORD' })), true],
    ['another name', { name: 'AuthError', code: 'WRONG_PASSWORD' }, false],
    ['an unknown code', { name: 'PkiError', code: 'NOPE' }, false],
    ['a code of the wrong type', { name: 'PkiError', code: ['WRONG_PASSWORD'] }, false],
    ['null', null, false],
    ['a string', 'PkiError', false],
  ])('%s → %s', (_label, value, expected) => {
    expect(hasErrorShape(value, 'PkiError', codes)).toBe(expected);
  });
});
