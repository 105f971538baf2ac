// Online (interactive) session: open, send, close, statuses and UPO (NOTES §8.3). Encryption is lib/send's.
import type { Transport } from './transport';
import { rateLimitKey } from './rate-limit-budgets';
import { requireKsefNumber, requireObject, requireReference, requireToken } from './args';
import { downloadXml } from './download';
import {
  OpenOnlineSessionResponse,
  SendInvoiceResponse,
  SessionInvoiceStatusResponse,
  SessionStatusResponse,
  type OpenOnlineSessionRequest,
  type SendInvoiceRequest,
} from './schemas';

export function sessionsApi(t: Transport) {
  const ref = (value: string) => requireReference('referenceNumber', value);
  const bearer = (value: string) => requireToken('accessToken', value);

  function upo(path: string, params: Record<string, string>, accessToken: string) {
    return downloadXml(t, {
      method: 'GET',
      path,
      params,
      token: bearer(accessToken),
      accept: 'xml',
      limit: rateLimitKey('sessionMisc'),
      retry: 'idempotent',
    });
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
      return t.json(
        {
          method: 'GET',
          path: '/sessions/{referenceNumber}',
          params: { referenceNumber: ref(sessionReferenceNumber) },
          token: bearer(accessToken),
          accept: 'json',
          limit: rateLimitKey('sessionMisc'),
          retry: 'idempotent',
        },
        SessionStatusResponse,
      );
    },

    invoiceStatus(sessionReferenceNumber: string, invoiceReferenceNumber: string, accessToken: string) {
      return t.json(
        {
          method: 'GET',
          path: '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}',
          params: {
            referenceNumber: ref(sessionReferenceNumber),
            invoiceReferenceNumber: requireReference('invoiceReferenceNumber', invoiceReferenceNumber),
          },
          token: bearer(accessToken),
          accept: 'json',
          limit: rateLimitKey('invoiceStatus'),
          retry: 'idempotent',
        },
        SessionInvoiceStatusResponse,
      );
    },

    invoiceUpo(sessionReferenceNumber: string, invoiceReferenceNumber: string, accessToken: string) {
      return upo(
        '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}/upo',
        {
          referenceNumber: ref(sessionReferenceNumber),
          invoiceReferenceNumber: requireReference('invoiceReferenceNumber', invoiceReferenceNumber),
        },
        accessToken,
      );
    },

    invoiceUpoByKsefNumber(sessionReferenceNumber: string, ksefNumber: string, accessToken: string) {
      return upo(
        '/sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo',
        { referenceNumber: ref(sessionReferenceNumber), ksefNumber: requireKsefNumber('ksefNumber', ksefNumber) },
        accessToken,
      );
    },

    /** One page of the collective session UPO (`upo.pages[].referenceNumber` of the session status). */
    upoPage(sessionReferenceNumber: string, upoReferenceNumber: string, accessToken: string) {
      return upo(
        '/sessions/{referenceNumber}/upo/{upoReferenceNumber}',
        {
          referenceNumber: ref(sessionReferenceNumber),
          upoReferenceNumber: requireReference('upoReferenceNumber', upoReferenceNumber),
        },
        accessToken,
      );
    },
  };
}
