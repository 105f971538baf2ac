// Invoices for the local check, each derived from tests/fixtures/send/fa3-valid.xml by one visible change.
import { readFileSync } from 'node:fs';
import type { CheckContext, EarlierSend, InvoiceFile, SendProblem } from '../../../lib/send/check';
import { sendProblemText } from '../../../lib/send/check';

export const VALID_XML = readFileSync(new URL('../../fixtures/send/fa3-valid.xml', import.meta.url), 'utf8');
export const SELLER_NIP = '5265877635';
export const OTHER_NIP = '7251801126';
/** 2026-03-02 11:00 in Poland: the fixture's P_1 is "today". */
export const NOW = new Date('2026-03-02T10:00:00Z');

export const PROFILES = [
  { id: 'p-seller', nip: SELLER_NIP, name: 'Elektrownia S.A.' },
  { id: 'p-other', nip: OTHER_NIP, name: 'Inna Spółka sp. z o.o.' },
];

export function ctx(overrides: Partial<CheckContext> = {}): CheckContext {
  return { profiles: PROFILES, now: NOW, findEarlier: async () => undefined, ...overrides };
}

export function earlierFound(found: EarlierSend): CheckContext['findEarlier'] {
  return async () => found;
}

const utf8 = new TextEncoder();

export function file(text: string | Uint8Array, name = 'faktura.xml'): InvoiceFile {
  return { name, bytes: typeof text === 'string' ? utf8.encode(text) : text };
}

/** The valid invoice with `from` replaced by `to` (the replaced text must be there). */
export function variant(...pairs: [string | RegExp, string][]): string {
  let xml = VALID_XML;
  for (const [from, to] of pairs) {
    const next = xml.replace(from, to);
    if (next === xml) throw new Error(`variant: ${String(from)} not found`);
    xml = next;
  }
  return xml;
}

export function texts(p: SendProblem): { pl: string; en: string } {
  return { pl: sendProblemText(p, 'pl'), en: sendProblemText(p, 'en') };
}

/** A schema-valid invoice of about `bytes` bytes: the fixture's first line item repeated. */
export function bigInvoice(bytes: number): string {
  const row = /<FaWiersz>[\s\S]*?<\/FaWiersz>/.exec(VALID_XML)![0];
  const rows: string[] = [];
  let size = VALID_XML.length;
  for (let n = 1; size + row.length < bytes; n++) {
    rows.push(row.replace(/<NrWierszaFa>\d+</, `<NrWierszaFa>${n}<`));
    size += row.length;
  }
  return VALID_XML.replace(/<FaWiersz>[\s\S]*<\/FaWiersz>/, rows.join('\n\t\t'));
}
