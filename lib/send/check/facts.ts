// The facts the outbox keeps (InvoiceFacts in types.ts) and whether the document is FA(3) (the root and
// KodFormularza, NOTES §8.4), read the same way from either parser's tree: xmldom's (document.ts, every
// caller) or libxml2's (tree-libxml.ts, the send view's single parse).
import { normalizeNip } from '../../domain/nip';
import type { Where } from './paths';
import { FA3_NAMESPACE, FA3_SCHEMA_VERSION, FA3_SYSTEM_CODE, type InvoiceFacts, type SendProblem } from './types';

/** The facts read from the tree (size and hash are added by the caller), each with where it was found. */
export type ReadFacts = Omit<InvoiceFacts, 'sizeBytes' | 'sha256Base64'> & {
  where: { sellerNip: Where; kind: Where; number: Where; issueDate: Where };
};

/** The few reads the rules below need, over one parser's tree. */
export interface TreeNav<N> {
  elementChildren(node: N): Iterable<N>;
  localName(node: N): string;
  namespace(node: N): string | undefined;
  /** An unprefixed attribute's value, '' when absent. */
  attribute(node: N, name: string): string;
  textContent(node: N): string;
  where(node: N): Where;
}

/** The first child element named `name` (local name, any namespace), following `names` down from `from`. */
function child<N>(nav: TreeNav<N>, from: N | undefined, ...names: string[]): N | undefined {
  let el = from;
  for (const name of names) {
    let next: N | undefined;
    if (el !== undefined) for (const c of nav.elementChildren(el)) if (nav.localName(c) === name) { next = c; break; }
    el = next;
  }
  return el;
}

function textOf<N>(nav: TreeNav<N>, el: N | undefined): string | undefined {
  const value = el === undefined ? undefined : nav.textContent(el).trim();
  return value ? value : undefined;
}

export function readFacts<N>(root: N, nav: TreeNav<N>): ReadFacts {
  const seller = child(nav, root, 'Podmiot1', 'DaneIdentyfikacyjne');
  const buyer = child(nav, root, 'Podmiot2', 'DaneIdentyfikacyjne');
  const fa = child(nav, root, 'Fa');
  const nipEl = child(nav, seller, 'NIP');
  const kindEl = child(nav, fa, 'RodzajFaktury');
  const numberEl = child(nav, fa, 'P_2');
  const dateEl = child(nav, fa, 'P_1');
  const nip = textOf(nav, nipEl);
  const buyerNip = textOf(nav, child(nav, buyer, 'NIP'));
  return {
    sellerNip: nip === undefined ? '' : (normalizeNip(nip) ?? nip),
    sellerName: textOf(nav, child(nav, seller, 'Nazwa')),
    buyerNip: buyerNip === undefined ? undefined : (normalizeNip(buyerNip) ?? buyerNip),
    buyerName: textOf(nav, child(nav, buyer, 'Nazwa')),
    kind: textOf(nav, kindEl) ?? '',
    number: textOf(nav, numberEl) ?? '',
    issueDate: textOf(nav, dateEl) ?? '',
    currency: textOf(nav, child(nav, fa, 'KodWaluty')),
    gross: textOf(nav, child(nav, fa, 'P_15')),
    where: {
      sellerNip: nav.where(nipEl ?? seller ?? root),
      kind: nav.where(kindEl ?? fa ?? root),
      number: nav.where(numberEl ?? fa ?? root),
      issueDate: nav.where(dateEl ?? fa ?? root),
    },
  };
}

export function fa3Problem<N>(root: N, nav: TreeNav<N>): SendProblem | undefined {
  const namespace = nav.namespace(root);
  if (nav.localName(root) !== 'Faktura' || namespace !== FA3_NAMESPACE) {
    return { code: 'NOT_FA3', ...nav.where(root), data: { rule: 'root', root: nav.localName(root), namespace: namespace ?? '' } };
  }
  const form = child(nav, root, 'Naglowek', 'KodFormularza');
  const system = form === undefined ? '' : nav.attribute(form, 'kodSystemowy');
  const version = form === undefined ? '' : nav.attribute(form, 'wersjaSchemy');
  if (system !== FA3_SYSTEM_CODE || version !== FA3_SCHEMA_VERSION) {
    return { code: 'NOT_FA3', ...nav.where(form ?? root), data: { rule: 'form', system, version } };
  }
  return undefined;
}
