// What the session handlers share: KSeF's status texts for sessions and invoices (openapi.json tables),
// finding a caller's session, closing it, and what a status poll may show yet.
import { badRequest } from './errors';
import type { StoredInvoice } from './invoices';
import { newReferenceNumber } from './ids';
import type { OnlineSession, SessionInvoice, SimState, StatusInfo } from './state';
import { upoXml, type UpoDocument, type UpoHeader } from './upo';

export const WRITE = ['InvoiceWrite', 'PefInvoiceWrite', 'EnforcementOperations'];
export const READ = ['InvoiceWrite', 'Introspection', 'PefInvoiceWrite', 'EnforcementOperations'];

export const SESSION_STATUS = {
  open: { code: 100, description: 'Sesja interaktywna otwarta' },
  closed: { code: 170, description: 'Sesja interaktywna zamknięta' },
  processed: { code: 200, description: 'Sesja interaktywna przetworzona pomyślnie' },
  keyError: { code: 415, description: 'Błąd odszyfrowania dostarczonego klucza' },
  noInvoices: { code: 440, description: 'Sesja anulowana', details: ['Nie przesłano faktur'] },
  noValidInvoices: { code: 445, description: 'Błąd weryfikacji, brak poprawnych faktur' },
  /** Cancelled by the system with invoices sent (admin cancelSession); the table has only "Nie przesłano faktur" for 440. */
  cancelled: { code: 440, description: 'Sesja anulowana', details: ['Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu.'] },
} as const;

/** Invoice statuses (openapi SessionInvoiceStatusResponse.status table); forced ones are in session-hooks.ts. */
export const INVOICE_STATUS = {
  processing: { code: 150, description: 'Trwa przetwarzanie' },
  success: { code: 200, description: 'Sukces' },
  cancelled: { code: 405, description: 'Przetwarzanie anulowane z powodu błędu sesji' },
  scope: (details: string[]): StatusInfo => ({ code: 410, description: 'Nieprawidłowy zakres uprawnień', details }),
  attachment: { code: 415, description: 'Brak możliwości wysyłania faktury z załącznikiem' },
  file: (details: string[]): StatusInfo => ({ code: 430, description: 'Błąd weryfikacji pliku faktury', details }),
  decryption: { code: 435, description: 'Błąd odszyfrowania pliku' },
  semantic: (details: string[]): StatusInfo => ({ code: 450, description: 'Błąd weryfikacji semantyki dokumentu faktury', details }),
} as const;

export function sessionOf(state: SimState, ref: string, context: { type: string; value: string }): OnlineSession {
  const session = state.sessions.get(ref);
  if (!session || session.context.type !== context.type || session.context.value !== context.value) {
    throw badRequest(21173, [`Sesja o numerze referencyjnym ${ref} nie została odnaleziona.`]);
  }
  // A session not closed within its lifetime is closed by KSeF (openapi.json SessionStatusResponse.validUntil).
  if (!session.closed && session.status.code === 100 && state.clock.now() > session.validUntil) finish(state, session);
  return session;
}

export function upoHeader(state: SimState, session: OnlineSession): UpoHeader {
  return { environment: state.options.environment, sessionReferenceNumber: session.referenceNumber, context: session.context, authProof: session.authProof };
}

export function upoDocument(inv: StoredInvoice): UpoDocument {
  return {
    sellerNip: inv.facts.sellerNip,
    ksefNumber: inv.ksefNumber,
    invoiceNumber: inv.facts.invoiceNumber,
    issueDate: inv.facts.issueDate,
    invoicingDate: inv.invoicingDate,
    acquisitionDate: inv.acquisitionDate,
    invoiceHash: inv.invoiceHash,
    invoicingMode: inv.invoicingMode,
  };
}

/** Closing (or expiry): the final status, the collective UPO pages, and the AES key wiped. */
export function finish(state: SimState, session: OnlineSession): void {
  const now = state.clock.now();
  session.closed = true;
  session.dateUpdated = now;
  session.pendingPolls = state.options.sessionPendingPolls;
  session.aesKey?.fill(0);
  session.aesKey = null;
  const stored = session.invoices
    .filter((i) => i.ksefNumber)
    .map((i) => state.invoices.get(i.ksefNumber as string))
    .filter((i): i is StoredInvoice => i !== undefined);
  if (session.status.code !== 100) return;
  if (session.invoices.length === 0) session.status = SESSION_STATUS.noInvoices;
  else if (stored.length === 0) session.status = SESSION_STATUS.noValidInvoices;
  else session.status = SESSION_STATUS.processed;
  const size = state.options.upoPageSize;
  const count = Math.ceil(stored.length / size);
  for (let page = 0; page < count; page++) {
    const docs = stored.slice(page * size, (page + 1) * size).map(upoDocument);
    session.upoPages.push({
      referenceNumber: newReferenceNumber('EU', now, state.rng),
      xml: upoXml(upoHeader(state, session), docs, { number: page + 1, count, from: page * size + 1, total: stored.length }),
    });
  }
}

/**
 * The system cancels a session (admin hook): invoices whose outcome has not shown yet end 405 and leave the
 * repository; the session is closed without a collective UPO (openapi SessionInvoiceStatusResponse.status 405).
 */
export function cancel(state: SimState, session: OnlineSession): void {
  for (const entry of session.invoices) {
    if (revealed(session, entry)) continue;
    if (entry.ksefNumber) state.invoices.remove(entry.ksefNumber);
    entry.ksefNumber = null;
    entry.outcome = INVOICE_STATUS.cancelled;
    entry.pendingPolls = 0;
  }
  session.closed = true;
  session.status = SESSION_STATUS.cancelled;
  session.pendingPolls = 0;
  session.dateUpdated = state.clock.now();
  session.aesKey?.fill(0);
  session.aesKey = null;
}

/** The status a poll sees: 170 for the first polls after closing, then the outcome. */
export function visibleStatus(session: OnlineSession): StatusInfo {
  if (session.closed && session.pendingPolls > 0 && session.status.code !== 415) return SESSION_STATUS.closed;
  return session.status;
}

/** An invoice's outcome shows after its pending polls, or at once when its session is processed. */
export const revealed = (session: OnlineSession, entry: SessionInvoice): boolean => entry.pendingPolls <= 0 || (session.closed && session.pendingPolls <= 0);
