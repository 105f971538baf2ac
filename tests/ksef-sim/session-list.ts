// GET /sessions/{ref}/invoices and …/invoices/failed (NOTES §8.3 "Lists", openapi SessionInvoicesResponse):
// the session's invoices in ordinal order, pageSize 10…1000 (validated by openapi-check), the next page by the
// `x-continuation-token` header; a token this simulator did not write is 21418. Listing an invoice counts as a
// status poll of it, as reading it alone does (session-status.ts invoiceStatusBody).
import { requireAccess } from './access';
import { badRequest } from './errors';
import { json, type SimRequest, type SimResponse } from './http';
import { READ, revealed, sessionOf } from './session-model';
import { invoiceStatusBody } from './session-status';
import type { OnlineSession, SessionInvoice, SimState } from './state';

interface Continuation {
  s: string;
  o: number;
}

const encodeToken = (c: Continuation): string => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

function decodeToken(token: string, session: OnlineSession): number {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Continuation>;
    if (c.s === session.referenceNumber && Number.isInteger(c.o) && (c.o as number) >= 0) return c.o as number;
  } catch {
    // falls through to 21418
  }
  throw badRequest(21418, []);
}

function listPage(req: SimRequest, state: SimState, pick: (session: OnlineSession, entry: SessionInvoice) => boolean): SimResponse {
  const { context } = requireAccess(req, state, READ);
  const session = sessionOf(state, req.params.referenceNumber ?? '', context);
  const pageSize = Number(req.query.get('pageSize') ?? 10);
  const header = req.headers['x-continuation-token'];
  const token = Array.isArray(header) ? header[0] : header;
  const offset = token ? decodeToken(token, session) : 0;
  const matching = session.invoices.filter((entry) => pick(session, entry));
  const page = matching.slice(offset, offset + pageSize);
  const next = offset + page.length < matching.length ? encodeToken({ s: session.referenceNumber, o: offset + page.length }) : null;
  return json(200, { continuationToken: next, invoices: page.map((entry) => invoiceStatusBody(state, session, entry)) });
}

export const listSessionInvoices = (req: SimRequest, state: SimState): SimResponse => listPage(req, state, () => true);

/** Only invoices whose outcome shows and is not success. */
export const listFailedSessionInvoices = (req: SimRequest, state: SimState): SimResponse =>
  listPage(req, state, (session, entry) => revealed(session, entry) && entry.outcome.code !== 200);
