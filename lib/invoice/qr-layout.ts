// QR symbol layout (ISO/IEC 18004 §6.3, §7.7): finder, separator, timing and alignment patterns, the areas
// kept for format and version information, and the zigzag placement of codeword bits around them.
import { bchCode } from './qr-mask';

/** Centres of the alignment patterns, versions 1–10 (ISO/IEC 18004 Annex E). */
const ALIGNMENT: readonly (readonly number[])[] = [
  [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
];

/** Light symbol of `version` with its function patterns drawn; `reserved` marks them (and the format areas). */
export function functionPatterns(version: number): { modules: boolean[][]; reserved: boolean[][] } {
  const size = 17 + 4 * version;
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (r: number, c: number, dark: boolean) => {
    if (r < 0 || c < 0 || r >= size || c >= size) return;
    modules[r]![c] = dark;
    reserved[r]![c] = true;
  };
  for (const [r0, c0] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3)); // 0–1 centre, 2 light, 3 dark, 4 separator
        set(r0 + r, c0 + c, ring !== 2 && ring !== 4);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const centres = ALIGNMENT[version - 1]!;
  const [first, last] = [centres[0], centres[centres.length - 1]];
  for (const r of centres) {
    for (const c of centres) {
      if ((r === first && (c === first || c === last)) || (r === last && c === first)) continue; // finder corners
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  }
  // Format information areas (filled per mask later), the dark module, and version information.
  for (let i = 0; i < 9; i++) (reserved[8]![i] = true), (reserved[i]![8] = true);
  for (let i = 0; i < 8; i++) (reserved[8]![size - 1 - i] = true), (reserved[size - 1 - i]![8] = true);
  set(size - 8, 8, true);
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(b, a, dark);
      set(a, b, dark);
    }
  }
  return { modules, reserved };
}

/** BCH(18,6) version information (ISO/IEC 18004 Annex D): generator x^12+x^11+x^10+x^9+x^8+x^5+x^2+1. */
export function versionBits(version: number): number {
  return bchCode(version, 0x1f25, 12);
}

/** Places codeword bits in the two-column zigzag from the bottom-right corner, skipping function modules. */
export function placeData(modules: boolean[][], reserved: boolean[][], codewords: number[]): void {
  const size = modules.length;
  let bit = 0;
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // the vertical timing pattern takes column 6
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (const col of [right, right - 1]) {
        if (reserved[row]![col]) continue;
        const byte = codewords[bit >>> 3];
        modules[row]![col] = byte !== undefined && ((byte >>> (7 - (bit & 7))) & 1) === 1;
        bit++; // remainder bits beyond the last codeword stay light
      }
    }
    upward = !upward;
  }
}

