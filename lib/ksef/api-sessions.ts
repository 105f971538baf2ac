// Online (interactive) session: open, send, close, statuses and UPO (NOTES §8.3). Encryption is lib/send's.
import type { Call, Transport } from './transport';
import { rateLimitKey, type RateLimitGroup } from './rate-limit-budgets';
import { requireKsefNumber, requireObject, requireReference, requireToken } from './args';
import { downloadXml } from './download';
import {
  OpenOnlineSessionResponse,
  SendInvoiceResponse,
  SessionInvoiceStatusResponse,
  SessionInvoicesResponse,
  SessionStatusResponse,
  type OpenOnlineSessionRequest,
  type SendInvoiceRequest,
} from './schemas';

export function sessionsApi(t: Transport) {
  const ref = (value: string) => requireReference('referenceNumber', value);
  const bearer = (value: string) => requireToken('accessToken', value);
  /** Path parameters of something inside a session: the session's reference number and its own. */
  const refs = (session: string, name: string, value: string) => ({ referenceNumber: ref(session), [name]: requireReference(name, value) });

  /** Every read of a session, its invoices and UPOs: a GET with the bearer token, safe to repeat. */
  function read(path: string, params: Record<string, string>, accessToken: string, group: RateLimitGroup, accept: 'json' | 'xml' = 'json'): Call {
    return { method: 'GET', path, params, token: bearer(accessToken), accept, limit: rateLimitKey(group), retry: 'idempotent' };
  }

  function upo(path: string, params: Record<string, string>, accessToken: string) {
    return downloadXml(t, read(path, params, accessToken, 'sessionMisc', 'xml'));
  }

  return {
    /** A second session after a lost answer is harmless (several may be open, each expires in 12 h). */
    openOnline(request: OpenOnlineSessionRequest, accessToken: string) {
      requireObject('request', request);
      return t.json(
        {
          method: 'POST',
          path: '/sessions/online',
          json: request,
          token: bearer(accessToken),
          accept: 'json',
          limit: rateLimitKey('onlineSession'),
          retry: 'noResponse',
        },
        OpenOnlineSessionResponse,
      );
    },

    /** Never repeated blindly (see retry.ts): after NETWORK/TIMEOUT check the session before resending. */
    sendInvoice(sessionReferenceNumber: string, request: SendInvoiceRequest, accessToken: string) {
      requireObject('request', request);
      return t.json(
        {
          method: 'POST',
          path: '/sessions/online/{referenceNumber}/invoices',
          params: { referenceNumber: ref(sessionReferenceNumber) },
          json: request,
          token: bearer(accessToken),
          accept: 'json',
          limit: rateLimitKey('invoiceSend'),
          retry: 'refusedOnly',
        },
        SendInvoiceResponse,
      );
    },

    async closeOnline(sessionReferenceNumber: string, accessToken: string): Promise<void> {
      await t.send({
        method: 'POST',
        path: '/sessions/online/{referenceNumber}/close',
        params: { referenceNumber: ref(sessionReferenceNumber) },
        token: bearer(accessToken),
        accept: 'none',
        limit: rateLimitKey('onlineSessionClose'),
        retry: 'idempotent',
      });
    },

    status(sessionReferenceNumber: string, accessToken: string) {
      const params = { referenceNumber: ref(sessionReferenceNumber) };
      return t.json(read('/sessions/{referenceNumber}', params, accessToken, 'sessionMisc'), SessionStatusResponse);
    },

    invoiceStatus(sessionReferenceNumber: string, invoiceReferenceNumber: string, accessToken: string) {
      const params = refs(sessionReferenceNumber, 'invoiceReferenceNumber', invoiceReferenceNumber);
      const path = '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}';
      return t.json(read(path, params, accessToken, 'invoiceStatus'), SessionInvoiceStatusResponse);
    },

    /**
     * The first page of the session's invoices with their statuses (up to `pageSize`, 10..1000; 100 keeps the answer
     * under the default 1 MiB response cap, and an outbox session holds at most 50 invoices): what a resumed
     * sender asks before posting again, matching by invoiceHash (RELIABILITY G7, issue 12).
     */
    listInvoices(sessionReferenceNumber: string, accessToken: string, pageSize = 100) {
      if (!Number.isInteger(pageSize) || pageSize < 10 || pageSize > 1000) throw new TypeError('"pageSize" must be an integer from 10 to 1000');
      const params = { referenceNumber: ref(sessionReferenceNumber) };
      const call = read('/sessions/{referenceNumber}/invoices', params, accessToken, 'sessionInvoiceList');
      return t.json({ ...call, query: { pageSize } }, SessionInvoicesResponse);
    },

    invoiceUpo(sessionReferenceNumber: string, invoiceReferenceNumber: string, accessToken: string) {
      const params = refs(sessionReferenceNumber, 'invoiceReferenceNumber', invoiceReferenceNumber);
      return upo('/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo', params, accessToken);
    },

    invoiceUpoByKsefNumber(sessionReferenceNumber: string, ksefNumber: string, accessToken: string) {
      const params = { referenceNumber: ref(sessionReferenceNumber), ksefNumber: requireKsefNumber('ksefNumber', ksefNumber) };
      return upo('/sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo', params, accessToken);
    },

    /** One page of the collective session UPO (`upo.pages[].referenceNumber` of the session status). */
    upoPage(sessionReferenceNumber: string, upoReferenceNumber: string, accessToken: string) {
      const params = refs(sessionReferenceNumber, 'upoReferenceNumber', upoReferenceNumber);
      return upo('/sessions/{referenceNumber}/upo/{upoReferenceNumber}', params, accessToken);
    },
  };
}
