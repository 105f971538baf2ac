// The facts read from libxml2's own tree (the send view parses each file once, with libxml2, for the schema):
// the navigation document.ts's rules need, and the two tree-wide rules as XPath, evaluated inside libxml2
// rather than node by node across the WebAssembly boundary. Imported only by xsd-engine.ts, so it loads
// with the engine, on demand.
import { XmlElement, type XmlDocument, type XmlTreeNode } from 'libxml2-wasm';
import type { TreeNav } from './facts';

export const LIBXML_NAV: TreeNav<XmlElement> = {
  *elementChildren(node) {
    for (let c: XmlTreeNode | null = node.firstChild; c; c = c.next) if (c instanceof XmlElement) yield c;
  },
  localName: (el) => el.name,
  namespace: (el) => el.namespaceUri || undefined,
  attribute: (el, name) => el.attr(name)?.value ?? '',
  textContent: (el) => el.content,
  // Lines and paths are xmldom's (document.ts): the caller reads them from there when a problem needs them.
  where: () => ({}),
};

/** An element deeper than `maxDepth` (the root is level 1), as parseSafeXml bounds it (lib/core/xml.ts). */
export function deeperThan(doc: XmlDocument, maxDepth: number): boolean {
  return doc.eval(`boolean(${'/*'.repeat(maxDepth + 1)})`) === true;
}

/** Any processing instruction, in the prolog or the tree (document.ts reports which and where). */
export function hasProcessingInstruction(doc: XmlDocument): boolean {
  return doc.eval('boolean(//processing-instruction())') === true;
}
