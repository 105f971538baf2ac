// Base64 and hashing on plain Uint8Arrays: btoa/atob and WebCrypto exist in Node 20, workers and pages alike.

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Decodes standard or URL-safe base64, padded or not; throws TypeError on anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const normal = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.length % 4 === 1) {
    throw new TypeError('"text" must be base64');
  }
  const binary = atob(normal.padEnd(normal.length + ((4 - (normal.length % 4)) % 4), '='));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

/** Lenient UTF-8 decoding (U+FFFD for bad bytes): the raw bytes are kept alongside for hashing. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Base64 SHA-256, the form KSeF uses in `x-ms-meta-hash`, `invoiceHash` and `publicKeyId`. */
export async function sha256Base64(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
