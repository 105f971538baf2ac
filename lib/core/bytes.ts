// Bytes, base64 and digests with what every runtime has (atob/btoa, TextEncoder, WebCrypto): no Buffer, so the
// same code runs in the worker, the pages and Node. One home, as jose's base64url.ts and buffer_utils.ts.

const CHUNK = 0x8000; // String.fromCharCode(...args) has an argument limit; 32 k stays far below it

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Base64url without padding (RFC 4648 §5), as KSeF's KOD I links carry the invoice hash (NOTES §12). */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface Base64Options {
  /** 'base64' (RFC 4648 §4) only, or 'any': the URL-safe letters `-` and `_` are accepted too. Default 'base64'. */
  alphabet?: 'base64' | 'any';
  /** 'required': the length must be a multiple of four (XML base64Binary); 'optional': padding may be left out. */
  padding?: 'required' | 'optional';
}

/**
 * Decodes base64, whitespace ignored; null when the text is not base64 under `options`. Callers turn null into
 * their own error (PkiError CORRUPT_FILE, a TypeError, an invalid signature), so no error type lives here.
 */
export function decodeBase64(text: string, options: Base64Options = {}): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string') return null;
  let clean = text.replace(/\s+/g, '');
  if (options.alphabet === 'any') clean = clean.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  if (options.padding === 'required' ? clean.length % 4 !== 0 : clean.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  } catch {
    return null; // padding in the middle of a quartet ("AB=="+"C"): atob refuses what the pattern let through
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

/** Lenient UTF-8 decoding (U+FFFD for bad bytes): callers that hash keep the raw bytes alongside. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A WebCrypto digest; a string is hashed as its UTF-8 bytes. `subtle` is a seam for tests. */
export async function digest(
  hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512',
  data: string | Uint8Array<ArrayBuffer>,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = typeof data === 'string' ? utf8Encode(data) : data;
  return new Uint8Array(await subtle.digest(hash, bytes));
}

export function sha256(data: string | Uint8Array<ArrayBuffer>, subtle?: SubtleCrypto): Promise<Uint8Array<ArrayBuffer>> {
  return digest('SHA-256', data, subtle);
}
