// The KOD I QR code (NOTES §12) read back by jsQR, a decoder apart from the encoder (uqr): every symbol is drawn
// to an RGBA image, with the quiet zone ISO/IEC 18004 requires, and must decode to the exact bytes given.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr, QR_MAX_VERSION, qrToSvgPath } from '../../lib/invoice/qr';
import { verificationLink } from '../../lib/invoice/verification-link';

const SCALE = 4;
const QUIET = 4;

/** An RGBA image of `dark(row, column)` over `size` modules, each SCALE pixels, in a light quiet zone. */
function draw(size: number, dark: (r: number, c: number) => boolean): { pixels: Uint8ClampedArray; width: number } {
  const width = (size + 2 * QUIET) * SCALE;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const [r, c] = [Math.floor(y / SCALE) - QUIET, Math.floor(x / SCALE) - QUIET];
      if (r >= 0 && c >= 0 && r < size && c < size && dark(r, c)) pixels.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { pixels, width };
}

function decode(modules: boolean[][]) {
  const { pixels, width } = draw(modules.length, (r, c) => modules[r]![c]!);
  const read = jsQR(pixels, width, width, { inversionAttempts: 'dontInvert' });
  if (!read) throw new Error('jsQR found no QR code');
  return { bytes: Uint8Array.from(read.binaryData), version: read.version };
}

/**
 * Level and mask from the format information (ISO/IEC 18004 §7.9): 15 bits beside the top-left finder, XORed
 * with 101010000010010; the first two bits are the level (M is 00), the next three the mask. jsQR reads the
 * level but does not report it, so it is read here; the copy by the other two finders must agree.
 */
function formatInfo(modules: boolean[][]): { level: number; mask: number } {
  const n = modules.length;
  const bit = (r: number, c: number): number => (modules[r]![c] ? 1 : 0);
  const first = [0, 1, 2, 3, 4, 5, 7, 8].map((r) => bit(r, 8)).concat([7, 5, 4, 3, 2, 1, 0].map((c) => bit(8, c)));
  const second = Array.from({ length: 8 }, (_, i) => bit(8, n - 1 - i)).concat(Array.from({ length: 7 }, (_, i) => bit(n - 7 + i, 8)));
  expect(second).toEqual(first);
  const word = first.reduce((acc, b, i) => acc | (b << i), 0) ^ 0b101010000010010;
  return { level: word >> 13, mask: (word >> 10) & 7 };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const DOC_LINK = 'https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE';

describe('encodeQr: symbols read back by jsQR', () => {
  const texts = [
    DOC_LINK,
    'https://qr.ksef.mf.gov.pl/invoice/5265877635/31-10-2025/OmE5U9cjvIU6pc3yL3bxV0D96hteDTCwMdB0gaJ5KhM',
    'https://qr-demo.ksef.mf.gov.pl/invoice/6808208874/20-02-2026/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?dodatek=ąęść',
    'KSeF',
    '0123456789',
    'HELLO WORLD',
    '',
    'ż'.repeat(106),
  ];

  it.each(texts.map((t) => [t.length, t]))('a %i-character text reads back as its UTF-8 bytes, at level M', (_, text) => {
    const code = encodeQr(text);
    expect(code.modules).toHaveLength(17 + 4 * code.version);
    expect(formatInfo(code.modules)).toEqual({ level: 0, mask: code.mask });
    const read = decode(code.modules);
    expect(read.version).toBe(code.version);
    expect(read.bytes).toEqual(utf8(text));
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7])('mask %i, when asked for, is used and reads back', (mask) => {
    const code = encodeQr(DOC_LINK, { mask });
    expect(code.mask).toBe(mask);
    expect(formatInfo(code.modules)).toEqual({ level: 0, mask });
    expect(decode(code.modules).bytes).toEqual(utf8(DOC_LINK));
  });

  it('encodes the verification link of a sample invoice in a version of at most 7', async () => {
    const link = await verificationLink({
      environment: 'test',
      sellerNip: '5265877635',
      issueDate: '2025-10-31',
      invoiceHashBase64: 'OmE5U9cjvIU6pc3yL3bxV0D96hteDTCwMdB0gaJ5KhM',
    });
    const code = encodeQr(link);
    expect(code.version).toBeLessThanOrEqual(7);
    expect(new TextDecoder().decode(decode(code.modules).bytes)).toBe(link);
  });

  it('encodes bytes as given, and a lone surrogate as U+FFFD', () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 254, 0x80]);
    expect(decode(encodeQr(bytes).modules).bytes).toEqual(bytes);
    expect(decode(encodeQr('a\uD800b').modules).bytes).toEqual(new Uint8Array([0x61, 0xef, 0xbf, 0xbd, 0x62]));
  });

  // Byte-mode capacities at level M (ISO/IEC 18004 Table 7); at level L 15 bytes would still fit version 1.
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
    expect(formatInfo(code.modules).level).toBe(0);
    expect(decode(code.modules).bytes).toEqual(utf8('a'.repeat(length)));
  });

  it('checks its arguments', () => {
    expect(QR_MAX_VERSION).toBe(10);
    expect(() => encodeQr('a'.repeat(214))).toThrow(new TypeError('"data" is too long for a QR code of version 1–10'));
    expect(() => encodeQr(5 as never)).toThrow(new TypeError('"data" must be a string or a Uint8Array'));
    expect(() => encodeQr('x', { mask: 8 })).toThrow(new TypeError('"options.mask" must be an integer from 0 to 7'));
    expect(() => encodeQr('x', { mask: 1.5 })).toThrow(new TypeError('"options.mask" must be an integer from 0 to 7'));
  });
});

describe('qrToSvgPath', () => {
  it('draws one rectangle per horizontal run of dark modules, offset by the quiet zone', () => {
    expect(qrToSvgPath([[true, true], [false, true]], 1)).toBe('M1 1h2v1h-2zM2 2h1v1h-1z');
    expect(qrToSvgPath([[false]])).toBe('');
  });

  it('draws what VerificationQr shows: its rectangles, filled, read back by jsQR', () => {
    const { modules } = encodeQr(DOC_LINK);
    const d = qrToSvgPath(modules, 0);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const filled = new Set<string>();
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let c = Number(x); c < Number(x) + Number(w); c++) filled.add(`${y},${c}`);
    }
    const { pixels, width } = draw(modules.length, (r, c) => filled.has(`${r},${c}`));
    expect(new TextDecoder().decode(Uint8Array.from(jsQR(pixels, width, width)?.binaryData ?? []))).toBe(DOC_LINK);
  });

  it('checks its arguments', () => {
    expect(() => qrToSvgPath([[true, false]])).toThrow(new TypeError('"modules" must be a square matrix of booleans'));
    expect(() => qrToSvgPath('x' as never)).toThrow(new TypeError('"modules" must be a square matrix of booleans'));
    expect(() => qrToSvgPath([[true]], -1)).toThrow(new TypeError('"margin" must be a non-negative integer'));
  });
});
