// FaWiersz (invoice lines) and ZamowienieWiersz (order lines of advance invoices): one line shape read from
// two sets of elements (schemat FA(3): ZamowienieWiersz repeats FaWiersz's fields under other names), so one
// reader over two tables. A rate comes with its label (labels.ts) either way.
import type { Lang } from '../i18n';
import { vatRateLabel } from './labels';
import type { FaNode } from './reader';
import type { InvoiceLine, OrderLine } from './types';

/** The element each text field is read from; `rateLabel` and `before` are derived. */
type Elements<T> = Record<Exclude<keyof T, 'rateLabel' | 'before'>, string>;

const INVOICE_LINE: Elements<InvoiceLine> = {
  number: 'NrWierszaFa', uuid: 'UU_ID', deliveryDate: 'P_6A', name: 'P_7', index: 'Indeks', gtin: 'GTIN',
  pkwiu: 'PKWiU', cn: 'CN', pkob: 'PKOB', unit: 'P_8A', quantity: 'P_8B', unitNetPrice: 'P_9A',
  unitGrossPrice: 'P_9B', discount: 'P_10', net: 'P_11', gross: 'P_11A', vat: 'P_11Vat', rate: 'P_12',
  ossRate: 'P_12_XII', exciseAmount: 'KwotaAkcyzy', gtu: 'GTU', procedure: 'Procedura', exchangeRate: 'KursWaluty',
};

const ORDER_LINE: Elements<OrderLine> = {
  number: 'NrWierszaZam', name: 'P_7Z', unit: 'P_8AZ', quantity: 'P_8BZ', unitNetPrice: 'P_9AZ',
  net: 'P_11NettoZ', vat: 'P_11VatZ', rate: 'P_12Z',
};

function readWith<K extends string>(node: FaNode, lang: Lang, elements: Record<K | 'rate', string>, before: string) {
  const texts = {} as Record<K | 'rate', string | undefined>;
  for (const field of Object.keys(elements) as (K | 'rate')[]) texts[field] = node.text(elements[field]);
  return { ...texts, rateLabel: texts.rate === undefined ? undefined : vatRateLabel(texts.rate, lang), before: node.flag(before) };
}

export function readLine(node: FaNode, lang: Lang): InvoiceLine {
  return readWith(node, lang, INVOICE_LINE, 'StanPrzed');
}

export function readOrderLine(node: FaNode, lang: Lang): OrderLine {
  return readWith(node, lang, ORDER_LINE, 'StanPrzedZ');
}
