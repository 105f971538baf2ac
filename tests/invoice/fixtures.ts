import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A fixture file as bytes (exactly as stored, for hashing) or as text. */
export function fixtureBytes(path: string): Uint8Array<ArrayBuffer> {
  const buf = readFileSync(FIXTURES + path);
  return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
}

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

/** NIPs with valid checksums put in place of the templates' placeholders (#nip#, #nipOdbiorca#). */
export const TEMPLATE_NIPS = { seller: '5265877635', recipient: '6808208874' };

/** A sample template of the C# client with its placeholders filled, as the KSeF tests do before sending. */
export function filledTemplate(path: string, invoiceNumber = '0001'): string {
  return fixtureText(path)
    .replaceAll('#nip#', TEMPLATE_NIPS.seller)
    .replaceAll('#nipOdbiorca#', TEMPLATE_NIPS.recipient)
    .replaceAll('#invoice_number#', invoiceNumber);
}
