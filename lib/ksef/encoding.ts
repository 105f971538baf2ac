// The encodings the KSeF client names in its API (base64 bodies, base64 SHA-256 hashes); the byte work is
// lib/core/bytes.ts.
import { decodeBase64, sha256, toBase64 } from '../core/bytes';

export { toBase64 as bytesToBase64, utf8Decode, utf8Encode } from '../core/bytes';

/** Decodes standard or URL-safe base64, padded or not; throws TypeError on anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = decodeBase64(text, { alphabet: 'any' });
  if (bytes === null) throw new TypeError('"text" must be base64');
  return bytes;
}

/** Base64 SHA-256, the form KSeF uses in `x-ms-meta-hash`, `invoiceHash` and `publicKeyId`. */
export async function sha256Base64(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64(await sha256(bytes));
}
