import { decodeBase64 } from '../core/bytes';
import { PkiError, MAX_INPUT_BYTES } from './errors';
import type { BinaryInput } from './types';

export interface PemBlock {
  label: string;
  /** RFC 1421 headers such as Proc-Type and DEK-Info (legacy OpenSSL encryption), keys as written. */
  headers: Record<string, string>;
  der: Uint8Array<ArrayBuffer>;
}

export type DecodedInput =
  | { kind: 'pem'; blocks: PemBlock[] }
  | { kind: 'der'; der: Uint8Array<ArrayBuffer> };

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

export function toBytes(input: BinaryInput): Uint8Array<ArrayBuffer> {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input.slice(0));
  if (input instanceof Uint8Array) return new Uint8Array(input);
  throw new TypeError('"input" must be a string, a Uint8Array or an ArrayBuffer');
}

function base64ToBytes(text: string, label: string): Uint8Array<ArrayBuffer> {
  const der = /\S/.test(text) ? decodeBase64(text) : null;
  if (der === null) throw new PkiError('CORRUPT_FILE', { detail: `base64 ${label}` });
  return der;
}

/** All PEM blocks in `text`, in order; text around and between the blocks is ignored. */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEGIN.exec(normalized)) !== null) {
    const label = m[1]!;
    const start = m.index + m[0].length;
    const endMarker = `-----END ${label}-----`;
    const end = normalized.indexOf(endMarker, start);
    if (end < 0) throw new PkiError('CORRUPT_FILE', { detail: `-----END ${label}----- missing` });
    const body = normalized.slice(start, end);
    const headers: Record<string, string> = {};
    let payload = body;
    const headerEnd = body.indexOf('\n\n');
    if (/^\s*[A-Za-z-]+:/.test(body) && headerEnd >= 0) {
      for (const line of body.slice(0, headerEnd).split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      payload = body.slice(headerEnd + 2);
    }
    blocks.push({ label, headers, der: base64ToBytes(payload, label) });
    BEGIN.lastIndex = end + endMarker.length;
  }
  return blocks;
}

/**
 * Turn what the user gave us into PEM blocks or one DER blob, with the size checks every reader needs.
 * `what` names the file for messages.
 */
export function decodeInput(input: BinaryInput): DecodedInput {
  const bytes = toBytes(input);
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new PkiError('FILE_TOO_LARGE', { size: bytes.length, max: MAX_INPUT_BYTES });
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  if (body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new PkiError('EMPTY_FILE');
  }
  if (!body.subarray(0, 4096).includes(0)) { // text has no NUL bytes; DER nearly always does
    const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
    if (text.includes('-----BEGIN ')) return { kind: 'pem', blocks: decodePemBlocks(text) };
    // A bare base64 body without armour (as /certificates/retrieve returns a certificate).
    const compact = text.trim();
    if (/^[A-Za-z0-9+/\s]+={0,2}$/.test(compact) && compact.length >= 16) {
      return { kind: 'der', der: base64ToBytes(compact, 'DER') };
    }
  }
  return { kind: 'der', der: new Uint8Array(body) };
}
