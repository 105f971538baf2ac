// UPO v4-3 documents (Potwierdzenie) shaped like tests/fixtures/ksef/upo-v4-3-*.xml. Real UPOs are XAdES-signed
// by MF; the samples are not, and neither are these. On TEST and DEMO the receiver name carries an environment
// suffix, which breaks the XSD's `fixed` value exactly as real UPOs do (tests/fixtures/ksef/SOURCES.md).
import type { AuthProof, ContextIdentifier, SimEnvironment } from './state';
import { warsawIso } from './time';

export const UPO_NAMESPACE = 'http://upo.schematy.mf.gov.pl/KSeF/v4-3';

const RECEIVER: Record<SimEnvironment, string> = {
  test: 'Ministerstwo Finansów - środowisko testowe (TE)',
  demo: 'Ministerstwo Finansów - środowisko przedprodukcyjne (TR)',
  production: 'Ministerstwo Finansów',
};

const CONTEXT_ELEMENT: Record<string, string> = {
  Nip: 'Nip',
  InternalId: 'IdWewnetrzny',
  NipVatUe: 'IdZlozonyVatUE',
  PeppolId: 'IdDostawcyUslugPeppol',
};

export interface UpoDocument {
  sellerNip: string;
  ksefNumber: string;
  invoiceNumber: string;
  issueDate: string;
  invoicingDate: number;
  acquisitionDate: number;
  invoiceHash: string;
  invoicingMode: 'Online' | 'Offline';
}

export interface UpoHeader {
  environment: SimEnvironment;
  sessionReferenceNumber: string;
  context: ContextIdentifier;
  authProof: AuthProof;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function documentXml(d: UpoDocument): string {
  return [
    '\t<Dokument>',
    `\t\t<NipSprzedawcy>${d.sellerNip}</NipSprzedawcy>`,
    `\t\t<NumerKSeFDokumentu>${d.ksefNumber}</NumerKSeFDokumentu>`,
    `\t\t<NumerFaktury>${escapeXml(d.invoiceNumber)}</NumerFaktury>`,
    `\t\t<DataWystawieniaFaktury>${d.issueDate}</DataWystawieniaFaktury>`,
    `\t\t<DataPrzeslaniaDokumentu>${warsawIso(d.invoicingDate)}</DataPrzeslaniaDokumentu>`,
    `\t\t<DataNadaniaNumeruKSeF>${warsawIso(d.acquisitionDate)}</DataNadaniaNumeruKSeF>`,
    `\t\t<SkrotDokumentu>${d.invoiceHash}</SkrotDokumentu>`,
    `\t\t<TrybWysylki>${d.invoicingMode}</TrybWysylki>`,
    '\t</Dokument>',
  ].join('\n');
}

/**
 * One UPO: per invoice (one Dokument, no OpisPotwierdzenia) or one page of a session's collective UPO
 * (`page` given: OpisPotwierdzenia with the page's range).
 */
export function upoXml(header: UpoHeader, documents: UpoDocument[], page?: { number: number; count: number; from: number; total: number }): string {
  const contextElement = CONTEXT_ELEMENT[header.context.type] ?? 'Nip';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Potwierdzenie xmlns="${UPO_NAMESPACE}">`,
    `\t<NazwaPodmiotuPrzyjmujacego>${RECEIVER[header.environment]}</NazwaPodmiotuPrzyjmujacego>`,
    `\t<NumerReferencyjnySesji>${header.sessionReferenceNumber}</NumerReferencyjnySesji>`,
    '\t<Uwierzytelnienie>',
    '\t\t<IdKontekstu>',
    `\t\t\t<${contextElement}>${escapeXml(header.context.value)}</${contextElement}>`,
    '\t\t</IdKontekstu>',
    `\t\t<${header.authProof.element}>${header.authProof.value}</${header.authProof.element}>`,
    '\t</Uwierzytelnienie>',
  ];
  if (page) {
    lines.push(
      '\t<OpisPotwierdzenia>',
      `\t\t<Strona>${page.number}</Strona>`,
      `\t\t<LiczbaStron>${page.count}</LiczbaStron>`,
      `\t\t<ZakresDokumentowOd>${page.from}</ZakresDokumentowOd>`,
      `\t\t<ZakresDokumentowDo>${page.from + documents.length - 1}</ZakresDokumentowDo>`,
      `\t\t<CalkowitaLiczbaDokumentow>${page.total}</CalkowitaLiczbaDokumentow>`,
      '\t</OpisPotwierdzenia>',
    );
  }
  lines.push('\t<NazwaStrukturyLogicznej>Schemat_FA(3)_v1-0E.xsd</NazwaStrukturyLogicznej>', '\t<KodFormularza>FA (3)</KodFormularza>');
  for (const d of documents) lines.push(documentXml(d));
  lines.push('</Potwierdzenie>');
  return lines.join('\n');
}
