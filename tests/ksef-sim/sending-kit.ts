// Helpers for the simulator's sending tests: one client (a session, its key and the access token) that opens,
// sends, polls and closes over HTTP, invoices from the FA(3) template, and the UPO check (xmllint against
// upo-v4-3.xsd when installed, else the element structure of the official samples).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { generateInvoiceXml, type InvoiceTemplateInput } from './invoice-templates';
import { call, encryptInvoice, FA3_FORM, KSEF_FIXTURES, sessionEncryption, type CallResult } from './kit';
import { createRng } from './random';
import type { Simulator } from './simulator';
import { warsawDate } from './time';
import { UPO_NAMESPACE } from './upo';
import { xmllintAvailable } from './xsd';

export const SELLER = '5265877635';
export const BUYER = '7680002466';
export const OTHER = '1111111111';

const rng = createRng('sending-kit');

/** A template invoice issued today (simulator time) by SELLER for BUYER unless overridden. */
export function invoiceXml(sim: Simulator, number: string, overrides: Partial<InvoiceTemplateInput> = {}): string {
  const today = warsawDate(sim.state.clock.now());
  return generateInvoiceXml({ sellerNip: SELLER, buyerNip: BUYER, invoiceNumber: number, issueDate: today, ...overrides }, rng, today);
}

/** The same invoice with an attachment block (valid FA(3): Zalacznik/BlokDanych after Stopka). */
export const withAttachment = (xml: string): string =>
  xml.replace('</Faktura>', '<Zalacznik><BlokDanych><MetaDane><ZKlucz>Umowa</ZKlucz><ZWartosc>1/2026</ZWartosc></MetaDane><Tekst><Akapit>Treść załącznika</Akapit></Tekst></BlokDanych></Zalacznik></Faktura>');

export interface SendClient {
  ref: string;
  opened: CallResult;
  /** SendInvoiceRequest for this session's key (NOTES §8.2). */
  encrypt(xml: string): ReturnType<typeof encryptInvoice>;
  send(xml: string, tweak?: Record<string, unknown>): Promise<CallResult>;
  /** Polls one invoice until it leaves 150 (at most `max` polls); returns every code seen and the last body. */
  outcome(invoiceRef: string, max?: number): Promise<{ seen: number[]; body: any }>;
  /** Sends and polls to the outcome. */
  sendAndWait(xml: string): Promise<{ sent: CallResult; seen: number[]; body: any }>;
  close(): Promise<CallResult>;
  /** Polls the session until it leaves 100/170 (at most 10 polls). */
  finalStatus(): Promise<any>;
  get(path: string, headers?: Record<string, string>): Promise<CallResult>;
}

export async function openClient(sim: Simulator, token: string, encryptionOverride: Record<string, unknown> = {}, formCode = FA3_FORM): Promise<SendClient> {
  const enc = await sessionEncryption(sim);
  const opened = await call(sim, 'POST', '/sessions/online', { token, json: { formCode, encryption: { ...enc.encryption, ...encryptionOverride } } });
  const ref = opened.body?.referenceNumber as string;
  const get = (path: string, headers?: Record<string, string>) => call(sim, 'GET', path, { token, headers });
  const client: SendClient = {
    ref,
    opened,
    get,
    encrypt: (xml) => encryptInvoice(enc.aesKey, enc.iv, xml),
    async send(xml, tweak = {}) {
      const body = { ...(await encryptInvoice(enc.aesKey, enc.iv, xml)), ...tweak };
      return call(sim, 'POST', `/sessions/online/${ref}/invoices`, { token, json: body });
    },
    async outcome(invoiceRef, max = 10) {
      const seen: number[] = [];
      let last: CallResult | undefined;
      for (let i = 0; i < max; i++) {
        last = await get(`/sessions/${ref}/invoices/${invoiceRef}`);
        seen.push(last.body.status.code);
        if (last.body.status.code !== 150) break;
      }
      return { seen, body: last?.body };
    },
    async sendAndWait(xml) {
      const sent = await client.send(xml);
      if (sent.status !== 202) throw new Error(`send answered ${sent.status}: ${sent.text}`);
      return { sent, ...(await client.outcome(sent.body.referenceNumber)) };
    },
    close: () => call(sim, 'POST', `/sessions/online/${ref}/close`, { token }),
    async finalStatus() {
      let last: CallResult | undefined;
      for (let i = 0; i < 10; i++) {
        last = await get(`/sessions/${ref}`);
        if (![100, 170].includes(last.body.status.code)) break;
      }
      return last?.body;
    },
  };
  return client;
}

/** The element structure of an XML document: every element's path, in document order. */
export function shape(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const out: string[] = [];
  const walk = (el: Element, prefix: string) => {
    const path = `${prefix}/${el.localName}`;
    if (!out.includes(path)) out.push(path);
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element, path);
  };
  walk(doc.documentElement as unknown as Element, '');
  return out;
}

export const xmlText = (xml: string, name: string): string[] =>
  Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName(name)).map((e) => e.textContent ?? '');

/**
 * Problems of a UPO: xmllint against upo-v4-3.xsd (production variant: receiver "Ministerstwo Finansów") when
 * installed, else namespace and element structure against the official sample of its kind.
 */
export function upoProblems(xml: string, kind: 'faktura' | 'sesja'): string[] {
  if (xmllintAvailable()) {
    const file = join(mkdtempSync(join(tmpdir(), 'ksef-sim-upo-')), 'upo.xml');
    writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--nonet', '--schema', `${KSEF_FIXTURES}upo-v4-3.xsd`, file], { stdio: 'pipe' });
      return [];
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error).split('\n').filter((l) => l.trim() && !l.includes('fails to validate'));
    }
  }
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (doc.documentElement?.namespaceURI !== UPO_NAMESPACE) problems.push(`namespace ${doc.documentElement?.namespaceURI}`);
  const sample = readFileSync(`${KSEF_FIXTURES}upo-v4-3-${kind}-kontekst-nip.xml`, 'utf8');
  if (JSON.stringify(shape(xml)) !== JSON.stringify(shape(sample))) problems.push(`structure ${shape(xml).join(' ')}`);
  return problems;
}
