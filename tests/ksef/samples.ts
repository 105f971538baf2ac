// Valid KSeF payloads for the fake, shaped like the openapi.json examples.
export const CHALLENGE = '20260302-CR-226FB7B000-3ACF9BE4C0-10';
export const AUTH_REF = '20260302-AU-2F20AD2000-242386DF86-52';
export const SESSION_REF = '20260302-SO-2F14610000-242991F8C9-B4';
export const INVOICE_REF = '20260302-EE-2F20AD2000-242386DF86-52';
export const UPO_REF = '20260302-EU-2EBD6FA000-242EB9B66D-43';
export const KSEF_NUMBER = '5265877635-20260302-0100001AF629-AF';
export const NIP = '5265877635';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned-looking JWT with the given claims (signature bytes are irrelevant to the client). */
export function makeJwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`;
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function challengeBody(now: number) {
  return { challenge: CHALLENGE, timestamp: iso(now), timestampMs: now, clientIp: '127.0.0.1' };
}

export function initBody(now: number, ref = AUTH_REF) {
  return { referenceNumber: ref, authenticationToken: { token: makeJwt({ typ: 'op' }), validUntil: iso(now + 45 * 60_000) } };
}

export function statusBody(code: number, description = 'x', details?: string[]) {
  return {
    startDate: '2026-03-02T10:00:00+00:00',
    authenticationMethod: 'InternalCertificate',
    authenticationMethodInfo: { category: 'XadesSignature', code: 'Certificate.Internal', displayName: 'Certyfikat KSeF' },
    status: { code, description, ...(details ? { details } : {}) },
  };
}

export function tokensBody(now: number, claims: Record<string, unknown> = { per: ['Owner'] }, n = 1) {
  return {
    accessToken: { token: makeJwt({ ...claims, n, exp: Math.floor(now / 1000) + 900 }), validUntil: iso(now + 15 * 60_000) },
    refreshToken: { token: makeJwt({ typ: 'refresh', n }), validUntil: iso(now + 7 * 24 * 3600_000) },
  };
}

export function refreshBody(now: number, n = 2) {
  return { accessToken: { token: makeJwt({ per: ['Owner'], n }), validUntil: iso(now + 15 * 60_000) } };
}

export function problem400(code: number, description: string, details: string[] = []) {
  return {
    title: 'Bad Request',
    status: 400,
    instance: '/v2/x',
    detail: 'Żądanie jest nieprawidłowe.',
    errors: [{ code, description, details }],
    timestamp: '2026-03-02T10:00:00+00:00',
    traceId: '673843e023c432286660bc0501a3af44',
  };
}

export function exceptionResponse(code: number, description: string, details: string[] = []) {
  return {
    exception: {
      exceptionDetailList: [{ exceptionCode: code, exceptionDescription: description, details }],
      referenceNumber: 'a1b2c3d4-e5f6-4789-ab12-cd34ef567890',
      serviceCode: '00-c02cc3747020c605be02159bf3324f0e-eee7647dc67aa74a-00',
      serviceCtx: 'srvABCDA',
      serviceName: 'Undefined',
      timestamp: '2026-03-02T10:00:00Z',
    },
  };
}

export function metadataBody(count = 1, hasMore = false) {
  return {
    hasMore,
    isTruncated: false,
    permanentStorageHwmDate: '2026-03-02T09:50:00+00:00',
    invoices: Array.from({ length: count }, (_, i) => ({
      ksefNumber: KSEF_NUMBER,
      invoiceNumber: `FV/${i + 1}/2026`,
      issueDate: '2026-03-01',
      invoicingDate: '2026-03-01T10:00:00+00:00',
      acquisitionDate: '2026-03-01T10:00:05+00:00',
      permanentStorageDate: '2026-03-01T10:00:09+00:00',
      seller: { nip: NIP, name: 'Sprzedawca sp. z o.o.' },
      buyer: { identifier: { type: 'Nip', value: '7352765225' }, name: 'Fundacja' },
      netAmount: 100,
      grossAmount: 123,
      vatAmount: 23,
      currency: 'PLN',
      invoicingMode: 'Online',
      invoiceType: 'Vat',
      formCode: { systemCode: 'FA (3)', schemaVersion: '1-0E', value: 'FA' },
      isSelfInvoicing: false,
      hasAttachment: false,
      invoiceHash: 'mkht+3m5trnfxlTYhq3QFn74LkEO69MFNlsMAkCDSPA=',
    })),
  };
}
