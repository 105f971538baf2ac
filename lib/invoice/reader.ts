// Reading FA elements by local name in the invoice's own namespace (FA(3) is elementFormDefault="qualified",
// so every element of the invoice is in the root's namespace). Text comes back unsanitised but whitespace-
// normalised; parseInvoice sanitises the finished view in one pass.
import type { Element } from '@xmldom/xmldom';
import { collapseWhitespace, normalizeMultiline } from './sanitize';

const ELEMENT_NODE = 1;

/** A read-only view of one element of the invoice. */
export class FaNode {
  constructor(
    readonly element: Element,
    readonly ns: string,
  ) {}

  /** Child elements named `name`, in document order. */
  children(name: string): FaNode[] {
    const out: FaNode[] = [];
    for (let c = this.element.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT_NODE) continue;
      const el = c as Element;
      if (el.localName === name && el.namespaceURI === this.ns) out.push(new FaNode(el, this.ns));
    }
    return out;
  }

  child(name: string): FaNode | undefined {
    return this.children(name)[0];
  }

  /** The element at `path` (names separated by '/'), if every step exists. */
  at(path: string): FaNode | undefined {
    let node: FaNode | undefined = this;
    for (const name of path.split('/')) node = node?.child(name);
    return node;
  }

  /** Own text, whitespace collapsed as for XML Schema `token` (most FA text types). */
  value(): string {
    return collapseWhitespace(this.element.textContent ?? '');
  }

  /** Collapsed text of the element at `path`, or undefined when it is absent. */
  text(path: string): string | undefined {
    return this.at(path)?.value();
  }

  /** Text of every child named `name` (repeatable elements such as WZ). */
  texts(name: string): string[] {
    return this.children(name).map((n) => n.value());
  }

  /** Multi-line text (`TTekstowy`) at `path`, line breaks kept. */
  multiline(path: string): string | undefined {
    const node = this.at(path);
    return node ? normalizeMultiline(node.element.textContent ?? '') : undefined;
  }

  /** True when the element at `path` holds the FA "yes" marker `1`. */
  flag(path: string): boolean {
    return this.text(path) === '1';
  }
}
