// The UPO (urzędowe poświadczenie odbioru) as a reader sees it: who received what and when, and the hash of each
// document. Fields per shared/ksef/upo-v4-3.xsd (`Potwierdzenie`); the samples upo-v4-3-faktura-kontekst-nip.xml
// (one invoice) and upo-v4-3-sesja-kontekst-nip.xml (a session's collective UPO, paged by `OpisPotwierdzenia`).
// The XML comes from KSeF but is shown as text only and parsed without entities (lib/core/xml.ts). MF signs the
// UPO with XAdES (NOTES §8.3): the ds:Signature sibling is ignored here, the original XML is what the user keeps.
import type { Element } from '@xmldom/xmldom';
import { warsawTimestamp } from '../core/time';
import { parseSafeXml } from '../core/xml';

/** UPO namespaces of KSeF 2.0 (v4-3 now; v4-2 and later v4-x keep the same element names). */
const UPO_NAMESPACE_PREFIX = 'http://upo.schematy.mf.gov.pl/KSeF/v4-';
/** A collective UPO page holds at most 10 000 `Dokument` (NOTES §8.3); about 600 bytes each. */
const MAX_UPO_CHARS = 10_000_000;
const MAX_DEPTH = 12;

export interface UpoDocument {
  sellerNip: string;
  ksefNumber: string;
  invoiceNumber: string;
  /** DataWystawieniaFaktury, YYYY-MM-DD. */
  issueDate: string;
  /** DataPrzeslaniaDokumentu: when KSeF received the file. */
  receivedAt: string;
  /** DataNadaniaNumeruKSeF: when KSeF gave it its number. */
  numberedAt: string;
  /** SkrotDokumentu: SHA-256 of the invoice file, base64. */
  hash: string;
  /** TrybWysylki: Online or Offline. */
  mode: string;
}

export interface UpoView {
  /** NazwaPodmiotuPrzyjmujacego: Ministerstwo Finansów (with an environment suffix on TEST/DEMO). */
  receiver: string;
  sessionRef: string;
  /** IdKontekstu: which kind of identifier (Nip, IdWewnetrzny, IdZlozonyVatUE, IdDostawcyUslugPeppol) and its value. */
  context: { kind: string; value: string };
  /** SkrotDokumentuUwierzytelniajacego (a signature login) or NumerReferencyjnyTokenaKSeF (a token login). */
  authentication: { kind: 'signature' | 'token'; value: string } | undefined;
  /** OpisPotwierdzenia: present on a collective UPO's pages. */
  page?: { number: number; of: number; from: number; to: number; total: number };
  schemaName: string;
  formCode: string;
  documents: UpoDocument[];
}

export type UpoReadResult = { ok: true; upo: UpoView } | { ok: false; reason: 'NOT_XML' | 'NOT_UPO' };

function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI?.startsWith(UPO_NAMESPACE_PREFIX)) out.push(n as Element);
  }
  return out;
}

function child(parent: Element | undefined, name: string): Element | undefined {
  return parent ? childElements(parent).find((e) => e.localName === name) : undefined;
}

function text(parent: Element | undefined, name: string): string {
  return (child(parent, name)?.textContent ?? '').trim();
}

function count(parent: Element | undefined, name: string): number {
  const value = Number(text(parent, name));
  return Number.isInteger(value) ? value : 0;
}

function readDocument(doc: Element): UpoDocument {
  return {
    sellerNip: text(doc, 'NipSprzedawcy'),
    ksefNumber: text(doc, 'NumerKSeFDokumentu'),
    invoiceNumber: text(doc, 'NumerFaktury'),
    issueDate: text(doc, 'DataWystawieniaFaktury'),
    receivedAt: text(doc, 'DataPrzeslaniaDokumentu'),
    numberedAt: text(doc, 'DataNadaniaNumeruKSeF'),
    hash: text(doc, 'SkrotDokumentu'),
    mode: text(doc, 'TrybWysylki'),
  };
}

/** Reads a UPO; never throws for bad input (a page shows "cannot be read" and still offers the XML). */
export function readUpo(xml: string): UpoReadResult {
  if (typeof xml !== 'string') throw new TypeError('"xml" must be a string');
  const parsed = parseSafeXml(xml, { maxDepth: MAX_DEPTH, maxChars: MAX_UPO_CHARS, warnings: 'ignore' });
  if (!parsed.ok) return { ok: false, reason: 'NOT_XML' };
  const root = parsed.doc.documentElement as Element | null;
  if (!root || root.localName !== 'Potwierdzenie' || !root.namespaceURI?.startsWith(UPO_NAMESPACE_PREFIX)) {
    return { ok: false, reason: 'NOT_UPO' };
  }
  const auth = child(root, 'Uwierzytelnienie');
  const contextId = child(auth, 'IdKontekstu');
  const contextValue = contextId ? childElements(contextId)[0] : undefined;
  const signature = text(auth, 'SkrotDokumentuUwierzytelniajacego');
  const token = text(auth, 'NumerReferencyjnyTokenaKSeF');
  const description = child(root, 'OpisPotwierdzenia');
  return {
    ok: true,
    upo: {
      receiver: text(root, 'NazwaPodmiotuPrzyjmujacego'),
      sessionRef: text(root, 'NumerReferencyjnySesji'),
      context: { kind: contextValue?.localName ?? '', value: (contextValue?.textContent ?? '').trim() },
      authentication: signature ? { kind: 'signature', value: signature } : token ? { kind: 'token', value: token } : undefined,
      ...(description
        ? {
            page: {
              number: count(description, 'Strona'),
              of: count(description, 'LiczbaStron'),
              from: count(description, 'ZakresDokumentowOd'),
              to: count(description, 'ZakresDokumentowDo'),
              total: count(description, 'CalkowitaLiczbaDokumentow'),
            },
          }
        : {}),
      schemaName: text(root, 'NazwaStrukturyLogicznej'),
      formCode: text(root, 'KodFormularza'),
      documents: childElements(root).filter((e) => e.localName === 'Dokument').map(readDocument),
    },
  };
}

/**
 * Whether the UPO's hash of a document is the hash of the file we sent (contract §1 `sha256Base64`): the proof
 * that KSeF received exactly that file. Both are base64 of 32 bytes; compared as written.
 */
export function upoConfirmsFile(document: Pick<UpoDocument, 'hash'>, sentSha256Base64: string | undefined): boolean | undefined {
  if (!sentSha256Base64 || !document.hash) return undefined;
  return document.hash === sentSha256Base64;
}

/** A file name for the downloaded UPO: UPO-<KSeF number or session reference>.xml, file-system safe. */
export function upoFileName(id: string): string {
  if (typeof id !== 'string' || id.length === 0) throw new TypeError('"id" must be a non-empty string');
  return `UPO-${id.replace(/[^0-9A-Za-z-]/g, '_')}.xml`;
}

/**
 * A UPO time in Polish time to the second (lib/core/time `warsawTimestamp`), e.g. "16.09.2025, 11:05:40";
 * a value that is not a date-time is shown as written.
 */
export function upoTime(iso: string, lang: 'pl' | 'en'): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) || !/T\d{2}:\d{2}/.test(iso) ? iso : warsawTimestamp(lang, at);
}
