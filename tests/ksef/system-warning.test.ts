import { describe, expect, it } from 'vitest';
import { parseSystemWarnings } from '../../lib/ksef/system-warning';

const OP = 'POST /auth/xades-signature';

describe('parseSystemWarnings (openapi components SystemWarning)', () => {
  it.each<[string, string, { code: string | null; message: string }[]]>([
    ['one warning', '[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES', [{ code: 'sig-001', message: 'Format podpisu niezgodny z akceptowanymi profilami XAdES' }]],
    ['two warnings', '[a-1]: pierwsze | [b-2]: drugie', [{ code: 'a-1', message: 'pierwsze' }, { code: 'b-2', message: 'drugie' }]],
    ['text outside the format', 'Uwaga: cos nie tak', [{ code: null, message: 'Uwaga: cos nie tak' }]],
    ['control characters', '[x]: a\u0000b', [{ code: 'x', message: 'a b' }]],
    ['an empty header', '   ', []],
  ])('%s', (_name, header, expected) => {
    expect(parseSystemWarnings(header, OP)).toEqual(expected.map((w) => ({ ...w, operation: OP })));
  });

  it('bounds what it keeps', () => {
    const many = Array.from({ length: 30 }, (_, i) => `[c${i}]: ${'x'.repeat(2000)}`).join(' | ');
    const out = parseSystemWarnings(many, OP);
    expect(out).toHaveLength(10);
    expect(out.every((w) => w.message.length === 500)).toBe(true);
  });

  it('checks its argument', () => {
    expect(() => parseSystemWarnings(undefined as never, OP)).toThrow(new TypeError('"header" must be a string'));
  });
});
