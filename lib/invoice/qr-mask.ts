// QR data masking and format information (ISO/IEC 18004 §7.8 and §7.9): the eight mask patterns, the four
// penalty rules used to choose one, and the BCH(15,5) format word that tells the reader level M and the mask.

const MASKS: ReadonlyArray<(r: number, c: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];
/** Error correction level M is coded 00 in the format information. */
const LEVEL_M = 0b00;

/** `data` followed by the remainder of data·x^degree divided by `generator` (both as bit strings). */
export function bchCode(data: number, generator: number, degree: number): number {
  let rem = data << degree;
  for (let bit = 31 - Math.clz32(rem); bit >= degree; bit--) {
    if ((rem >>> bit) & 1) rem ^= generator << (bit - degree);
  }
  return (data << degree) | rem;
}

/** The 15 format bits for level M and `mask`: BCH(15,5) with generator 0x537, XORed with 0x5412. */
export function formatBits(mask: number): number {
  return bchCode((LEVEL_M << 3) | mask, 0x537, 10) ^ 0x5412;
}

function drawFormat(modules: boolean[][], mask: number): void {
  const size = modules.length;
  const bits = formatBits(mask);
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  // Copy 1 around the top-left finder: bits 0–7 down column 8 (skipping the timing row), 8–14 along row 8.
  for (let i = 0; i < 6; i++) modules[i]![8] = bit(i);
  modules[7]![8] = bit(6);
  modules[8]![8] = bit(7);
  modules[8]![7] = bit(8);
  for (let i = 9; i < 15; i++) modules[8]![14 - i] = bit(i);
  // Copy 2: bits 0–7 along row 8 from the right edge, bits 8–14 up column 8 from the bottom edge.
  for (let i = 0; i < 8; i++) modules[8]![size - 1 - i] = bit(i);
  for (let i = 8; i < 15; i++) modules[size - 15 + i]![8] = bit(i);
}

/** XORs mask `mask` onto the data modules and writes the matching format information. */
export function applyMask(modules: boolean[][], reserved: boolean[][], mask: number): void {
  const pattern = MASKS[mask]!;
  for (let r = 0; r < modules.length; r++) {
    for (let c = 0; c < modules.length; c++) if (!reserved[r]![c] && pattern(r, c)) modules[r]![c] = !modules[r]![c];
  }
  drawFormat(modules, mask);
}

function linePenalty(line: readonly boolean[]): number {
  let score = 0;
  for (let i = 0; i < line.length; ) {
    let j = i;
    while (j < line.length && line[j] === line[i]) j++;
    if (j - i >= 5) score += 3 + (j - i - 5); // rule 1: runs of five or more
    i = j;
  }
  // Rule 3: 1:1:3:1:1 finder-like pattern with four light modules on either side (outside counts as light).
  const s = `0000${line.map((d) => (d ? '1' : '0')).join('')}0000`;
  for (const pattern of ['00001011101', '10111010000']) {
    for (let at = s.indexOf(pattern); at !== -1; at = s.indexOf(pattern, at + 1)) score += 40;
  }
  return score;
}

/** The penalty of a finished symbol under the four rules of ISO/IEC 18004 §7.8.3. */
export function penalty(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  let score = 0;
  let dark = 0;
  for (let i = 0; i < size; i++) {
    score += linePenalty(modules[i]!) + linePenalty(modules.map((row) => row[i]!));
  }
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = modules[r]![c];
      if (v) dark++;
      if (r + 1 < size && c + 1 < size && v === modules[r]![c + 1] && v === modules[r + 1]![c] && v === modules[r + 1]![c + 1]) {
        score += 3; // rule 2: 2×2 blocks of one colour
      }
    }
  }
  return score + 10 * Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5); // rule 4: dark balance
}

/** The mask (0–7) that gives the lowest penalty; the first one on a tie. */
export function chooseMask(modules: boolean[][], reserved: boolean[][]): number {
  let best = 0;
  let bestScore = Infinity;
  for (let mask = 0; mask < MASKS.length; mask++) {
    const trial = modules.map((row) => row.slice());
    applyMask(trial, reserved, mask);
    const score = penalty(trial);
    if (score < bestScore) (best = mask), (bestScore = score);
  }
  return best;
}
