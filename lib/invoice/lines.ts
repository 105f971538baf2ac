// FaWiersz (invoice lines) and ZamowienieWiersz (order lines of advance invoices).
import type { Lang } from '../i18n';
import { vatRateLabel } from './labels';
import type { FaNode } from './reader';
import type { InvoiceLine, OrderLine } from './types';

export function readLine(node: FaNode, lang: Lang): InvoiceLine {
  const rate = node.text('P_12');
  return {
    number: node.text('NrWierszaFa'),
    uuid: node.text('UU_ID'),
    deliveryDate: node.text('P_6A'),
    name: node.text('P_7'),
    index: node.text('Indeks'),
    gtin: node.text('GTIN'),
    pkwiu: node.text('PKWiU'),
    cn: node.text('CN'),
    pkob: node.text('PKOB'),
    unit: node.text('P_8A'),
    quantity: node.text('P_8B'),
    unitNetPrice: node.text('P_9A'),
    unitGrossPrice: node.text('P_9B'),
    discount: node.text('P_10'),
    net: node.text('P_11'),
    gross: node.text('P_11A'),
    vat: node.text('P_11Vat'),
    rate,
    rateLabel: rate === undefined ? undefined : vatRateLabel(rate, lang),
    ossRate: node.text('P_12_XII'),
    exciseAmount: node.text('KwotaAkcyzy'),
    gtu: node.text('GTU'),
    procedure: node.text('Procedura'),
    exchangeRate: node.text('KursWaluty'),
    before: node.flag('StanPrzed'),
  };
}

export function readOrderLine(node: FaNode, lang: Lang): OrderLine {
  const rate = node.text('P_12Z');
  return {
    number: node.text('NrWierszaZam'),
    name: node.text('P_7Z'),
    unit: node.text('P_8AZ'),
    quantity: node.text('P_8BZ'),
    unitNetPrice: node.text('P_9AZ'),
    net: node.text('P_11NettoZ'),
    vat: node.text('P_11VatZ'),
    rate,
    rateLabel: rate === undefined ? undefined : vatRateLabel(rate, lang),
    before: node.flag('StanPrzedZ'),
  };
}
