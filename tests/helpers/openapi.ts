// Validates requests and responses against tests/fixtures/ksef/openapi.json (OpenAPI 3.0.4) with ajv 8.
// OpenAPI 3.0 is not JSON Schema: `nullable: true` is turned into `anyOf [schema, {type:null}]`, and
// `#/components/...` references are rewritten to point into one registered document.
// Generic on purpose: the KSeF simulator's tests may use it too.
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export const OPENAPI_PATH = new URL('../fixtures/ksef/openapi.json', import.meta.url);
export const openapi = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const DOC_ID = 'ksef-openapi';

/** OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv reads it). */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === 'pattern' && typeof value === 'string') {
      // .NET's `\ ` (EnrollCertificateRequest.certificateName) is an invalid escape in a unicode RegExp (ajv's).
      out.pattern = value.replace(/\\ /g, ' ');
    } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
      out.$ref = `${DOC_ID}${value}`;
    } else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: toJsonSchema(openapi.components as unknown as Json) } as object);

const compiled = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: Schema): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(toJsonSchema(schema) as object);
    compiled.set(key, fn);
  }
  return fn;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}

const basePath = new URL(openapi.servers[0]!.url).pathname.replace(/\/$/, ''); // "/v2"

export interface MatchedOperation {
  method: string;
  template: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  operation: Operation;
}

/** The operation a concrete request hits; literal segments win over `{params}` (`/auth/sessions`). */
export function findOperation(method: string, url: string): MatchedOperation | null {
  const parsed = new URL(url, 'http://placeholder');
  let path = decodeURI(parsed.pathname);
  const at = path.indexOf(`${basePath}/`);
  if (at >= 0) path = path.slice(at + basePath.length);
  const m = method.toLowerCase();
  const candidates: { score: number; found: MatchedOperation }[] = [];
  for (const [template, ops] of Object.entries(openapi.paths)) {
    const operation = ops[m];
    if (!operation) continue;
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const hit = new RegExp(`^${pattern}$`).exec(path);
    if (!hit) continue;
    const pathParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1]!)]));
    candidates.push({ score: names.length, found: { method: m, template, pathParams, query: parsed.searchParams, operation } });
  }
  candidates.sort((a, b) => a.score - b.score);
  return candidates[0]?.found ?? null;
}

function hasRequiredProperties(schema: Schema): boolean {
  if (Array.isArray(schema.required) && schema.required.length > 0) return true;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return hasRequiredProperties(openapi.components.schemas[ref.split('/').pop()!] ?? {});
  }
  return Array.isArray(schema.allOf) && (schema.allOf as Schema[]).some(hasRequiredProperties);
}

function coerce(value: string, schema: Schema | undefined): Json {
  const type = schema?.type;
  if (type === 'integer' || type === 'number') return value.trim() === '' ? value : Number(value);
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseBody(body: unknown, type: string): { value: unknown; error?: string } {
  if (typeof body !== 'string' || !type.includes('json')) return { value: body };
  try {
    return { value: JSON.parse(body) };
  } catch {
    return { value: body, error: 'body is not JSON' };
  }
}

/**
 * Errors of a request against openapi.json (empty: valid). `url` may be absolute, carry the `/v2` prefix
 * and a query string; `body` is a string (JSON is parsed) or an already parsed value.
 */
export function validateRequest(method: string, url: string, body?: unknown, contentType?: string | null): string[] {
  const match = findOperation(method, url);
  if (!match) return [`no operation ${method.toUpperCase()} ${url}`];
  const where = `${method.toUpperCase()} ${match.template}`;
  const errors: string[] = [];
  for (const p of match.operation.parameters ?? []) {
    const raw = p.in === 'path' ? match.pathParams[p.name] : p.in === 'query' ? match.query.get(p.name) : undefined;
    if (p.in !== 'path' && p.in !== 'query') continue;
    if (raw === undefined || raw === null) {
      if (p.required) errors.push(`${where}: missing ${p.in} parameter ${p.name}`);
      continue;
    }
    const fn = validatorFor(`${where}#param:${p.name}`, p.schema ?? {});
    if (!fn(coerce(raw, p.schema))) errors.push(...describe(fn.errors, `${where} ${p.in}.${p.name}`));
  }
  for (const name of match.query.keys()) {
    if (!(match.operation.parameters ?? []).some((p) => p.in === 'query' && p.name === name)) {
      errors.push(`${where}: unknown query parameter ${name}`);
    }
  }
  const rb = match.operation.requestBody;
  const empty = body === undefined || body === null || body === '';
  if (!rb) {
    if (!empty) errors.push(`${where}: takes no request body`);
    return errors;
  }
  if (empty) {
    // Only 1 of 39 request bodies carries `required: true`; a schema with required properties means the same.
    const schemas = Object.values(rb.content).map((m) => m.schema ?? {});
    if (rb.required || schemas.some(hasRequiredProperties)) errors.push(`${where}: request body required`);
    return errors;
  }
  const type = mediaType(contentType) || Object.keys(rb.content)[0]!;
  const media = rb.content[type];
  if (!media) return [...errors, `${where}: content type ${type} not accepted (${Object.keys(rb.content).join(', ')})`];
  const { value, error } = parseBody(body, type);
  if (error) return [...errors, `${where}: ${error}`];
  const fn = validatorFor(`${where}#body:${type}`, media.schema ?? {});
  if (!fn(value)) errors.push(...describe(fn.errors, `${where} body`));
  return errors;
}

/** Errors of a response against openapi.json (empty: valid). Bodies without a JSON schema are not checked. */
export function validateResponse(
  method: string,
  url: string,
  status: number,
  contentType: string | null | undefined,
  body?: unknown,
): string[] {
  const match = findOperation(method, url);
  if (!match) return [`no operation ${method.toUpperCase()} ${url}`];
  const where = `${method.toUpperCase()} ${match.template} → ${status}`;
  const response = match.operation.responses[String(status)] ?? match.operation.responses.default;
  if (!response) return [`${where}: status not documented`];
  const empty = body === undefined || body === null || body === '';
  if (!response.content) return empty ? [] : [`${where}: documented without a body`];
  const type = mediaType(contentType);
  const media = response.content[type];
  if (!media) return [`${where}: content type ${type || '(none)'} not documented (${Object.keys(response.content).join(', ')})`];
  const { value, error } = parseBody(body, type);
  if (error) return [`${where}: ${error}`];
  const fn = validatorFor(`${where}#${type}`, media.schema ?? {});
  return fn(value) ? [] : describe(fn.errors, `${where} body`);
}
