// The file as bytes, before any XML: KSeF wants well-formed XML 1.0 in UTF-8 without a BOM, a prolog that (if
// present) says UTF-8, at most 1 000 000 bytes, and none of XML's discouraged code points (NOTES §8.4,
// [D:faktury/weryfikacja-faktury.md]). A file that is empty, too large or not UTF-8 is not read further:
// nothing past that point could be trusted, and a 50 MB file is refused before it is decoded.
import { MAX_INVOICE_BYTES, type SendProblem } from './types';

export interface DecodedFile {
  /** The decoded text, BOM included when the file has one (the text to send must be the file unchanged). */
  text?: string;
  problems: SendProblem[];
}

const BOM = [0xef, 0xbb, 0xbf];
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeInvoiceBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { problems: [{ code: 'EMPTY_FILE' }] };
  }
  if (bytes.length > MAX_INVOICE_BYTES) {
    return { problems: [{ code: 'TOO_LARGE', data: { size: String(bytes.length), max: String(MAX_INVOICE_BYTES) } }] };
  }
  // UTF-16 (with a BOM, or "<\0" / "\0<" without one): valid UTF-8 byte-wise for ASCII, so caught here.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || bytes.subarray(0, 4).includes(0)) {
    return { problems: [{ code: 'NOT_UTF8', line: 1, data: { rule: 'utf16' } }] };
  }
  const problems: SendProblem[] = [];
  if (startsWith(bytes, BOM)) problems.push({ code: 'HAS_BOM', line: 1 });
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    // Windows-1250 and ISO-8859-2 exports land here; the first replacement character shows where.
    const lenient = lenientDecoder.decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    return { problems: [...problems, { code: 'NOT_UTF8', line: at === -1 ? undefined : lineAt(lenient, at) }] };
  }
  const declared = /^\uFEFF?<\?xml\s[^?]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && declared.toLowerCase() !== 'utf-8') {
    problems.push({ code: 'NOT_UTF8', line: 1, data: { rule: 'declared', declared } });
  }
  return { text, problems };
}

// XML 1.0 §2.2 discouraged characters, which KSeF refuses: #x7F–#x84, #x86–#x9F, #xFDD0–#xFDEF and the last two
// code points of every plane (#xnFFFE–#xnFFFF).
const DISCOURAGED = new RegExp(
  '[\\u007F-\\u0084\\u0086-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF' +
    Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`).join('') +
    ']',
  'u',
);

/** The first discouraged code point: where it is in the text and how to name it (U+0085). */
export function findDiscouraged(text: string): { index: number; line: number; char: string } | undefined {
  const match = DISCOURAGED.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { index: match.index, line: lineAt(text, match.index), char: `U+${code}` };
}

/** Whether `value` holds a discouraged code point (used to find the element that carries it). */
export function hasDiscouraged(value: string): boolean {
  return DISCOURAGED.test(value);
}
