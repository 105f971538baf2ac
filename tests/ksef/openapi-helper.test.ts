// The validator the other tests rely on must itself catch what it should.
import { describe, expect, it } from 'vitest';
import { findOperation, openapi, toJsonSchema, validateRequest, validateResponse } from '../helpers/openapi';

const base = openapi.servers[0]!.url;

describe('toJsonSchema', () => {
  it('turns nullable into a union with null and points $refs into the registered document', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'x' })).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(toJsonSchema({ allOf: [{ $ref: '#/components/schemas/Nip' }], nullable: true })).toEqual({
      anyOf: [{ allOf: [{ $ref: 'ksef-openapi#/components/schemas/Nip' }] }, { type: 'null' }],
    });
    // A property that happens to be called "nullable" or "example" is a property, not a keyword.
    expect(toJsonSchema({ properties: { example: { type: 'string' } } })).toEqual({ properties: { example: { type: 'string' } } });
  });
});

describe('findOperation', () => {
  it.each([
    ['GET', `${base}/auth/sessions`, '/auth/sessions'],
    ['GET', `${base}/auth/20260302-AU-2F20AD2000-242386DF86-52`, '/auth/{referenceNumber}'],
    ['GET', '/v2/sessions/20260302-SO-2F14610000-242991F8C9-B4/invoices/failed', '/sessions/{referenceNumber}/invoices/failed'],
    ['POST', 'http://127.0.0.1:9000/v2/auth/challenge', '/auth/challenge'],
  ])('%s %s → %s', (method, url, template) => {
    expect(findOperation(method, url)?.template).toBe(template);
  });

  it('knows no PUT /auth/challenge', () => {
    expect(findOperation('PUT', '/v2/auth/challenge')).toBeNull();
    expect(validateRequest('PUT', '/v2/auth/challenge')).toEqual(['no operation PUT /v2/auth/challenge']);
  });
});

describe('validateRequest', () => {
  it.each([
    ['/invoices/query/metadata', 'post'],
    ['/permissions/query/personal/grants', 'post'],
    ['/sessions/online', 'post'],
  ])('accepts the official request example of %s', (path, method) => {
    const media = openapi.paths[path]![method]!.requestBody!.content['application/json'] as { example?: unknown };
    expect(validateRequest(method, `${base}${path}`, JSON.stringify(media.example), 'application/json; charset=utf-8')).toEqual([]);
  });

  it.each([
    ['a missing required body', 'POST', '/v2/invoices/query/metadata', undefined, undefined, 'POST /invoices/query/metadata: request body required'],
    ['a body where none is taken', 'POST', '/v2/auth/challenge', '{}', 'application/json', 'POST /auth/challenge: takes no request body'],
    ['a wrong content type', 'POST', '/v2/auth/xades-signature', '<a/>', 'text/plain', 'POST /auth/xades-signature: content type text/plain not accepted (application/xml)'],
    ['an unknown query parameter', 'POST', '/v2/auth/challenge?x=1', undefined, undefined, 'POST /auth/challenge: unknown query parameter x'],
    ['a query value out of range', 'POST', '/v2/permissions/query/personal/grants?pageSize=500', '{}', 'application/json', 'POST /permissions/query/personal/grants query.pageSize must be <= 100 {"comparison":"<=","limit":100}'],
    ['a path parameter of the wrong length', 'GET', '/v2/auth/ABC', undefined, undefined, 'GET /auth/{referenceNumber} path.referenceNumber must NOT have fewer than 36 characters {"limit":36}'],
    ['a null where null is not allowed', 'POST', '/v2/sessions/online', JSON.stringify({ formCode: null, encryption: { encryptedSymmetricKey: 'AAAA', initializationVector: 'AAAA' } }), 'application/json', 'POST /sessions/online body/formCode must be object {"type":"object"}'],
  ])('reports %s', (_, method, url, body, type, message) => {
    expect(validateRequest(method, url, body, type)).toContain(message);
  });

  it('accepts null where openapi.json says nullable', () => {
    const body = { subjectType: 'Subject2', dateRange: { dateType: 'Issue', from: '2026-03-01T00:00:00Z', to: null }, sellerNip: null };
    expect(validateRequest('POST', '/v2/invoices/query/metadata', body, 'application/json')).toEqual([]);
  });
});

describe('validateResponse', () => {
  it('checks status, content type and body', () => {
    const url = '/v2/auth/challenge';
    expect(validateResponse('POST', url, 200, 'application/json', { challenge: 'x'.repeat(36), timestamp: '2026-03-02T10:00:00Z', timestampMs: 1, clientIp: '::1' })).toEqual([]);
    expect(validateResponse('POST', url, 201, 'application/json', {})).toEqual(['POST /auth/challenge → 201: status not documented']);
    expect(validateResponse('POST', url, 200, 'text/html', '<html/>')).toEqual([
      'POST /auth/challenge → 200: content type text/html not documented (application/json)',
    ]);
    expect(validateResponse('POST', url, 200, 'application/json', { challenge: 'short' })).toContain(
      "POST /auth/challenge → 200 body must have required property 'timestamp' {\"missingProperty\":\"timestamp\"}",
    );
    expect(validateResponse('DELETE', '/v2/auth/sessions/current', 204, null)).toEqual([]);
  });
});
