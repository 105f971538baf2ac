import { describe, expect, it } from 'vitest';
import { encodeQr, qrToSvgPath, verificationLink } from '../../lib/invoice';
import { formatBits, penalty } from '../../lib/invoice/qr-mask';
import { rsEncode, rsSyndromes } from '../../lib/invoice/qr-reed-solomon';
import { versionBits } from '../../lib/invoice/qr-layout';
import { fixtureText } from './fixtures';
import { FORMAT_M, readQr, VERSION_INFO } from './qr-reader';

interface Vector {
  text: string;
  version: number;
  mask: number;
  rows: string[];
}
const VECTORS = (JSON.parse(fixtureText('invoice/qr-vectors.json')) as { vectors: Vector[] }).vectors;
const rows = (modules: boolean[][]) => modules.map((r) => r.map((d) => (d ? '#' : '.')).join(''));

describe('QR encoder: known vectors', () => {
  it.each(VECTORS.map((v) => [v.text.length, v.version, v.mask, v] as const))(
    '%i bytes, version %i, mask %i: the same modules as an independent encoder',
    (_, version, mask, vector) => {
      const code = encodeQr(vector.text, { mask });
      expect(code.version).toBe(version);
      expect(rows(code.modules)).toEqual(vector.rows);
    },
  );

  it('computes the Reed–Solomon codewords of the 1-M "HELLO WORLD" example', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    const ec = rsEncode(data, 10);
    expect(ec).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    expect(rsSyndromes([...data, ...ec], 10)).toEqual(new Array(10).fill(0));
    expect(rsSyndromes([...data, ...ec.slice(0, 9), ec[9]! ^ 1], 10).some((s) => s !== 0)).toBe(true);
  });

  it.each(FORMAT_M.map((word, mask) => [mask, word]))('format information for level M, mask %i is %s', (mask, word) => {
    expect(formatBits(mask).toString(2).padStart(15, '0')).toBe(word);
  });

  it.each(Object.entries(VERSION_INFO).map(([v, word]) => [Number(v), word]))('version information for version %i is %s', (v, word) => {
    expect(versionBits(v).toString(2).padStart(18, '0')).toBe(word);
  });
});

describe('QR encoder: symbols read back', () => {
  const links = [
    'https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
    'https://qr.ksef.mf.gov.pl/invoice/5265877635/31-10-2025/OmE5U9cjvIU6pc3yL3bxV0D96hteDTCwMdB0gaJ5KhM',
    'https://qr-demo.ksef.mf.gov.pl/invoice/6808208874/20-02-2026/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?dodatek=ąęść',
    'KSeF',
    '',
    'ż'.repeat(106),
  ];

  it.each(links.map((l) => [l.length, l]))('a %i-character text reads back with valid patterns, format, version and EC', (_, text) => {
    const code = encodeQr(text);
    const read = readQr(code.modules);
    expect(read.problems).toEqual([]);
    expect([read.version, read.mask]).toEqual([code.version, code.mask]);
    expect(new TextDecoder().decode(read.bytes)).toBe(text);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7])('mask %i reads back', (mask) => {
    const text = links[0]!;
    const read = readQr(encodeQr(text, { mask }).modules);
    expect(read.problems).toEqual([]);
    expect(read.mask).toBe(mask);
    expect(new TextDecoder().decode(read.bytes)).toBe(text);
  });

  it('encodes the verification link of a sample invoice', async () => {
    const link = await verificationLink({
      environment: 'test',
      sellerNip: '5265877635',
      issueDate: '2025-10-31',
      invoiceHashBase64: 'OmE5U9cjvIU6pc3yL3bxV0D96hteDTCwMdB0gaJ5KhM',
    });
    const code = encodeQr(link);
    expect(code.version).toBeLessThanOrEqual(7);
    expect(new TextDecoder().decode(readQr(code.modules).bytes)).toBe(link);
  });

  it('encodes bytes as given', () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 254, 0x80]);
    expect(Array.from(readQr(encodeQr(bytes).modules).bytes)).toEqual([0, 1, 2, 255, 254, 0x80]);
  });

  it.each([
    [14, 1],
    [15, 2],
    [106, 6],
    [107, 7],
    [122, 7],
    [123, 8],
    [213, 10],
  ])('%i bytes need version %i at level M', (length, version) => {
    const code = encodeQr('a'.repeat(length));
    expect(code.version).toBe(version);
    expect(code.modules).toHaveLength(17 + 4 * version);
    expect(readQr(code.modules).problems).toEqual([]);
  });

  it('chooses the mask with the lowest penalty', () => {
    const text = links[1]!;
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr(text, { mask }).modules));
    expect(scores[encodeQr(text).mask]).toBe(Math.min(...scores));
  });

  it('checks its arguments', () => {
    expect(() => encodeQr('a'.repeat(214))).toThrow(new TypeError('"data" must be at most 213 bytes for a QR code of version 1–10'));
    expect(() => encodeQr(5 as never)).toThrow(new TypeError('"data" must be a string or a Uint8Array'));
    expect(() => encodeQr('x', { mask: 8 })).toThrow(new TypeError('"options.mask" must be an integer from 0 to 7'));
  });
});

describe('QR mask penalty', () => {
  const grid = (lines: string[]) => lines.map((l) => [...l].map((ch) => ch === '#'));

  it('scores an all-dark 21×21 symbol by runs, blocks and balance', () => {
    // Rule 1: 42 lines × (3 + 16); rule 2: 20 × 20 blocks × 3; rule 4: 100% dark → 10 steps of 5% × 10.
    expect(penalty(grid(new Array(21).fill('#'.repeat(21))))).toBe(42 * 19 + 1200 + 100);
  });

  it('scores a checkerboard only by the finder-like pattern rule: none, and perfect balance', () => {
    const lines = Array.from({ length: 21 }, (_, r) => Array.from({ length: 21 }, (_, c) => ((r + c) % 2 ? '#' : '.')).join(''));
    expect(penalty(grid(lines))).toBe(0);
  });

  it('finds the 1:1:3:1:1 pattern with four light modules beside it', () => {
    const base = Array.from({ length: 21 }, (_, r) => Array.from({ length: 21 }, (_, c) => ((r + c) % 2 ? '#' : '.')).join(''));
    const withPattern = [...base];
    withPattern[10] = '#.###.#....' + base[10]!.slice(11);
    expect(penalty(grid(withPattern)) - penalty(grid(base))).toBeGreaterThanOrEqual(40);
  });
});

describe('qrToSvgPath', () => {
  it('draws one rectangle per horizontal run of dark modules, offset by the quiet zone', () => {
    expect(qrToSvgPath([[true, true], [false, true]], 1)).toBe('M1 1h2v1h-2zM2 2h1v1h-1z');
    expect(qrToSvgPath([[false]])).toBe('');
  });

  it('is made only of path commands and numbers', () => {
    const d = qrToSvgPath(encodeQr(VECTORS[1]!.text).modules);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });

  it('checks its arguments', () => {
    expect(() => qrToSvgPath([[true, false]])).toThrow(new TypeError('"modules" must be a square matrix of booleans'));
    expect(() => qrToSvgPath('x' as never)).toThrow(new TypeError('"modules" must be a square matrix of booleans'));
    expect(() => qrToSvgPath([[true]], -1)).toThrow(new TypeError('"margin" must be a non-negative integer'));
  });
});
