// The one place where invoice XML becomes a DOM. @xmldom/xmldom behaves the same in Node, the MV3 service worker
// (which has no DOMParser) and pages (DESIGN.md). It does not expand DTD entities, but a DOCTYPE is refused
// before parsing anyway: FA(3) never has one, and refusing it rules out billion-laughs and external entities
// whatever the parser version does.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { InvoiceError } from './errors';

/** KSeF accepts invoices up to 1 MB, or 3 MB with an attachment (NOTES §8.4); 3 MiB covers both. */
export const MAX_INVOICE_BYTES = 3 * 1024 * 1024;
/** FA(3) nests about 8 levels deep; anything far deeper is not an invoice. */
export const MAX_XML_DEPTH = 40;

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
export const FA2_NAMESPACE = 'http://crd.gov.pl/wzor/2023/06/29/12648/';
export type InvoiceSchema = 'FA(3)' | 'FA(2)';

// Matched anywhere, even inside a comment or CDATA section: refusing such an odd file is the safe mistake.
const DTD_MARKUP = /<!(DOCTYPE|ENTITY)/i;
const ELEMENT_NODE = 1;

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
  if (DTD_MARKUP.test(text)) throw new InvoiceError('DOCTYPE_FORBIDDEN');
  if (text.trim() === '') throw new InvoiceError('NOT_XML');
  return text;
}

function checkDepth(root: Element): void {
  // Iterative walk: a recursive one is exactly what a deeply nested file would overflow.
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_XML_DEPTH) throw new InvoiceError('TOO_DEEP', { max: MAX_XML_DEPTH });
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
}

/** Parses invoice XML safely and returns its `Faktura` root element with the schema it belongs to. */
export function parseInvoiceXml(xml: string | Uint8Array): { root: Element; schema: InvoiceSchema } {
  const text = invoiceText(xml);
  let root: Element | null;
  try {
    const parser = new DOMParser({
      // Errors stop parsing (a broken file is not shown half-read); warnings are not logged anywhere.
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (cause) {
    throw new InvoiceError('NOT_XML', {}, { cause });
  }
  if (!root) throw new InvoiceError('NOT_XML');
  checkDepth(root);
  const schema = root.namespaceURI === FA3_NAMESPACE ? 'FA(3)' : root.namespaceURI === FA2_NAMESPACE ? 'FA(2)' : undefined;
  if (root.localName !== 'Faktura' || !schema) throw new InvoiceError('NOT_FA');
  return { root, schema };
}
