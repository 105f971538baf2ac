// FA(3) invoices made from the official sample templates (tests/fixtures/ksef/sample-fa3-template-*.xml) with
// chosen parties, numbers, dates and lines. The company names are invented but read like real Polish firms.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLSerializer } from '@xmldom/xmldom';
import { FA3_NAMESPACE, parseXmlStrict } from './fa3';
import type { Rng } from './random';

export type TemplateName = 'basic' | 'subject3';

const TEMPLATE_FILES: Record<TemplateName, string> = {
  basic: 'sample-fa3-template-basic.xml',
  subject3: 'sample-fa3-template-subject3.xml',
};

export interface Party {
  name: string;
  street: string;
  city: string;
}

/** Invented sellers and buyers with Polish names and addresses. */
export const SAMPLE_SELLERS: readonly Party[] = [
  { name: 'Biuro Rachunkowe Lipiec i Wspólnicy Sp. z o.o.', street: 'ul. Długa 14', city: '31-147 Kraków' },
  { name: 'Hurtownia Papiernicza Biurex Sp. z o.o.', street: 'ul. Przemysłowa 8', city: '60-111 Poznań' },
  { name: 'Zakład Energetyczny Wschód S.A.', street: 'al. Kraśnicka 31', city: '20-718 Lublin' },
  { name: 'Drukarnia Pod Lipą s.c. Anna i Marek Wiśniewscy', street: 'ul. Ogrodowa 3', city: '90-024 Łódź' },
  { name: 'Serwis Komputerowy Bajt Tomasz Zieliński', street: 'ul. Mickiewicza 27/4', city: '80-432 Gdańsk' },
  { name: 'Przedsiębiorstwo Usług Komunalnych Czysta Gmina Sp. z o.o.', street: 'ul. Leśna 1', city: '26-600 Radom' },
  { name: 'Kancelaria Radcy Prawnego Ewa Dąbrowska', street: 'pl. Wolności 5', city: '50-071 Wrocław' },
  { name: 'Agencja Reklamowa Iskra Sp. z o.o. sp.k.', street: 'ul. Piotrkowska 120', city: '90-006 Łódź' },
];

export const SAMPLE_BUYERS: readonly Party[] = [
  { name: 'Fundacja Przykładowa', street: 'ul. Polna 1', city: '00-001 Warszawa' },
  { name: 'Stowarzyszenie Sąsiedzka Pomoc', street: 'ul. Kościuszki 12', city: '40-049 Katowice' },
];

export const SAMPLE_LINES: readonly { name: string; unit: string; unitNetPrice: number; vatRate: 23 | 8 | 5 }[] = [
  { name: 'Papier ksero A4 80 g/m², ryza 500 ark.', unit: 'szt.', unitNetPrice: 21.5, vatRate: 23 },
  { name: 'Usługa prowadzenia ksiąg rachunkowych', unit: 'mies.', unitNetPrice: 850, vatRate: 23 },
  { name: 'Energia elektryczna czynna', unit: 'kWh', unitNetPrice: 0.9, vatRate: 23 },
  { name: 'Druk ulotek A5, nakład 1000 szt.', unit: 'usł.', unitNetPrice: 320, vatRate: 23 },
  { name: 'Naprawa drukarki laserowej', unit: 'usł.', unitNetPrice: 180, vatRate: 23 },
  { name: 'Wywóz odpadów komunalnych', unit: 'mies.', unitNetPrice: 95, vatRate: 8 },
  { name: 'Porada prawna', unit: 'godz.', unitNetPrice: 250, vatRate: 23 },
  { name: 'Książki do biblioteczki', unit: 'szt.', unitNetPrice: 39.9, vatRate: 5 },
];

export interface InvoiceLine {
  name: string;
  unit?: string;
  quantity: number;
  unitNetPrice: number;
  vatRate: 23 | 8 | 5;
}

export interface InvoiceTemplateInput {
  template?: TemplateName;
  sellerNip: string;
  sellerName?: string;
  buyerNip: string;
  buyerName?: string;
  /** `subject3` template only: the NIP of the third party (Podmiot3, role 8 as in the sample). */
  thirdSubjectNip?: string;
  invoiceNumber?: string;
  /** YYYY-MM-DD; default: the day given as `today`. */
  issueDate?: string;
  currency?: string;
  lines?: InvoiceLine[];
}

const RATE_FIELDS: Record<23 | 8 | 5, [string, string]> = { 23: ['P_13_1', 'P_14_1'], 8: ['P_13_2', 'P_14_2'], 5: ['P_13_3', 'P_14_3'] };
const templateCache = new Map<TemplateName, string>();
const money = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);

function templateText(name: TemplateName): string {
  let text = templateCache.get(name);
  if (!text) {
    text = readFileSync(fileURLToPath(new URL(`../fixtures/ksef/${TEMPLATE_FILES[name]}`, import.meta.url)), 'utf8');
    templateCache.set(name, text);
  }
  return text;
}

function el(doc: Document, name: string, value?: string): Element {
  const node = doc.createElementNS(FA3_NAMESPACE, name);
  if (value !== undefined) node.appendChild(doc.createTextNode(value));
  return node;
}

function first(parent: Element | Document, name: string): Element {
  const found = parent.getElementsByTagNameNS(FA3_NAMESPACE, name)[0];
  if (!found) throw new Error(`invoice template: element ${name} missing`);
  return found;
}

function setText(parent: Element | Document, name: string, value: string): void {
  const node = first(parent, name);
  while (node.firstChild) node.removeChild(node.firstChild);
  node.appendChild(node.ownerDocument!.createTextNode(value));
}

function setAddress(podmiot: Element, party: Pick<Party, 'street' | 'city'>): void {
  setText(podmiot, 'AdresL1', party.street);
  setText(podmiot, 'AdresL2', party.city);
}

/** Builds FA(3) XML from a sample template; totals follow from the lines (net, VAT per rate, gross). */
export function generateInvoiceXml(input: InvoiceTemplateInput, rng: Rng, today: string): string {
  if (!/^\d{10}$/.test(input.sellerNip)) throw new TypeError('"sellerNip" must be 10 digits');
  if (!/^\d{10}$/.test(input.buyerNip)) throw new TypeError('"buyerNip" must be 10 digits');
  const template = input.template ?? 'basic';
  if (!(template in TEMPLATE_FILES)) throw new TypeError('"template" must be "basic" or "subject3"');
  const issueDate = input.issueDate ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) throw new TypeError('"issueDate" must be YYYY-MM-DD');
  const seller = SAMPLE_SELLERS.find((s) => s.name === input.sellerName) ?? { ...rng.pick(SAMPLE_SELLERS), ...(input.sellerName ? { name: input.sellerName } : {}) };
  const buyer = { ...rng.pick(SAMPLE_BUYERS), ...(input.buyerName ? { name: input.buyerName } : {}) };
  const lines =
    input.lines && input.lines.length > 0
      ? input.lines
      : Array.from({ length: 1 + rng.int(3) }, () => ({ ...rng.pick(SAMPLE_LINES), quantity: 1 + rng.int(10) }));
  if (lines.length > 1000) throw new TypeError('"lines" must have at most 1000 entries');
  const invoiceNumber = input.invoiceNumber ?? `FV/${rng.int(9000) + 1000}/${issueDate.slice(5, 7)}/${issueDate.slice(0, 4)}`;

  const source = templateText(template)
    .replace('#nip#', input.sellerNip)
    .replace('#nipOdbiorca#', input.thirdSubjectNip ?? input.buyerNip);
  const parsed = parseXmlStrict(source);
  if ('error' in parsed) throw new Error(`invoice template ${template}: ${parsed.error}`);
  const doc = parsed.doc;

  setText(doc, 'DataWytworzeniaFa', `${issueDate}T08:00:00Z`);
  setText(doc, 'SystemInfo', 'Symulator KSeF (KSeF Pilot)');
  const podmiot1 = first(doc, 'Podmiot1');
  setText(podmiot1, 'Nazwa', seller.name);
  setAddress(podmiot1, seller);
  setText(podmiot1, 'Email', 'faktury@example.com');
  const podmiot2 = first(doc, 'Podmiot2');
  setText(podmiot2, 'NIP', input.buyerNip);
  setText(podmiot2, 'Nazwa', buyer.name);
  setAddress(podmiot2, buyer);

  const fa = first(doc, 'Fa');
  setText(fa, 'KodWaluty', input.currency ?? 'PLN');
  setText(fa, 'P_1', issueDate);
  setText(fa, 'P_1M', seller.city.replace(/^\d{2}-\d{3}\s+/, ''));
  setText(fa, 'P_2', invoiceNumber);
  // Delivery date instead of the template's billing period; no excise note (that sample is an energy bill).
  for (const name of ['OkresFa', 'WZ', 'P_6', 'DodatkowyOpis']) {
    for (const node of Array.from(fa.getElementsByTagNameNS(FA3_NAMESPACE, name))) node.parentNode?.removeChild(node);
  }
  fa.insertBefore(el(doc, 'P_6', issueDate), first(fa, 'P_2').nextSibling);

  const sums = new Map<23 | 8 | 5, { net: number; vat: number }>();
  for (const line of lines) {
    const net = Math.round(line.quantity * line.unitNetPrice * 100) / 100;
    const entry = sums.get(line.vatRate) ?? { net: 0, vat: 0 };
    entry.net += net;
    sums.set(line.vatRate, entry);
  }
  for (const name of ['P_13_1', 'P_14_1', 'P_13_2', 'P_14_2', 'P_13_3', 'P_14_3']) {
    for (const node of Array.from(fa.getElementsByTagNameNS(FA3_NAMESPACE, name))) node.parentNode?.removeChild(node);
  }
  const p15 = first(fa, 'P_15');
  let gross = 0;
  for (const rate of [23, 8, 5] as const) {
    const entry = sums.get(rate);
    if (!entry) continue;
    entry.vat = Math.round(entry.net * rate) / 100;
    gross += entry.net + entry.vat;
    const [netField, vatField] = RATE_FIELDS[rate];
    fa.insertBefore(el(doc, netField, money(entry.net)), p15);
    fa.insertBefore(el(doc, vatField, money(entry.vat)), p15);
  }
  setText(fa, 'P_15', money(gross));

  const oldLines = Array.from(fa.getElementsByTagNameNS(FA3_NAMESPACE, 'FaWiersz'));
  const anchor = oldLines[oldLines.length - 1]?.nextSibling ?? null;
  for (const node of oldLines) fa.removeChild(node);
  lines.forEach((line, i) => {
    const row = el(doc, 'FaWiersz');
    row.appendChild(el(doc, 'NrWierszaFa', String(i + 1)));
    row.appendChild(el(doc, 'P_7', line.name));
    row.appendChild(el(doc, 'P_8A', line.unit ?? 'szt.'));
    row.appendChild(el(doc, 'P_8B', String(line.quantity)));
    row.appendChild(el(doc, 'P_9A', money(line.unitNetPrice)));
    row.appendChild(el(doc, 'P_11', money(line.quantity * line.unitNetPrice)));
    row.appendChild(el(doc, 'P_12', String(line.vatRate)));
    fa.insertBefore(row, anchor);
  });
  setText(fa, 'DoZaplaty', money(gross));
  const due = new Date(`${issueDate}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 14);
  setText(fa, 'Termin', due.toISOString().slice(0, 10));
  return new XMLSerializer().serializeToString(doc as never);
}
