// Reads an FA(3) invoice the way KSeF's acceptance checks need it (NOTES §8.4) and derives the metadata the
// query API returns for it (NOTES §7.1). No full XSD validator exists in Node; xsd.ts adds xmllint when present.
import { DOMParser } from '@xmldom/xmldom';

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';
export const FA3_FORM_CODE = { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' } as const;
/** Invoice size limit without attachments (NOTES §8.4). */
export const MAX_INVOICE_BYTES = 1_000_000;

export type BuyerIdentifierType = 'Nip' | 'VatUe' | 'Other' | 'None';
export type ThirdSubjectIdentifierType = 'Nip' | 'InternalId' | 'VatUe' | 'Other' | 'None';

export interface Fa3Facts {
  formCode: { systemCode: string; schemaVersion: string; value: string };
  sellerNip: string;
  sellerName: string | null;
  buyer: { identifier: { type: BuyerIdentifierType; value: string | null }; name: string | null };
  thirdSubjects: { identifier: { type: ThirdSubjectIdentifierType; value: string | null }; name: string | null; role: number }[];
  authorizedSubject: { nip: string; name: string | null; role: number } | null;
  invoiceNumber: string;
  issueDate: string;
  currency: string;
  netAmount: number;
  grossAmount: number;
  vatAmount: number;
  /** RodzajFaktury as written (VAT, KOR, ZAL, …): part of the duplicate key (NOTES §8.4). */
  rodzajFaktury: string;
  invoiceType: string;
  isSelfInvoicing: boolean;
  hasAttachment: boolean;
}

export type Fa3Result = { ok: true; facts: Fa3Facts } | { ok: false; details: string[] };

const INVOICE_TYPES: Readonly<Record<string, string>> = {
  VAT: 'Vat',
  ZAL: 'Zal',
  KOR: 'Kor',
  ROZ: 'Roz',
  UPR: 'Upr',
  KOR_ZAL: 'KorZal',
  KOR_ROZ: 'KorRoz',
};

const NET_FIELDS = ['P_13_1', 'P_13_2', 'P_13_3', 'P_13_4', 'P_13_5', 'P_13_6_1', 'P_13_6_2', 'P_13_6_3', 'P_13_7', 'P_13_8', 'P_13_9', 'P_13_10', 'P_13_11'];
const VAT_FIELDS = ['P_14_1', 'P_14_2', 'P_14_3', 'P_14_4', 'P_14_5'];

function children(parent: Element | null, name: string): Element[] {
  if (!parent) return [];
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === FA3_NAMESPACE) out.push(node as Element);
  }
  return out;
}

function at(root: Element | null, path: string): Element | null {
  let current = root;
  for (const name of path.split('/')) current = children(current, name)[0] ?? null;
  return current;
}

const text = (root: Element | null, path: string): string | null => {
  const el = at(root, path);
  const value = el?.textContent?.trim();
  return value ? value : null;
};

const amount = (value: string | null): number => (value && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : 0);
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Discouraged code points KSeF rejects (NOTES §8.4). */
const DISCOURAGED = /[\u007f-\u0084\u0086-\u009f\ufdd0-\ufdef\ufffe\uffff]/;

/** Parses without DTDs or entities: invoice content is untrusted. */
export function parseXmlStrict(xml: string): { doc: Document } | { error: string } {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { error: 'Dokument zawiera deklarację DOCTYPE lub ENTITY, która jest niedozwolona.' };
  try {
    const parser = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    const doc = parser.parseFromString(xml, 'text/xml') as unknown as Document;
    if (!doc.documentElement) return { error: 'Brak elementu głównego.' };
    return { doc };
  } catch (error) {
    return { error: `Dokument nie jest poprawnym XML: ${String((error as Error).message).slice(0, 300)}` };
  }
}

/** Decodes, parses and checks an invoice; on success returns the facts the metadata needs. */
export function readFa3(bytes: Uint8Array): Fa3Result {
  if (bytes.length > MAX_INVOICE_BYTES) return { ok: false, details: [`Rozmiar faktury ${bytes.length} B przekracza limit ${MAX_INVOICE_BYTES} B.`] };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ok: false, details: ['Plik faktury zawiera znacznik BOM; wymagane jest UTF-8 bez BOM.'] };
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, details: ['Plik faktury nie jest poprawnie zakodowany w UTF-8.'] };
  }
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)["']/.exec(xml);
  if (declared && declared[1]?.toLowerCase() !== 'utf-8') return { ok: false, details: [`Deklarowane kodowanie ${declared[1]} jest niedozwolone; wymagane UTF-8.`] };
  if (xml.replace(/^<\?xml[^>]*\?>/, '').includes('<?')) return { ok: false, details: ['Plik faktury zawiera instrukcje przetwarzania.'] };
  if (DISCOURAGED.test(xml)) return { ok: false, details: ['Plik faktury zawiera niedozwolone znaki Unicode.'] };
  const parsed = parseXmlStrict(xml);
  if ('error' in parsed) return { ok: false, details: [parsed.error] };
  const root = parsed.doc.documentElement as Element;
  if (root.localName !== 'Faktura' || root.namespaceURI !== FA3_NAMESPACE) {
    return { ok: false, details: [`Element główny musi być Faktura w przestrzeni nazw ${FA3_NAMESPACE}.`] };
  }
  const kod = at(root, 'Naglowek/KodFormularza');
  const formCode = {
    systemCode: kod?.getAttribute('kodSystemowy') ?? '',
    schemaVersion: kod?.getAttribute('wersjaSchemy') ?? '',
    value: kod?.textContent?.trim() ?? '',
  };
  const missing: string[] = [];
  const need = (path: string): string => {
    const value = text(root, path);
    if (value === null) missing.push(`Brak wymaganego elementu ${path}.`);
    return value ?? '';
  };
  const sellerNip = need('Podmiot1/DaneIdentyfikacyjne/NIP');
  const issueDate = need('Fa/P_1');
  const invoiceNumber = need('Fa/P_2');
  const currency = need('Fa/KodWaluty');
  const gross = need('Fa/P_15');
  const rodzajFaktury = need('Fa/RodzajFaktury');
  if (!at(root, 'Podmiot2')) missing.push('Brak wymaganego elementu Podmiot2.');
  if (missing.length > 0) return { ok: false, details: missing };
  if (!/^[1-9]((\d[1-9])|([1-9]\d))\d{7}$/.test(sellerNip)) return { ok: false, details: [`NIP sprzedawcy ${sellerNip} ma nieprawidłowy format.`] };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate)) return { ok: false, details: [`Data wystawienia P_1 (${issueDate}) ma nieprawidłowy format.`] };
  const invoiceType = INVOICE_TYPES[rodzajFaktury];
  if (!invoiceType) return { ok: false, details: [`Nieznany rodzaj faktury ${rodzajFaktury}.`] };

  const buyerIds = at(root, 'Podmiot2/DaneIdentyfikacyjne');
  const buyerNip = text(buyerIds, 'NIP');
  const buyerVatUe = text(buyerIds, 'NrVatUE');
  const buyerOther = text(buyerIds, 'NrID');
  const buyer: Fa3Facts['buyer'] = {
    identifier: buyerNip
      ? { type: 'Nip', value: buyerNip }
      : buyerVatUe
        ? { type: 'VatUe', value: `${text(buyerIds, 'KodUE') ?? ''}${buyerVatUe}` }
        : buyerOther
          ? { type: 'Other', value: buyerOther }
          : { type: 'None', value: null },
    name: text(buyerIds, 'Nazwa'),
  };
  const thirdSubjects = children(root, 'Podmiot3').map((p) => {
    const ids = at(p, 'DaneIdentyfikacyjne');
    const nip = text(ids, 'NIP');
    const internal = text(ids, 'IDWew');
    const vatUe = text(ids, 'NrVatUE');
    const other = text(ids, 'NrID');
    const identifier: Fa3Facts['thirdSubjects'][number]['identifier'] = nip
      ? { type: 'Nip', value: nip }
      : internal
        ? { type: 'InternalId', value: internal }
        : vatUe
          ? { type: 'VatUe', value: `${text(ids, 'KodUE') ?? ''}${vatUe}` }
          : other
            ? { type: 'Other', value: other }
            : { type: 'None', value: null };
    return { identifier, name: text(ids, 'Nazwa'), role: Number(text(p, 'Rola') ?? 0) || 0 };
  });
  const upowazniony = at(root, 'PodmiotUpowazniony');
  const authorizedNip = text(upowazniony, 'DaneIdentyfikacyjne/NIP');
  const foreign = currency !== 'PLN';
  const net = NET_FIELDS.reduce((sum, f) => sum + amount(text(root, `Fa/${f}`)), 0);
  const vat = VAT_FIELDS.reduce((sum, f) => sum + amount(text(root, `Fa/${foreign && text(root, `Fa/${f}W`) ? `${f}W` : f}`)), 0);
  return {
    ok: true,
    facts: {
      formCode,
      sellerNip,
      sellerName: text(root, 'Podmiot1/DaneIdentyfikacyjne/Nazwa'),
      buyer,
      thirdSubjects,
      authorizedSubject: authorizedNip
        ? { nip: authorizedNip, name: text(upowazniony, 'DaneIdentyfikacyjne/Nazwa'), role: Number(text(upowazniony, 'RolaPU') ?? 1) || 1 }
        : null,
      invoiceNumber,
      issueDate,
      currency,
      netAmount: round2(net),
      grossAmount: round2(amount(gross)),
      vatAmount: round2(vat),
      rodzajFaktury,
      invoiceType,
      isSelfInvoicing: text(root, 'Fa/Adnotacje/P_17') === '1',
      hasAttachment: at(root, 'Zalacznik') !== null,
    },
  };
}

export const sameFormCode = (a: Fa3Facts['formCode'], b: { systemCode: string; schemaVersion: string; value: string }): boolean =>
  a.systemCode === b.systemCode && a.schemaVersion === b.schemaVersion && a.value === b.value;
