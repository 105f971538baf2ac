// SHA-384 and SHA-512 (FIPS 180-4) in plain JS on 32-bit halves, for the PKCS#12 MAC key derivation
// with `-macalg sha384/sha512` (see sha1.ts for why that needs a synchronous hash).

// Round constants: the first 64 bits of the fractional parts of the cube roots of the first 80 primes.
const K = Uint32Array.from(
  (
    '428a2f98d728ae22 7137449123ef65cd b5c0fbcfec4d3b2f e9b5dba58189dbbc 3956c25bf348b538 59f111f1b605d019 ' +
    '923f82a4af194f9b ab1c5ed5da6d8118 d807aa98a3030242 12835b0145706fbe 243185be4ee4b28c 550c7dc3d5ffb4e2 ' +
    '72be5d74f27b896f 80deb1fe3b1696b1 9bdc06a725c71235 c19bf174cf692694 e49b69c19ef14ad2 efbe4786384f25e3 ' +
    '0fc19dc68b8cd5b5 240ca1cc77ac9c65 2de92c6f592b0275 4a7484aa6ea6e483 5cb0a9dcbd41fbd4 76f988da831153b5 ' +
    '983e5152ee66dfab a831c66d2db43210 b00327c898fb213f bf597fc7beef0ee4 c6e00bf33da88fc2 d5a79147930aa725 ' +
    '06ca6351e003826f 142929670a0e6e70 27b70a8546d22ffc 2e1b21385c26c926 4d2c6dfc5ac42aed 53380d139d95b3df ' +
    '650a73548baf63de 766a0abb3c77b2a8 81c2c92e47edaee6 92722c851482353b a2bfe8a14cf10364 a81a664bbc423001 ' +
    'c24b8b70d0f89791 c76c51a30654be30 d192e819d6ef5218 d69906245565a910 f40e35855771202a 106aa07032bbd1b8 ' +
    '19a4c116b8d2d0c8 1e376c085141ab53 2748774cdf8eeb99 34b0bcb5e19b48a8 391c0cb3c5c95a63 4ed8aa4ae3418acb ' +
    '5b9cca4f7763e373 682e6ff3d6b2b8a3 748f82ee5defb2fc 78a5636f43172f60 84c87814a1f0ab72 8cc702081a6439ec ' +
    '90befffa23631e28 a4506cebde82bde9 bef9a3f7b2c67915 c67178f2e372532b ca273eceea26619c d186b8c721c0c207 ' +
    'eada7dd6cde0eb1e f57d4f7fee6ed178 06f067aa72176fba 0a637dc5a2c898a6 113f9804bef90dae 1b710b35131c471b ' +
    '28db77f523047d84 32caab7b40c72493 3c9ebe0a15c9bebc 431d67c49c100d4c 4cc5d4becb3e42b6 597f299cfc657e2a ' +
    '5fcb6fab3ad6faec 6c44198c4a475817'
  )
    .split(' ')
    .flatMap((x) => [parseInt(x.slice(0, 8), 16), parseInt(x.slice(8), 16)]),
);
const IV512 = [
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
  0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
];
const IV384 = [
  0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
  0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
];

// 64-bit words as [hi, lo] pairs in flat Uint32Arrays; rotr/shr return into module scratch (hi, lo).
let H = 0;
let L = 0;
function rotr(hi: number, lo: number, n: number): void {
  if (n < 32) { H = (hi >>> n) | (lo << (32 - n)); L = (lo >>> n) | (hi << (32 - n)); }
  else { H = (lo >>> (n - 32)) | (hi << (64 - n)); L = (hi >>> (n - 32)) | (lo << (64 - n)); }
}
function sigma(hi: number, lo: number, a: number, b: number, c: number, shift: boolean): void {
  rotr(hi, lo, a); let h = H, l = L;
  rotr(hi, lo, b); h ^= H; l ^= L;
  if (shift) { h ^= hi >>> c; l ^= (lo >>> c) | (hi << (32 - c)); } else { rotr(hi, lo, c); h ^= H; l ^= L; }
  H = h >>> 0; L = l >>> 0;
}

function digest(data: Uint8Array, iv: number[], outBytes: number): Uint8Array {
  const blocks = Math.ceil((data.length + 17) / 128);
  const m = new Uint8Array(blocks * 128);
  m.set(data);
  m[data.length] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(m.length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(m.length - 4, (data.length * 8) >>> 0);
  const h = Uint32Array.from(iv);
  const w = new Uint32Array(160);
  const s = new Uint32Array(16);
  for (let off = 0; off < m.length; off += 128) {
    for (let i = 0; i < 32; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) {
      sigma(w[(i - 15) * 2]!, w[(i - 15) * 2 + 1]!, 1, 8, 7, true); const s0h = H, s0l = L;
      sigma(w[(i - 2) * 2]!, w[(i - 2) * 2 + 1]!, 19, 61, 6, true);
      const lo = s0l + L + w[(i - 7) * 2 + 1]! + w[(i - 16) * 2 + 1]!;
      w[i * 2] = s0h + H + w[(i - 7) * 2]! + w[(i - 16) * 2]! + Math.floor(lo / 0x100000000);
      w[i * 2 + 1] = lo;
    }
    s.set(h);
    for (let i = 0; i < 80; i++) {
      const eh = s[8]!, el = s[9]!, fh = s[10]!, fl = s[11]!, gh = s[12]!, gl = s[13]!;
      sigma(eh, el, 14, 18, 41, false);
      const chh = ((eh & fh) ^ (~eh & gh)) >>> 0, chl = ((el & fl) ^ (~el & gl)) >>> 0;
      const t1l = s[15]! + L + chl + K[i * 2 + 1]! + w[i * 2 + 1]!;
      const t1h = s[14]! + H + chh + K[i * 2]! + w[i * 2]! + Math.floor(t1l / 0x100000000);
      const ah = s[0]!, al = s[1]!, bh = s[2]!, bl = s[3]!, ch = s[4]!, cl = s[5]!;
      sigma(ah, al, 28, 34, 39, false);
      const t2l = L + (((al & bl) ^ (al & cl) ^ (bl & cl)) >>> 0);
      const t2h = H + (((ah & bh) ^ (ah & ch) ^ (bh & ch)) >>> 0) + Math.floor(t2l / 0x100000000);
      s.copyWithin(2, 0, 14);
      const dl = s[9]! + t1l;
      s[8] = s[8]! + t1h + Math.floor((s[9]! + (t1l >>> 0)) / 0x100000000);
      s[9] = dl;
      const nl = (t1l >>> 0) + (t2l >>> 0);
      s[0] = t1h + t2h + Math.floor(nl / 0x100000000);
      s[1] = nl;
    }
    for (let i = 0; i < 16; i += 2) {
      const lo = h[i + 1]! + s[i + 1]!;
      h[i] = h[i]! + s[i]! + Math.floor(lo / 0x100000000);
      h[i + 1] = lo;
    }
  }
  const out = new Uint8Array(64);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 16; i++) ov.setUint32(i * 4, h[i]!);
  m.fill(0);
  w.fill(0);
  s.fill(0);
  return out.subarray(0, outBytes);
}

export const sha512 = (data: Uint8Array): Uint8Array => digest(data, IV512, 64);
export const sha384 = (data: Uint8Array): Uint8Array => digest(data, IV384, 48);
