// Where invoice XML becomes a DOM: the file's size and encoding here, the safe parse (no DTD, strict, bounded
// depth) in lib/core/xml.ts. FA(3) never has a DOCTYPE, so refusing one loses nothing.
import type { Element } from '@xmldom/xmldom';
import { dtdMarkup, parseSafeXml } from '../core/xml';
import { InvoiceError } from './errors';

/** KSeF accepts invoices up to 1 MB, or 3 MB with an attachment (NOTES §8.4); 3 MiB covers both. */
export const MAX_INVOICE_BYTES = 3 * 1024 * 1024;
/** FA(3) nests about 8 levels deep; anything far deeper is not an invoice. */
export const MAX_XML_DEPTH = 40;

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
export const FA2_NAMESPACE = 'http://crd.gov.pl/wzor/2023/06/29/12648/';
export type InvoiceSchema = 'FA(3)' | 'FA(2)';

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) (bytes += 4), i++;
    else bytes += 3; // a lone surrogate would be written as U+FFFD, three bytes
  }
  return bytes;
}

function decode(bytes: Uint8Array): string {
  const [b0, b1] = bytes;
  const encoding = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InvoiceError('NOT_XML', {}, { cause });
  }
}

/** The text of an invoice file, checked for size, DTD markup and encoding, with any byte order mark removed. */
export function invoiceText(xml: string | Uint8Array): string {
  if (typeof xml !== 'string' && !(xml instanceof Uint8Array)) {
    throw new TypeError('"xml" must be a string or a Uint8Array');
  }
  const size = typeof xml === 'string' ? utf8Length(xml) : xml.byteLength;
  if (size > MAX_INVOICE_BYTES) throw new InvoiceError('TOO_LARGE', { size, max: MAX_INVOICE_BYTES });
  const text = (typeof xml === 'string' ? xml : decode(xml)).replace(/^\uFEFF/, '');
  if (dtdMarkup(text) !== undefined) throw new InvoiceError('DOCTYPE_FORBIDDEN');
  if (text.trim() === '') throw new InvoiceError('NOT_XML');
  return text;
}

/** Parses invoice XML safely and returns its `Faktura` root element with the schema it belongs to. */
export function parseInvoiceXml(xml: string | Uint8Array): { root: Element; schema: InvoiceSchema } {
  const text = invoiceText(xml);
  // Errors stop parsing (a broken file is not shown half-read); xmldom's warnings are let through, as ever.
  const parsed = parseSafeXml(text, { maxDepth: MAX_XML_DEPTH, warnings: 'ignore' });
  if (!parsed.ok) {
    const { problem } = parsed;
    if (problem.reason === 'TOO_DEEP') throw new InvoiceError('TOO_DEEP', { max: MAX_XML_DEPTH });
    if (problem.reason === 'DTD') throw new InvoiceError('DOCTYPE_FORBIDDEN');
    throw new InvoiceError('NOT_XML', {}, problem.reason === 'NOT_WELL_FORMED' ? { cause: problem.cause } : undefined);
  }
  const root: Element = parsed.doc.documentElement!;
  const schema = root.namespaceURI === FA3_NAMESPACE ? 'FA(3)' : root.namespaceURI === FA2_NAMESPACE ? 'FA(2)' : undefined;
  if (root.localName !== 'Faktura' || !schema) throw new InvoiceError('NOT_FA');
  return { root, schema };
}
