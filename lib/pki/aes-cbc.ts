// AES-CBC decryption with PKCS#7 padding removal. WebCrypto first; a small JS AES for what a browser's
// WebCrypto refuses: Chromium rejects 192-bit AES keys ("192-bit AES keys are not supported"), yet
// OpenSSL writes PBES2 keys with `-v2 aes-192-cbc`. Feature-detected per call, not by browser sniffing.

const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
(() => {
  // S-box from the multiplicative inverse in GF(2^8) followed by the affine map (FIPS 197 §5.1.1).
  let p = 1, q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1; q ^= q << 2; q ^= q << 4; q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const s = q ^ ((q << 1) | (q >>> 7)) ^ ((q << 2) | (q >>> 6)) ^ ((q << 3) | (q >>> 5)) ^ ((q << 4) | (q >>> 4));
    SBOX[p] = (s ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let i = 0; i < 256; i++) INV_SBOX[SBOX[i]!] = i;
})();

const xtime = (b: number): number => ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
function mul(a: number, b: number): number {
  let r = 0;
  for (; b; b >>= 1, a = xtime(a)) if (b & 1) r ^= a;
  return r;
}

function expandKey(key: Uint8Array): Uint8Array[] {
  const nk = key.length / 4, rounds = nk + 6;
  const w = new Uint8Array(16 * (rounds + 1));
  w.set(key);
  let rcon = 1;
  for (let i = nk; i < 4 * (rounds + 1); i++) {
    let t = Array.from(w.subarray((i - 1) * 4, i * 4));
    if (i % nk === 0) {
      t = [SBOX[t[1]!]! ^ rcon, SBOX[t[2]!]!, SBOX[t[3]!]!, SBOX[t[0]!]!];
      rcon = xtime(rcon);
    } else if (nk > 6 && i % nk === 4) t = t.map((x) => SBOX[x]!);
    for (let j = 0; j < 4; j++) w[i * 4 + j] = w[(i - nk) * 4 + j]! ^ t[j]!;
  }
  return Array.from({ length: rounds + 1 }, (_, r) => w.subarray(r * 16, r * 16 + 16));
}

function decryptBlock(rk: Uint8Array[], input: Uint8Array, out: Uint8Array): void {
  const s = Uint8Array.from(input);
  const rounds = rk.length - 1;
  for (let i = 0; i < 16; i++) s[i] = s[i]! ^ rk[rounds]![i]!;
  for (let r = rounds - 1; r >= 0; r--) {
    const t = new Uint8Array(16); // InvShiftRows + InvSubBytes: state is column-major (byte i = row i%4)
    for (let i = 0; i < 16; i++) t[(i + 4 * (i % 4)) % 16] = INV_SBOX[s[i]!]!;
    for (let i = 0; i < 16; i++) s[i] = t[i]! ^ rk[r]![i]!;
    if (r > 0) {
      for (let c = 0; c < 16; c += 4) {
        const [a, b, d, e] = [s[c]!, s[c + 1]!, s[c + 2]!, s[c + 3]!];
        s[c] = mul(a, 14) ^ mul(b, 11) ^ mul(d, 13) ^ mul(e, 9);
        s[c + 1] = mul(a, 9) ^ mul(b, 14) ^ mul(d, 11) ^ mul(e, 13);
        s[c + 2] = mul(a, 13) ^ mul(b, 9) ^ mul(d, 14) ^ mul(e, 11);
        s[c + 3] = mul(a, 11) ^ mul(b, 13) ^ mul(d, 9) ^ mul(e, 14);
      }
    }
    t.fill(0);
  }
  out.set(s);
  s.fill(0);
}

/** PKCS#7 padding check; null when it does not hold (a wrong password, most of the time). */
function unpad(plain: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | null {
  const n = plain[plain.length - 1] ?? 0;
  let bad = n === 0 || n > 16 ? 1 : 0;
  for (let i = 1; i <= 16 && i <= plain.length; i++) if (i <= n && plain[plain.length - i] !== n) bad = 1;
  if (bad) {
    plain.fill(0);
    return null;
  }
  return plain.subarray(0, plain.length - n);
}

/** Pure-JS AES-CBC decryption (any AES key size); the key schedule is wiped afterwards. */
export function aesCbcDecryptJs(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (![16, 24, 32].includes(key.length) || iv.length !== 16 || data.length % 16 !== 0 || data.length === 0) return null;
  const rk = expandKey(key);
  const out = new Uint8Array(data.length);
  const block = new Uint8Array(16);
  for (let off = 0; off < data.length; off += 16) {
    decryptBlock(rk, data.subarray(off, off + 16), block);
    const prev = off === 0 ? iv : data.subarray(off - 16, off);
    for (let i = 0; i < 16; i++) out[off + i] = block[i]! ^ prev[i]!;
  }
  for (const r of rk) r.fill(0);
  block.fill(0);
  return unpad(out);
}

/**
 * Decrypt with WebCrypto when it takes the key size, else in JS. Returns null on a padding failure;
 * the caller zeroes the result after use.
 */
export async function aesCbcDecrypt(
  key: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array<ArrayBuffer> | null> {
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await subtle.importKey('raw', key, { name: 'AES-CBC' }, false, ['decrypt']);
  } catch {
    return aesCbcDecryptJs(key, iv, data);
  }
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, cryptoKey, data));
  } catch {
    return null;
  }
}
