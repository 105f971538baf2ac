// XML base64Binary content is padded and in the standard alphabet (XML Schema 1.1 §3.3.17); the decoding and
// the digests are lib/core/bytes.ts.
import { decodeBase64 } from '../core/bytes';

export { digest, toBase64 } from '../core/bytes';

/** Decodes XML base64 content (whitespace allowed, as base64Binary); null when it is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  return decodeBase64(text, { padding: 'required' });
}
