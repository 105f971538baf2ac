// The one safe way untrusted XML becomes a DOM. @xmldom/xmldom behaves the same in Node, the MV3 service worker
// (which has no DOMParser) and pages (DESIGN.md). A DOCTYPE or ENTITY is refused before parsing, whatever the
// parser version would do with it (DESIGN "Security rules": no entities, so no billion laughs and no external
// entities); parser errors stop the parse instead of letting xmldom guess; nesting depth is bounded without
// recursion. Problems come back as data: each caller maps them to its own error code (InvoiceError, XadesError).
import { DOMParser, type Document, type Node } from '@xmldom/xmldom';

export interface SafeXmlLimits {
  /** Deepest element nesting allowed; the root element is level 1. */
  maxDepth: number;
  /** Longest text allowed, in UTF-16 code units (callers that limit bytes check them before decoding). */
  maxChars?: number;
  /** 'fail' (default): a parser warning fails the parse too; 'ignore': only errors do. */
  warnings?: 'fail' | 'ignore';
}

export type SafeXmlProblem =
  | { reason: 'TOO_LARGE'; size: number; max: number }
  | { reason: 'DTD'; markup: string }
  | { reason: 'NOT_WELL_FORMED'; message: string; cause: unknown }
  | { reason: 'NO_ROOT' }
  | { reason: 'TOO_DEEP'; max: number };

export type SafeXmlResult = { ok: true; doc: Document } | { ok: false; problem: SafeXmlProblem };

// Matched anywhere, even inside a comment or CDATA section: refusing such an odd file is the safe mistake.
const DTD_MARKUP = /<!(DOCTYPE|ENTITY)/i;
const ELEMENT_NODE = 1;

class ParseProblem extends Error {}

/** The DTD keyword as written (`DOCTYPE`, `entity` …) when `text` holds DTD markup anywhere. */
export function dtdMarkup(text: string): string | undefined {
  return DTD_MARKUP.exec(text)?.[1];
}

/** Deepest element level below `node` (its element children are level 1), stopping once past `limit`. */
export function elementDepth(node: Node, limit: number): number {
  let max = 0;
  const stack: Array<[Node, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return max;
}

/** Parses `text` (a leading byte order mark is dropped) within `limits`; never throws for bad input. */
export function parseSafeXml(text: string, limits: SafeXmlLimits): SafeXmlResult {
  if (typeof text !== 'string') throw new TypeError('"text" must be a string');
  if (limits.maxChars !== undefined && text.length > limits.maxChars) {
    return { ok: false, problem: { reason: 'TOO_LARGE', size: text.length, max: limits.maxChars } };
  }
  const markup = dtdMarkup(text);
  if (markup !== undefined) return { ok: false, problem: { reason: 'DTD', markup } };
  let doc: Document;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning' || limits.warnings !== 'ignore') throw new ParseProblem(`${level}: ${message}`);
      },
    });
    doc = parser.parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  } catch (cause) {
    const message = cause instanceof ParseProblem ? cause.message : String((cause as Error)?.message ?? cause);
    return { ok: false, problem: { reason: 'NOT_WELL_FORMED', message, cause } };
  }
  if (!doc.documentElement) return { ok: false, problem: { reason: 'NO_ROOT' } };
  if (elementDepth(doc, limits.maxDepth) > limits.maxDepth) {
    return { ok: false, problem: { reason: 'TOO_DEEP', max: limits.maxDepth } };
  }
  return { ok: true, doc };
}
