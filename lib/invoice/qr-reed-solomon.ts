// Reed–Solomon error correction over GF(256) as QR codes use it (ISO/IEC 18004 §7.5.2): field polynomial
// x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator polynomial ∏ (x − α^i) for i = 0 … degree − 1.

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}

export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/** α^i in GF(256). */
export function gfPow(i: number): number {
  return EXP[i % 255]!;
}

/** Coefficients of the generator polynomial of `degree`, highest power first (the leading 1 included). */
export function rsGenerator(degree: number): number[] {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j]! ^= poly[j]!; // × x
      next[j + 1]! ^= gfMultiply(poly[j]!, gfPow(i)); // × α^i
    }
    poly = next;
  }
  return poly;
}

/** The `degree` error-correction codewords of `data`: the remainder of data·x^degree divided by the generator. */
export function rsEncode(data: readonly number[], degree: number): number[] {
  const gen = rsGenerator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    for (let j = 0; j < degree; j++) remainder[j]! ^= gfMultiply(gen[j + 1]!, factor);
  }
  return remainder;
}

/** Syndromes of a block (data then EC codewords): all zero when the block is a valid codeword. */
export function rsSyndromes(block: readonly number[], degree: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < degree; i++) {
    let value = 0;
    for (const c of block) value = gfMultiply(value, gfPow(i)) ^ c; // Horner at α^i
    out.push(value);
  }
  return out;
}
