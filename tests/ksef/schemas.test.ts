import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  AuthChallengeResponse,
  AuthInitResponse,
  AuthRefreshResponse,
  AuthStatusResponse,
  AuthTokensResponse,
  EffectiveRateLimitsResponse,
  InvoiceMetadataResponse,
  OpenOnlineSessionResponse,
  PersonalPermissionsResponse,
  PublicKeyCertificatesResponse,
  SendInvoiceResponse,
  SessionInvoiceStatusResponse,
  SessionStatusResponse,
} from '../../lib/ksef/schemas';
import { parseErrorBody } from '../../lib/ksef/error-body';
import { openapi } from '../helpers/openapi';

type Obj = Record<string, unknown>;
const schemas = openapi.components.schemas as Record<string, Obj>;

function resolve(schema: Obj | undefined): Obj | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? resolve(schemas[ref.split('/').pop()!]) : schema;
}

/** Every example of a response: the media type's `example`/`examples`, else the schema's own `example`. */
function examplesOf(path: string, method: string, status: string): { name: string; value: unknown; media: Obj }[] {
  const content = (openapi.paths[path]![method]!.responses[status]!.content ?? {}) as Record<string, Obj>;
  const out: { name: string; value: unknown; media: Obj }[] = [];
  for (const [type, media] of Object.entries(content)) {
    if (media.example !== undefined) out.push({ name: type, value: media.example, media });
    for (const [name, ex] of Object.entries((media.examples ?? {}) as Record<string, Obj>)) out.push({ name, value: ex.value, media });
    const own = resolve(media.schema as Obj)?.example;
    if (media.example === undefined && media.examples === undefined && own !== undefined) out.push({ name: `${type} (schema)`, value: own, media });
  }
  return out;
}

const covered: [string, string, string, z.ZodMiniType][] = [
  ['/auth/challenge', 'post', '200', AuthChallengeResponse],
  ['/auth/xades-signature', 'post', '202', AuthInitResponse],
  ['/auth/ksef-token', 'post', '202', AuthInitResponse],
  ['/auth/{referenceNumber}', 'get', '200', AuthStatusResponse],
  ['/auth/token/redeem', 'post', '200', AuthTokensResponse],
  ['/auth/token/refresh', 'post', '200', AuthRefreshResponse],
  ['/security/public-key-certificates', 'get', '200', PublicKeyCertificatesResponse],
  ['/permissions/query/personal/grants', 'post', '200', PersonalPermissionsResponse],
  ['/invoices/query/metadata', 'post', '200', InvoiceMetadataResponse],
  ['/sessions/online', 'post', '201', OpenOnlineSessionResponse],
  ['/sessions/online/{referenceNumber}/invoices', 'post', '202', SendInvoiceResponse],
  ['/sessions/{referenceNumber}', 'get', '200', SessionStatusResponse],
  ['/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}', 'get', '200', SessionInvoiceStatusResponse],
  ['/rate-limits', 'get', '200', EffectiveRateLimitsResponse],
];

/** Fields openapi.json requires but every official example omits or the API deprecates (see schemas/auth.ts). */
const LENIENT = new Set([
  '/auth/{referenceNumber}:authenticationMethod',
  '/auth/{referenceNumber}:authenticationMethodInfo',
  '/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}:invoiceHash',
]);

function requiredOf(schema: Obj | undefined): string[] {
  const s = resolve(schema);
  if (!s) return [];
  const own = Array.isArray(s.required) ? (s.required as string[]) : [];
  const nested = Array.isArray(s.allOf) ? (s.allOf as Obj[]).flatMap(requiredOf) : [];
  return [...new Set([...own, ...nested])];
}

describe('zod response schemas and the openapi.json examples', () => {
  it.each(covered)('%s %s → %s: every example parses', (path, method, status, schema) => {
    const examples = examplesOf(path, method, status);
    expect(examples.length).toBeGreaterThan(0);
    for (const { name, value } of examples) {
      const parsed = schema.safeParse(value);
      expect(parsed.success, `${name}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(true);
    }
  });

  it.each(covered)('%s %s → %s: dropping a required top-level field fails', (path, method, status, schema) => {
    const { value, media } = examplesOf(path, method, status)[0]!;
    const sample = Array.isArray(value) ? value[0] : value;
    const itemSchema = Array.isArray(value) ? ((resolve(media.schema as Obj)?.items as Obj) ?? {}) : (media.schema as Obj);
    const required = requiredOf(itemSchema).filter((k) => k in (sample as Obj) && !LENIENT.has(`${path}:${k}`));
    expect(required.length).toBeGreaterThan(0);
    for (const key of required) {
      const copy = { ...(sample as Obj) };
      delete copy[key];
      expect(schema.safeParse(Array.isArray(value) ? [copy] : copy).success, `without ${key}`).toBe(false);
    }
  });

  it('accepts unknown fields without keeping them', () => {
    const value = examplesOf('/auth/challenge', 'post', '200')[0]!.value as Obj;
    expect(AuthChallengeResponse.parse({ ...value, newField: 1 })).toEqual(value);
  });
});

describe('error bodies from the openapi.json examples', () => {
  it.each([
    ['ExceptionResponse', { exceptionCodes: [12345], referenceNumber: 'a1b2c3d4-e5f6-4789-ab12-cd34ef567890' }],
    ['BadRequestProblemDetails', { exceptionCodes: [21405, 21157], traceId: '673843e023c432286660bc0501a3af44' }],
    ['ForbiddenProblemDetails', { reasonCode: 'missing-permissions', requiredAnyOfPermissions: ['InvoiceRead', 'InvoiceWrite'], presentPermissions: ['CredentialsRead'] }],
    ['UnauthorizedProblemDetails', { title: 'Unauthorized', details: ['Wymagane jest uwierzytelnienie.'] }],
    ['TooManyRequestsProblemDetails', { title: 'Too Many Requests' }],
    ['GoneProblemDetails', { title: 'Gone' }],
  ])('%s', (name, expected) => {
    const example = schemas[name]!.example ?? examplesOf('/auth/{referenceNumber}', 'get', '410')[0]!.value;
    const fields = parseErrorBody(new TextEncoder().encode(JSON.stringify(example)));
    const { exceptionCodes, ...rest } = expected as { exceptionCodes?: number[] };
    if (exceptionCodes) expect(fields.exceptions?.map((e) => e.code)).toEqual(exceptionCodes);
    expect(fields).toMatchObject(rest);
  });
});
