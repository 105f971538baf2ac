// A small QR code encoder for the KOD I link (NOTES §12): byte mode, error correction level M, versions 1–10
// (up to 213 bytes, enough for the ~110-character links). Structure per ISO/IEC 18004: data codewords split
// into blocks with Reed–Solomon EC, interleaved, placed in the zigzag order, masked with the pattern of least
// penalty, plus finder, timing and alignment patterns and the BCH-protected format and version information.
import { functionPatterns, placeData } from './qr-layout';
import { applyMask, chooseMask } from './qr-mask';
import { rsEncode } from './qr-reed-solomon';

export interface QrCode {
  version: number;
  mask: number;
  /** modules[row][column]: true is dark. Size 17 + 4·version, without the quiet zone. */
  modules: boolean[][];
}

/** Level M per version: EC codewords per block, and [count, data codewords] for each group of blocks. */
const BLOCKS_M: ReadonlyArray<readonly [number, ...Array<readonly [number, number]>]> = [
  [10, [1, 16]],
  [16, [1, 28]],
  [26, [1, 44]],
  [18, [2, 32]],
  [24, [2, 43]],
  [16, [4, 27]],
  [18, [4, 31]],
  [22, [2, 38], [2, 39]],
  [22, [3, 36], [2, 37]],
  [26, [4, 43], [1, 44]],
];
export const QR_MAX_VERSION = BLOCKS_M.length;

function dataCapacity(version: number): number {
  const [, ...groups] = BLOCKS_M[version - 1]!;
  return groups.reduce((sum, [count, size]) => sum + count * size, 0);
}

function countBits(version: number): number {
  return version < 10 ? 8 : 16;
}

/** The data codewords: mode 0100, length, bytes, terminator, padding to full bytes then 0xEC 0x11 … */
function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, countBits(version));
  for (const b of bytes) put(b, 8);
  const capacity = dataCapacity(version) * 8;
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0));
  for (let pad = 0xec; out.length < capacity / 8; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

/** Splits data into blocks, adds EC to each, and interleaves data then EC codewords column by column. */
function interleave(data: number[], version: number): number[] {
  const [ecLength, ...groups] = BLOCKS_M[version - 1]!;
  const blocks: number[][] = [];
  let offset = 0;
  for (const [count, size] of groups) {
    for (let i = 0; i < count; i++, offset += size) blocks.push(data.slice(offset, offset + size));
  }
  const ec = blocks.map((b) => rsEncode(b, ecLength));
  const out: number[] = [];
  const longest = Math.max(...blocks.map((b) => b.length));
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.length) out.push(b[i]!);
  for (let i = 0; i < ecLength; i++) for (const e of ec) out.push(e[i]!);
  return out;
}

/** Encodes `data` (text as UTF-8, or bytes) in the smallest version (1–10) that holds it at level M. */
export function encodeQr(data: string | Uint8Array, options: { mask?: number } = {}): QrCode {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new TypeError('"data" must be a string or a Uint8Array');
  const { mask } = options;
  if (mask !== undefined && !(Number.isInteger(mask) && mask >= 0 && mask <= 7)) {
    throw new TypeError('"options.mask" must be an integer from 0 to 7');
  }
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let version = 1;
  while (version <= QR_MAX_VERSION && 4 + countBits(version) + 8 * bytes.length > dataCapacity(version) * 8) version++;
  if (version > QR_MAX_VERSION) {
    const max = Math.floor((dataCapacity(QR_MAX_VERSION) * 8 - 4 - countBits(QR_MAX_VERSION)) / 8);
    throw new TypeError(`"data" must be at most ${max} bytes for a QR code of version 1–10`);
  }
  const { modules, reserved } = functionPatterns(version);
  placeData(modules, reserved, interleave(dataCodewords(bytes, version), version));
  const chosen = mask ?? chooseMask(modules, reserved);
  applyMask(modules, reserved, chosen);
  return { version, mask: chosen, modules };
}

/**
 * An SVG path `d` drawing the dark modules as unit squares, offset by a quiet zone of `margin` modules
 * (default 4, as ISO/IEC 18004 requires). Use with viewBox "0 0 (size + 2·margin) (size + 2·margin)".
 */
export function qrToSvgPath(modules: readonly (readonly boolean[])[], margin = 4): string {
  if (!Array.isArray(modules) || modules.some((row) => !Array.isArray(row) || row.length !== modules.length)) {
    throw new TypeError('"modules" must be a square matrix of booleans');
  }
  if (!Number.isInteger(margin) || margin < 0) throw new TypeError('"margin" must be a non-negative integer');
  const parts: string[] = [];
  modules.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++; // one rectangle per horizontal run keeps `d` short
      parts.push(`M${c + margin} ${r + margin}h${end - c + 1}v1h-${end - c + 1}z`);
      c = end;
    }
  });
  return parts.join('');
}
