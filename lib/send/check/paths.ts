// Where a problem is, in words a bookkeeper can find in the file: the line and the element path by local names
// (`Faktura/Fa/FaWiersz[3]/P_12`; the index only where the element repeats). Nodes come from the project's safe
// parser (@xmldom/xmldom), which records the line each node starts on.
import type { Document, Element, Node } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;

export interface Where {
  line?: number;
  path?: string;
}

function elementChildren(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  return out;
}

function nameOf(el: Element): string {
  return el.localName ?? el.nodeName;
}

function step(el: Element): string {
  const parent = el.parentNode;
  if (!parent || parent.nodeType !== ELEMENT_NODE) return nameOf(el);
  const same = elementChildren(parent).filter((c) => nameOf(c) === nameOf(el));
  return same.length > 1 ? `${nameOf(el)}[${same.indexOf(el) + 1}]` : nameOf(el);
}

/** `Faktura/Fa/P_1` for an element (or the element holding a text or attribute node). */
export function elementPath(node: Node): string {
  let el: Node | null = node;
  while (el && el.nodeType !== ELEMENT_NODE) el = el.parentNode ?? (el as { ownerElement?: Node }).ownerElement ?? null;
  const steps: string[] = [];
  for (let e = el; e && e.nodeType === ELEMENT_NODE; e = e.parentNode) steps.unshift(step(e as Element));
  return steps.join('/');
}

export function lineOf(node: Node): number | undefined {
  const line = (node as { lineNumber?: number }).lineNumber;
  return typeof line === 'number' && line > 0 ? line : undefined;
}

export function whereOf(node: Node | undefined): Where {
  return node ? { line: lineOf(node), path: elementPath(node) } : {};
}

/**
 * The element a libxml2 node path (`/*\/*[4]/*[2]`, or `/tns:Faktura/tns:Fa[1]` with prefixes) points at, in the
 * same document as parsed by xmldom. libxml2 writes `*` for elements in a default namespace and then counts
 * among all element siblings; a named step counts among siblings of that qualified name (xmlGetNodePath).
 */
export function elementAtNodePath(doc: Document, nodePath: string): Element | undefined {
  let current: Node = doc;
  let found: Element | undefined;
  for (const raw of nodePath.split('/').filter(Boolean)) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(raw);
    if (!m || m[1]!.startsWith('@') || m[1]!.includes('(')) break; // attribute or text() step: stay on the element
    const name = m[1]!;
    const candidates = elementChildren(current).filter((c) => name === '*' || c.nodeName === name);
    const next = candidates[(m[2] ? Number(m[2]) : 1) - 1];
    if (!next) break;
    current = next;
    found = next;
  }
  return found;
}
