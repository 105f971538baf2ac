// The one place that wires the XML stack: xmldom + xpath for xml-core (xadesjs/xmldsigjs) and WebCrypto
// for xmldsigjs. An MV3 service worker has no DOMParser (TOOLCHAIN §3, gotcha 9); pages have one, but
// xmldom is used everywhere so that every runtime reads and canonicalizes the same bytes the same way.
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { parseSafeXml } from '../core/xml';
import * as xpath from 'xpath';
import { Application, XmlDsigExcC14NTransform } from 'xmldsigjs';
import { setNodeDependencies } from 'xadesjs';
import { MAX_DEPTH } from './profile';

let registered = false;

/** Registers the XML dependencies once; safe to call from every entry point of lib/xades. */
export function registerXmlEngine(): void {
  if (registered) return;
  setNodeDependencies({ DOMParser, XMLSerializer, DOMImplementation, xpath });
  try {
    void Application.crypto; // set already where `self.crypto` exists (worker, pages)
  } catch {
    Application.setEngine('WebCrypto', globalThis.crypto);
  }
  registered = true;
}

export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';
}

/**
 * Parses XML we wrote ourselves (the document being signed) with the same strict, DTD-free parse as untrusted
 * input (lib/core/xml.ts); any problem is an XmlParseError.
 */
export function parseXml(text: string): Document {
  registerXmlEngine();
  const parsed = parseSafeXml(text, { maxDepth: MAX_DEPTH });
  if (!parsed.ok) throw new XmlParseError(parsed.problem.reason === 'NOT_WELL_FORMED' ? parsed.problem.message : parsed.problem.reason);
  return parsed.doc as unknown as Document;
}

/** Exclusive XML Canonicalization 1.0 without comments of `node` and its descendants (xmldsigjs). */
export function excC14n(node: Node): string {
  registerXmlEngine();
  const transform = new XmlDsigExcC14NTransform();
  transform.LoadInnerXml(node);
  return transform.GetOutput() as string;
}

/** Child elements of `parent`, in order (text, comments and processing instructions skipped). */
export function childElements(parent: Node): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as Element);
  }
  return out;
}

/** All elements named {ns}localName below `root` (root included), in document order, without recursion. */
export function findElements(root: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.namespaceURI === ns && el.localName === localName) out.push(el);
    }
    const kids = childElements(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
