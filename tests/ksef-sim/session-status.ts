// Reading sessions (NOTES §8.3): session and invoice status, per-invoice and collective UPOs, and the
// token-less download links KSeF hands out for them.
import { requireAccess } from './access';
import { badRequest } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { sha256Base64 } from './invoices';
import { INVOICE_STATUS, READ, revealed, sessionOf, upoDocument, upoHeader, visibleStatus } from './session-model';
import { capMap, type OnlineSession, type SessionInvoice, type SimState } from './state';
import { iso } from './time';
import { upoXml } from './upo';

const DOWNLOAD_LINK_TTL_MS = 60 * 60_000;

function downloadLink(state: SimState, content: string): { url: string; expires: number } {
  const now = state.clock.now();
  const id = state.rng.hex(32).toLowerCase();
  const expires = now + DOWNLOAD_LINK_TTL_MS;
  state.downloads.set(id, { content, expires });
  capMap(state.downloads, 10_000);
  const se = encodeURIComponent(iso(expires));
  return { url: `${state.origin}/storage/upo/${id}?sv=2025-05-05&se=${se}&sr=b&sp=r&sig=${state.rng.hex(43)}`, expires };
}

export function getSession(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const status = visibleStatus(session);
  // Counted once an outcome shows, as a status poll would see it (openapi SessionStatusResponse.successfulInvoiceCount).
  const final = session.invoices.filter((i) => revealed(session, i));
  if (session.pendingPolls > 0) session.pendingPolls -= 1;
  const pages =
    status.code === 200
      ? session.upoPages.map((p) => {
          const link = downloadLink(state, p.xml);
          return { referenceNumber: p.referenceNumber, downloadUrl: link.url, downloadUrlExpirationDate: iso(link.expires) };
        })
      : null;
  return json(200, {
    status,
    dateCreated: iso(session.dateCreated),
    dateUpdated: iso(session.dateUpdated),
    validUntil: iso(session.validUntil),
    upo: pages ? { pages } : null,
    invoiceCount: session.invoices.length,
    successfulInvoiceCount: final.filter((i) => i.outcome.code === 200).length,
    failedInvoiceCount: final.filter((i) => i.outcome.code !== 200).length,
  });
}

function invoiceOf(session: OnlineSession, ref: string): SessionInvoice {
  const entry = session.invoices.find((i) => i.referenceNumber === ref);
  if (!entry) throw badRequest(21405, [`Faktura o numerze referencyjnym ${ref} nie została znaleziona w sesji ${session.referenceNumber}.`]);
  return entry;
}

function invoiceUpo(state: SimState, session: OnlineSession, entry: SessionInvoice): string | null {
  const stored = entry.ksefNumber && revealed(session, entry) ? state.invoices.get(entry.ksefNumber) : undefined;
  return stored ? upoXml(upoHeader(state, session), [upoDocument(stored)]) : null;
}

/**
 * One SessionInvoiceStatusResponse. Each read counts as a status poll of the invoice (single or listed), and
 * each read makes a fresh UPO link ("Link generowany jest przy każdym odpytaniu o status", openapi upoDownloadUrl).
 */
export function invoiceStatusBody(state: SimState, session: OnlineSession, entry: SessionInvoice): Record<string, unknown> {
  const show = revealed(session, entry);
  if (entry.pendingPolls > 0) entry.pendingPolls -= 1;
  const stored = show && entry.ksefNumber ? state.invoices.get(entry.ksefNumber) : undefined;
  const now = state.clock.now();
  const upo = stored ? invoiceUpo(state, session, entry) : null;
  const link = upo ? downloadLink(state, upo) : null;
  return {
    ordinalNumber: entry.ordinalNumber,
    invoiceNumber: entry.invoiceNumber,
    ksefNumber: stored?.ksefNumber ?? null,
    referenceNumber: entry.referenceNumber,
    invoiceHash: entry.invoiceHash,
    acquisitionDate: stored ? iso(stored.acquisitionDate) : null,
    invoicingDate: iso(entry.invoicingDate),
    permanentStorageDate: stored && stored.permanentStorageDate <= now ? iso(stored.permanentStorageDate) : null,
    upoDownloadUrl: link?.url ?? null,
    upoDownloadUrlExpirationDate: link ? iso(link.expires) : null,
    invoicingMode: entry.invoicingMode,
    status: show ? entry.outcome : INVOICE_STATUS.processing,
  };
}

export function getSessionInvoice(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const entry = invoiceOf(session, req.params.invoiceReferenceNumber ?? '');
  return json(200, invoiceStatusBody(state, session, entry));
}

const xmlWithHash = (xml: string): SimResponse => ({ status: 200, xml, headers: { 'x-ms-meta-hash': sha256Base64(Buffer.from(xml, 'utf8')) } });

export function getInvoiceUpo(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const entry = invoiceOf(session, req.params.invoiceReferenceNumber ?? '');
  const upo = invoiceUpo(state, session, entry);
  if (!upo) throw badRequest(21178, [`UPO dla faktury ${entry.referenceNumber} w sesji ${session.referenceNumber} nie zostało znalezione.`]);
  return xmlWithHash(upo);
}

export function getInvoiceUpoByKsefNumber(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const ksefNumber = req.params.ksefNumber ?? '';
  const entry = session.invoices.find((i) => i.ksefNumber === ksefNumber);
  const upo = entry ? invoiceUpo(state, session, entry) : null;
  if (!upo) throw badRequest(21178, [`UPO o numerze KSeF ${ksefNumber} i numerze referencyjnym sesji ${session.referenceNumber} nie zostało znalezione.`]);
  return xmlWithHash(upo);
}

export function getSessionUpo(req: SimRequest, state: SimState): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const ref = req.params.upoReferenceNumber ?? '';
  const page = visibleStatus(session).code === 200 ? session.upoPages.find((p) => p.referenceNumber === ref) : undefined;
  if (!page) throw badRequest(21178, [`UPO o numerze referencyjnym ${ref} dla sesji ${session.referenceNumber} nie zostało znalezione.`]);
  return xmlWithHash(page.xml);
}
