// The file as XML: read with the project's safe parser (lib/core/xml.ts: no DOCTYPE or entities, bounded depth),
// then KSeF's document rules that need the tree (no processing instructions, the FA(3) root and KodFormularza,
// NOTES §8.4) and the facts the outbox keeps. Schema validity is xsd.ts's; who may send it is rules.ts's.
import type { Document, Element, Node } from '@xmldom/xmldom';
import { parseSafeXml } from '../../core/xml';
import { findDiscouraged, hasDiscouraged } from './encoding';
import { fa3Problem, readFacts, type ReadFacts, type TreeNav } from './facts';
import { lineOf, whereOf } from './paths';
import type { SendProblem } from './types';

/** FA(3) nests about eight levels (Faktura/Fa/FaWiersz/…); anything far deeper is not an invoice. */
export const MAX_DEPTH = 40;
const PI_NODE = 7;
const ELEMENT_NODE = 1;
const MAX_PI_PROBLEMS = 5;

export interface ReadDocument {
  doc?: Document;
  facts?: ReadFacts;
  problems: SendProblem[];
  /** True when the document is no FA(3) invoice (or no XML): later checks would only add noise. */
  stop: boolean;
}

function lineFromParser(cause: unknown): number | undefined {
  const line = (cause as { locator?: { lineNumber?: number } } | undefined)?.locator?.lineNumber;
  return typeof line === 'number' && line > 0 ? line : undefined;
}

function processingInstructions(doc: Document): SendProblem[] {
  const out: SendProblem[] = [];
  const stack: Node[] = [doc];
  while (stack.length > 0 && out.length < MAX_PI_PROBLEMS) {
    const node = stack.pop()!;
    for (let c = node.lastChild; c; c = c.previousSibling) {
      if (c.nodeType === PI_NODE && c.nodeName.toLowerCase() !== 'xml') {
        const where = node.nodeType === ELEMENT_NODE ? whereOf(node) : {};
        out.push({ code: 'NOT_XML', line: lineOf(c), path: where.path, data: { rule: 'pi', target: c.nodeName } });
      } else if (c.nodeType === ELEMENT_NODE) stack.push(c);
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The element whose text or attribute holds the first discouraged code point, in document order (for its path). */
function holderOfDiscouraged(el: Element): Element | undefined {
  // Recursion is bounded: the parse above refused anything deeper than MAX_DEPTH.
  const attrs = el.attributes;
  for (let i = 0; attrs && i < attrs.length; i++) if (hasDiscouraged(attrs.item(i)!.value)) return el;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) {
      const inner = holderOfDiscouraged(c as Element);
      if (inner) return inner;
    } else if (c.nodeType !== PI_NODE && hasDiscouraged((c as { data?: string }).data ?? '')) return el;
  }
  return undefined;
}

const XMLDOM: TreeNav<Element> = {
  *elementChildren(node) {
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) yield c as Element;
  },
  localName: (el) => el.localName ?? el.nodeName,
  namespace: (el) => el.namespaceURI ?? undefined,
  attribute: (el, name) => el.getAttribute(name) ?? '',
  textContent: (el) => el.textContent ?? '',
  where: whereOf,
};

/** Parses `text` (BOM allowed) and applies the tree-level rules; never throws for bad input. */
export function readInvoiceDocument(text: string): ReadDocument {
  const parsed = parseSafeXml(text, { maxDepth: MAX_DEPTH });
  if (!parsed.ok) {
    const p = parsed.problem;
    if (p.reason === 'DTD') {
      const at = text.search(/<!(DOCTYPE|ENTITY)/i);
      const line = at === -1 ? undefined : text.slice(0, at).split('\n').length;
      return { problems: [{ code: 'NOT_XML', line, data: { rule: 'dtd', markup: p.markup.toUpperCase() } }], stop: true };
    }
    if (p.reason === 'TOO_DEEP') {
      return { problems: [{ code: 'NOT_XML', data: { rule: 'deep', max: String(p.max) } }], stop: true };
    }
    // xmldom wraps its message twice ('Reporting fatalError "…" caused Error: …'): the inner text is the finding.
    const detail = p.reason === 'NOT_WELL_FORMED' ? (/Reporting \w+ "(.*)" caused/s.exec(p.message)?.[1] ?? p.message) : p.reason;
    const line = p.reason === 'NOT_WELL_FORMED' ? lineFromParser(p.cause) : undefined;
    return { problems: [{ code: 'NOT_XML', line, detail }], stop: true };
  }
  const doc = parsed.doc;
  const root = doc.documentElement!;
  const problems = processingInstructions(doc);
  const odd = findDiscouraged(text);
  if (odd) {
    const holder = holderOfDiscouraged(root);
    problems.push({ code: 'NOT_XML', line: odd.line, path: holder ? whereOf(holder).path : undefined, data: { rule: 'char', char: odd.char } });
  }
  const notFa3 = fa3Problem(root, XMLDOM);
  if (notFa3) {
    problems.push(notFa3);
    return { doc, problems, stop: true, facts: root.localName === 'Faktura' ? readFacts(root, XMLDOM) : undefined };
  }
  return { doc, problems, stop: false, facts: readFacts(root, XMLDOM) };
}
