import { DEFAULT_LANG, isLang, type Lang } from '../i18n';
import { readAnnotations } from './annotations';
import { readAdvance, readCorrection } from './correction';
import { InvoiceError } from './errors';
import { invoiceKindLabel } from './labels';
import { readLine } from './lines';
import { readParty, readThirdParty } from './parties';
import { readPayment, readSettlement } from './payment';
import { FaNode } from './reader';
import { sanitizeDeep } from './sanitize';
import type { InvoiceView } from './types';
import { readVatSummary, totalsOf } from './vat-summary';
import { parseInvoiceXml } from './xml';

export interface ParseInvoiceOptions {
  /** Language of the labels put beside codes (default Polish). */
  lang?: Lang;
  /** The KSeF number, which KSeF assigns and the XML therefore does not contain (NOTES §11). */
  ksefNumber?: string;
}

function required(node: FaNode | undefined, path: string, shownAs: string): FaNode {
  const found = node?.at(path);
  if (!found) throw new InvoiceError('MISSING_ELEMENT', { element: shownAs });
  return found;
}

/**
 * Reads an FA(3) invoice (FA(2) best-effort) for display. The XML is parsed without DTDs or entities,
 * bounded in size and depth; the result holds only sanitised strings, numbers and booleans.
 * Throws InvoiceError (NOT_XML, DOCTYPE_FORBIDDEN, TOO_LARGE, TOO_DEEP, NOT_FA, MISSING_ELEMENT).
 */
export function parseInvoice(xml: string | Uint8Array, options: ParseInvoiceOptions = {}): InvoiceView {
  const lang = options.lang ?? DEFAULT_LANG;
  if (!isLang(lang)) throw new TypeError('"options.lang" must be "pl" or "en"');
  if (options.ksefNumber !== undefined && typeof options.ksefNumber !== 'string') {
    throw new TypeError('"options.ksefNumber" must be a string');
  }
  const { root, schema } = parseInvoiceXml(xml);
  const doc = new FaNode(root, root.namespaceURI ?? '');
  const seller = required(doc, 'Podmiot1', 'Podmiot1');
  const buyer = required(doc, 'Podmiot2', 'Podmiot2');
  const fa = required(doc, 'Fa', 'Fa');
  const field = (name: string) => required(fa, name, `Fa/${name}`).value();
  const kind = field('RodzajFaktury');
  const lines = fa.children('FaWiersz').map((l) => readLine(l, lang));
  const advance = readAdvance(fa, lang);
  const rates = [...lines, ...(advance?.orderLines ?? [])].map((l) => l.rate);
  const vatSummary = readVatSummary(fa, rates, lang);
  const periodNode = fa.child('OkresFa');
  const payment = fa.child('Platnosc');
  const settlement = fa.child('Rozliczenie');
  const view: InvoiceView = {
    schema,
    kind,
    kindLabel: invoiceKindLabel(kind, lang),
    number: field('P_2'),
    ksefNumber: options.ksefNumber,
    issueDate: field('P_1'),
    place: fa.text('P_1M'),
    saleDate: fa.text('P_6'),
    period: periodNode ? { from: periodNode.text('P_6_Od') ?? '', to: periodNode.text('P_6_Do') ?? '' } : undefined,
    currency: field('KodWaluty'),
    exchangeRate: fa.text('KursWalutyZ'),
    seller: readParty(seller),
    buyer: readParty(buyer),
    thirdParties: doc.children('Podmiot3').map((p) => readThirdParty(p, lang)),
    lines,
    vatSummary,
    totals: totalsOf(vatSummary, field('P_15')),
    settlement: settlement ? readSettlement(settlement) : undefined,
    payment: payment ? readPayment(payment, lang) : undefined,
    correction: readCorrection(fa, lang),
    advance,
    annotations: readAnnotations(fa.child('Adnotacje'), lang),
    additionalInfo: fa.children('DodatkowyOpis').map((d) => ({
      key: d.text('Klucz') ?? '',
      value: d.text('Wartosc') ?? '',
      line: d.text('NrWiersza'),
    })),
    notes: (doc.child('Stopka')?.children('Informacje') ?? [])
      .map((i) => i.multiline('StopkaFaktury'))
      .filter((n): n is string => n !== undefined),
    registers: (doc.child('Stopka')?.children('Rejestry') ?? []).map((r) => ({
      fullName: r.text('PelnaNazwa'),
      krs: r.text('KRS'),
      regon: r.text('REGON'),
      bdo: r.text('BDO'),
    })),
    orders: (fa.child('WarunkiTransakcji')?.children('Zamowienia') ?? []).map((o) => ({
      date: o.text('DataZamowienia'),
      number: o.text('NrZamowienia'),
    })),
    contracts: (fa.child('WarunkiTransakcji')?.children('Umowy') ?? []).map((c) => ({
      date: c.text('DataUmowy'),
      number: c.text('NrUmowy'),
    })),
    wz: fa.texts('WZ'),
    hasAttachment: doc.child('Zalacznik') !== undefined,
    createdAt: doc.text('Naglowek/DataWytworzeniaFa'),
    systemInfo: doc.text('Naglowek/SystemInfo'),
  };
  return sanitizeDeep(view);
}
