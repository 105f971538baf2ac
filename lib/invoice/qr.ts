// The QR code of the KOD I link (NOTES §12: "QR per ISO/IEC 18004"). The symbol comes from `uqr` (unjs, MIT,
// no dependencies, a port of Nayuki's QR Code generator; about 27 KB unminified, tree-shaken to its encoder):
// STYLE rule 25, a kept library rather than our own Reed–Solomon and masking. What stays here is our choice of
// parameters and the SVG path React draws (never markup in a string).
import { encode } from 'uqr';

export interface QrCode {
  version: number;
  mask: number;
  /** modules[row][column]: true is dark. Size 17 + 4·version, without the quiet zone. */
  modules: boolean[][];
}

/**
 * Versions 1–10 hold up to 213 bytes at level M, about twice the ~110-character KOD I link. A larger symbol in
 * the 148 px box of the invoice view would have modules too small for a phone camera, so it is refused.
 */
export const QR_MAX_VERSION = 10;

/**
 * Encodes `data` (text as UTF-8, or bytes) in byte mode at error correction level M, in the smallest version
 * (1–10) that holds it. NOTES §12 asks only for ISO/IEC 18004; level M (15 % of the symbol recoverable) is the
 * level KOD I has been printed with here from the start, kept so printed codes stay the same size.
 */
export function encodeQr(data: string | Uint8Array, options: { mask?: number } = {}): QrCode {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new TypeError('"data" must be a string or a Uint8Array');
  const { mask } = options;
  if (mask !== undefined && !(Number.isInteger(mask) && mask >= 0 && mask <= 7)) {
    throw new TypeError('"options.mask" must be an integer from 0 to 7');
  }
  // Bytes, never a string, so uqr keeps byte mode (it would pick numeric or alphanumeric for some texts, and
  // its encodeURI throws on a lone surrogate where TextEncoder substitutes U+FFFD).
  const bytes = Array.from(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  let code: ReturnType<typeof encode>;
  try {
    code = encode(bytes, { ecc: 'M', boostEcc: false, maxVersion: QR_MAX_VERSION, maskPattern: mask ?? -1, border: 0 });
  } catch (e) {
    if (e instanceof RangeError && e.message === 'Data too long') throw new TypeError(`"data" is too long for a QR code of version 1–${QR_MAX_VERSION}`);
    throw e;
  }
  return { version: code.version, mask: code.maskPattern, modules: code.data };
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
