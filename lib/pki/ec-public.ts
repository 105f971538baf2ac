// The public point Q = d·G of a NIST prime curve, for EC private keys stored without their public key
// (SEC1 makes it optional; `openssl ec -no_public` omits it). Node and Chromium derive it on import,
// but not every WebCrypto does, so the key readers always hand WebCrypto a complete ECPrivateKey.
// BigInt arithmetic is not constant-time; it runs once, locally, on the user's own key at import.
import type { CurveName } from './key-oids';
import { CURVE_BYTES } from './key-oids';

interface Curve { p: bigint; b: bigint; n: bigint; gx: bigint; gy: bigint }

// FIPS 186-4 D.1.2 (a = -3 for all three).
const CURVES: Record<CurveName, Curve> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
  'P-521': {
    p: (1n << 521n) - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  },
};

type Jacobian = [bigint, bigint, bigint];

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function double([x, y, z]: Jacobian, p: bigint): Jacobian {
  if (y === 0n || z === 0n) return [0n, 1n, 0n];
  const zz = mod(z * z, p);
  const m = mod(3n * (x - zz) * (x + zz), p); // a = -3
  const yy = mod(y * y, p);
  const s = mod(4n * x * yy, p);
  const x3 = mod(m * m - 2n * s, p);
  return [x3, mod(m * (s - x3) - 8n * yy * yy, p), mod(2n * y * z, p)];
}

function add(a: Jacobian, b: Jacobian, p: bigint): Jacobian {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const z1z1 = mod(a[2] * a[2], p), z2z2 = mod(b[2] * b[2], p);
  const u1 = mod(a[0] * z2z2, p), u2 = mod(b[0] * z1z1, p);
  const s1 = mod(a[1] * b[2] * z2z2, p), s2 = mod(b[1] * a[2] * z1z1, p);
  if (u1 === u2) return s1 === s2 ? double(a, p) : [0n, 1n, 0n];
  const h = mod(u2 - u1, p), r = mod(s2 - s1, p);
  const hh = mod(h * h, p), hhh = mod(hh * h, p), v = mod(u1 * hh, p);
  const x3 = mod(r * r - hhh - 2n * v, p);
  return [x3, mod(r * (v - x3) - s1 * hhh, p), mod(a[2] * b[2] * h, p)];
}

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  for (let b = mod(base, m), e = exp; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) result = (result * b) % m;
  return result;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function bigIntToBytes(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** True when the private scalar lies in [1, n-1], as SEC1 §3.2.1 requires. */
export function isValidScalar(curve: CurveName, d: Uint8Array): boolean {
  const v = bytesToBigInt(d);
  return v > 0n && v < CURVES[curve].n;
}

/** The uncompressed public point 04 || X || Y for scalar `d` (which must pass isValidScalar). */
export function publicPointFor(curve: CurveName, d: Uint8Array): Uint8Array<ArrayBuffer> {
  const c = CURVES[curve];
  const k = bytesToBigInt(d);
  let acc: Jacobian = [0n, 1n, 0n];
  let addend: Jacobian = [c.gx, c.gy, 1n];
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) acc = add(acc, addend, c.p);
    addend = double(addend, c.p);
  }
  const zInv = modPow(acc[2], c.p - 2n, c.p);
  const zInv2 = (zInv * zInv) % c.p;
  const size = CURVE_BYTES[curve];
  const out = new Uint8Array(1 + 2 * size);
  out[0] = 4;
  out.set(bigIntToBytes((acc[0] * zInv2) % c.p, size), 1);
  out.set(bigIntToBytes((acc[1] * zInv2 * zInv) % c.p, size), 1 + size);
  return out;
}
