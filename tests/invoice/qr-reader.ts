// A QR reader for tests, written apart from lib/invoice/qr.ts from the tables of ISO/IEC 18004: it checks the
// function patterns, decodes format and version information, unmasks, reads the codewords in zigzag order,
// de-interleaves the blocks, verifies every Reed–Solomon block by its syndromes and decodes byte mode.

/** Format information words for level M, masks 0–7 (ISO/IEC 18004 Table C.1). */
export const FORMAT_M = [
  '101010000010010',
  '101000100100101',
  '101111001111100',
  '101101101001011',
  '100010111111001',
  '100000011001110',
  '100111110010111',
  '100101010100000',
];
/** Version information words for versions 7–10 (ISO/IEC 18004 Table D.1). */
export const VERSION_INFO: Record<number, string> = {
  7: '000111110010010100',
  8: '001000010110111100',
  9: '001001101010011001',
  10: '001010010011010011',
};
const ALIGN: Record<number, number[]> = {
  1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46], 10: [6, 28, 50],
};
/** Level M blocks: [EC codewords per block, [blocks, data codewords], …] (ISO/IEC 18004 Table 9). */
const BLOCKS: Record<number, [number, ...[number, number][]]> = {
  1: [10, [1, 16]], 2: [16, [1, 28]], 3: [26, [1, 44]], 4: [18, [2, 32]], 5: [24, [2, 43]],
  6: [16, [4, 27]], 7: [18, [4, 31]], 8: [22, [2, 38], [2, 39]], 9: [22, [3, 36], [2, 37]], 10: [26, [4, 43], [1, 44]],
};
const MASK_TEST: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

function gfMul(a: number, b: number): number {
  let product = 0;
  for (; b > 0; b >>= 1) {
    if (b & 1) product ^= a;
    a <<= 1;
    if (a & 0x100) a ^= 0x11d;
  }
  return product;
}

function syndromesZero(block: number[], ecCount: number): boolean {
  let alpha = 1;
  for (let i = 0; i < ecCount; i++) {
    const value = block.reduce((acc, c) => gfMul(acc, alpha) ^ c, 0);
    if (value !== 0) return false;
    alpha = gfMul(alpha, 2);
  }
  return true;
}

export interface ReadQr {
  version: number;
  mask: number;
  bytes: Uint8Array;
  problems: string[];
}

export function readQr(m: readonly (readonly boolean[])[]): ReadQr {
  const problems: string[] = [];
  const size = m.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10 || m.some((r) => r.length !== size)) {
    return { version, mask: -1, bytes: new Uint8Array(), problems: ['not a square symbol of version 1–10'] };
  }
  const fn = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const expect = (r: number, c: number, dark: boolean, what: string) => {
    fn[r]![c] = true;
    if (m[r]![c] !== dark) problems.push(`${what} at ${r},${c}`);
  };
  for (const [top, left] of [[0, 0], [0, size - 7], [size - 7, 0]]) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const y = top! + r;
        const x = left! + c;
        if (y < 0 || x < 0 || y >= size || x >= size) continue;
        const outerRing = r >= 0 && r <= 6 && c >= 0 && c <= 6 && (r === 0 || r === 6 || c === 0 || c === 6);
        const core = r >= 2 && r <= 4 && c >= 2 && c <= 4;
        expect(y, x, outerRing || core, 'finder');
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    expect(6, i, i % 2 === 0, 'timing row');
    expect(i, 6, i % 2 === 0, 'timing column');
  }
  const centres = ALIGN[version]!;
  const [lo, hi] = [centres[0], centres[centres.length - 1]];
  for (const r of centres) {
    for (const c of centres) {
      if ((r === lo && c === lo) || (r === lo && c === hi) || (r === hi && c === lo)) continue; // under finders
      for (let dr = -2; dr <= 2; dr++) {
        for (let dc = -2; dc <= 2; dc++) expect(r + dr, c + dc, Math.abs(dr) === 2 || Math.abs(dc) === 2 || (dr === 0 && dc === 0), 'alignment');
      }
    }
  }
  expect(size - 8, 8, true, 'dark module');
  // Format information: copy 1 (row 8 left then column 8 up), copy 2 (column 8 bottom, row 8 right).
  const bit = (r: number, c: number) => {
    fn[r]![c] = true;
    return m[r]![c] ? '1' : '0';
  };
  let copy1 = '';
  for (const c of [0, 1, 2, 3, 4, 5, 7, 8]) copy1 += bit(8, c);
  for (const r of [7, 5, 4, 3, 2, 1, 0]) copy1 += bit(r, 8);
  let copy2 = '';
  for (let r = size - 1; r >= size - 7; r--) copy2 += bit(r, 8);
  for (let c = size - 8; c < size; c++) copy2 += bit(8, c);
  if (copy1 !== copy2) problems.push(`format copies differ: ${copy1} ${copy2}`);
  const mask = FORMAT_M.indexOf(copy1);
  if (mask < 0) problems.push(`format ${copy1} is not level M`);
  if (version >= 7) {
    let blockA = '';
    let blockB = '';
    for (let i = 17; i >= 0; i--) {
      blockA += bit(Math.floor(i / 3), size - 11 + (i % 3)); // above the top-right finder
      blockB += bit(size - 11 + (i % 3), Math.floor(i / 3)); // left of the bottom-left finder
    }
    if (blockA !== VERSION_INFO[version] || blockB !== VERSION_INFO[version]) problems.push(`version info ${blockA} ${blockB}`);
  }
  if (mask < 0) return { version, mask, bytes: new Uint8Array(), problems };
  // Zigzag: column pairs from the right, upwards first, skipping the timing column.
  const bits: number[] = [];
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right--;
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k;
      for (const c of [right, right - 1]) {
        if (!fn[r]![c]) bits.push((m[r]![c] ? 1 : 0) ^ (MASK_TEST[mask]!(r, c) ? 1 : 0));
      }
    }
    upward = !upward;
  }
  const codewords: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(parseInt(bits.slice(i, i + 8).join(''), 2));
  const [ecCount, ...groups] = BLOCKS[version]!;
  const sizes = groups.flatMap(([n, d]) => new Array<number>(n).fill(d));
  const blocks = sizes.map(() => [] as number[]);
  let at = 0;
  for (let i = 0; i < Math.max(...sizes); i++) sizes.forEach((d, b) => i < d && blocks[b]!.push(codewords[at++]!));
  const ec = sizes.map(() => [] as number[]);
  for (let i = 0; i < ecCount; i++) ec.forEach((e) => e.push(codewords[at++]!));
  if (codewords.length !== at) problems.push(`${codewords.length} codewords read, ${at} expected`);
  blocks.forEach((b, i) => syndromesZero([...b, ...ec[i]!], ecCount) || problems.push(`block ${i} fails Reed–Solomon`));
  // Byte mode: 0100, count (8 bits below version 10, else 16), bytes, terminator, then 0xEC 0x11 padding.
  const data = blocks.flat();
  const stream = data.map((d) => d.toString(2).padStart(8, '0')).join('');
  if (stream.slice(0, 4) !== '0100') problems.push(`mode ${stream.slice(0, 4)}`);
  const countBits = version < 10 ? 8 : 16;
  const count = parseInt(stream.slice(4, 4 + countBits), 2);
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = parseInt(stream.slice(4 + countBits + 8 * i, 12 + countBits + 8 * i), 2);
  const end = 4 + countBits + 8 * count;
  const tail = stream.slice(end, Math.min(stream.length, end + 4));
  if (/1/.test(tail)) problems.push('terminator is not zero');
  const padStart = Math.ceil((end + tail.length) / 8);
  data.slice(padStart).forEach((p, i) => p !== (i % 2 === 0 ? 0xec : 0x11) && problems.push(`pad byte ${i} is ${p}`));
  return { version, mask, bytes, problems };
}
