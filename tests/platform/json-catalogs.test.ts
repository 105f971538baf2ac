import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asciiOnly, catalogModule } from '../../lib/platform/json-catalogs';

describe('catalogModule (issue 15: catalogs as JSON.parse of one string)', () => {
  it('is one JSON.parse of the catalog, giving back the same object', async () => {
    const json = readFileSync('lib/i18n/catalog/worker.pl.json', 'utf8');
    const code = catalogModule(json);
    expect(code).toMatch(/^export default \/\* @__PURE__ \*\/ JSON\.parse\("/);
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const mod = (await import(/* @vite-ignore */ url)) as { default: unknown };
    expect(mod.default).toEqual(JSON.parse(json));
  });

  it('fails the build on a broken catalog', () => {
    expect(() => catalogModule('{"a": ')).toThrow(SyntaxError);
  });
});

describe('asciiOnly (issue 15: the worker bundle stays a one-byte script)', () => {
  it('escapes every non-ASCII character so literals keep their value', () => {
    const code = 'const a = `Zażółć gęślą jaźń – 😀`; const r = /^[ąĄ]+$/u; globalThis.__kp = [a, r.test("ąĄ")];';
    const out = asciiOnly(code);
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    expect(out).toContain('\\u017c');
    new Function(out)();
    expect((globalThis as { __kp?: unknown }).__kp).toEqual(['Zażółć gęślą jaźń – 😀', true]);
  });
});
