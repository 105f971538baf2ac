// Checks requests and responses against tests/fixtures/ksef/openapi.json (the official contract, OpenAPI 3.0.4).
// OpenAPI 3.0 is not JSON Schema: `nullable` becomes a `null` alternative and `$ref`s point into one
// registered components document. Written here because tests/helpers/openapi.ts did not exist yet; the
// function names and arguments follow that planned helper so either can be used.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonObject }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonObject }>; headers?: JsonObject }>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  paramNames: string[];
  literalLength: number;
  operation: Operation;
}

export interface OperationMatch {
  template: string;
  operation: Operation;
  params: Record<string, string>;
}

export interface OpenApiValidator {
  /** The documented operation for a request, or null. `path` is relative to `/v2` and may carry a query. */
  findOperation(method: string, path: string): OperationMatch | null;
  /** Problems with a request (path and query parameters, body); empty when it conforms. */
  validateRequest(method: string, path: string, body: unknown): string[];
  /** Problems with a response (documented status, content type, body schema); empty when it conforms. */
  validateResponse(method: string, path: string, status: number, contentType: string | null, body: unknown): string[];
}

const DOC_ID = 'ksef-openapi';
const OPENAPI_PATH = fileURLToPath(new URL('../fixtures/ksef/openapi.json', import.meta.url));

/** OpenAPI 3.0 schema → JSON Schema (draft-07 as ajv reads it). */
function convertSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(convertSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#/') ? `${DOC_ID}${value}` : value;
      continue;
    }
    if (key === 'pattern' && typeof value === 'string') {
      // .NET's `\ ` (EnrollCertificateRequest.certificateName) is an invalid escape in a unicode RegExp (ajv's).
      out.pattern = value.replace(/\\ /g, ' ');
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      // Property names are not keywords: convert each property schema but keep every name.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, convertSchema(s)]));
      continue;
    }
    out[key] = convertSchema(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string' && !out.allOf && !out.anyOf && !out.oneOf && !out.$ref) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  delete out.nullable;
  return out;
}

/** RFC 3339 date-time, offset optional: KSeF reads offset-less query dates as Warsaw time (NOTES §2). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

function buildRoutes(paths: Record<string, Record<string, Operation>>): Route[] {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
      const paramNames: string[] = [];
      const source = template.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`));
      const regex = source.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        paramNames.push(name);
        return '([^/]+)';
      });
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${regex}$`),
        paramNames,
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
        operation,
      });
    }
  }
  // Literal segments win over parameters: /auth/challenge before /auth/{referenceNumber}.
  return routes.sort((a, b) => b.literalLength - a.literalLength);
}

function mediaType(contentType: string | null): string | null {
  return contentType ? (contentType.split(';')[0] ?? '').trim().toLowerCase() : null;
}

export function createOpenApiValidator(document: {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}): OpenApiValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('date-time', DATE_TIME);
  ajv.addSchema({ $id: DOC_ID, components: { schemas: convertSchema(document.components.schemas as Json) } });
  const routes = buildRoutes(document.paths);
  const cache = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: JsonObject): ValidateFunction => {
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(convertSchema(schema) as object);
      cache.set(key, fn);
    }
    return fn;
  };
  const errorsOf = (fn: ValidateFunction, where: string): string[] =>
    (fn.errors ?? []).map((e) => `${where}${e.instancePath || '/'} ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);

  function findOperation(method: string, path: string): OperationMatch | null {
    const bare = path.split('?')[0] ?? '';
    for (const route of routes) {
      if (route.method !== method.toUpperCase()) continue;
      const m = route.pattern.exec(bare);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { template: route.template, operation: route.operation, params };
    }
    return null;
  }

  function validateParameters(method: string, match: OperationMatch, path: string): string[] {
    const problems: string[] = [];
    const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
    for (const param of match.operation.parameters ?? []) {
      if (!param.schema || (param.in !== 'path' && param.in !== 'query')) continue;
      const raw = param.in === 'path' ? match.params[param.name] : query.get(param.name);
      if (raw === undefined || raw === null) {
        if (param.required) problems.push(`${method} ${match.template}: missing ${param.in} parameter ${param.name}`);
        continue;
      }
      const schema = param.schema;
      const isNumeric = schema.type === 'integer' || schema.type === 'number';
      const value: Json = isNumeric && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : schema.type === 'boolean' && /^(true|false)$/.test(raw) ? raw === 'true' : raw;
      const fn = compile(`${method} ${match.template} param ${param.name}`, schema);
      if (!fn(value)) problems.push(...errorsOf(fn, `${method} ${match.template} ${param.in} ${param.name}`));
    }
    return problems;
  }

  function validateRequest(method: string, path: string, body: unknown): string[] {
    const match = findOperation(method, path);
    if (!match) return [`${method} ${path}: no such operation in openapi.json`];
    const problems = validateParameters(method.toUpperCase(), match, path);
    const requestBody = match.operation.requestBody;
    const where = `${method.toUpperCase()} ${match.template} request`;
    if (!requestBody) {
      if (body !== undefined && body !== null && body !== '') problems.push(`${where}: the operation takes no body`);
      return problems;
    }
    if (body === undefined || body === null || body === '') {
      if (requestBody.required) problems.push(`${where}: body required`);
      return problems;
    }
    const [contentType, media] = Object.entries(requestBody.content)[0] ?? [];
    if (!contentType || !media?.schema) return problems;
    const fn = compile(`${where} ${contentType}`, media.schema);
    if (!fn(body)) problems.push(...errorsOf(fn, where));
    return problems;
  }

  function validateResponse(method: string, path: string, status: number, contentType: string | null, body: unknown): string[] {
    const match = findOperation(method, path);
    if (!match) return [`${method} ${path}: no such operation in openapi.json`];
    const where = `${method.toUpperCase()} ${match.template} ${status}`;
    const response = match.operation.responses[String(status)] ?? match.operation.responses.default;
    if (!response) return [`${where}: status not documented`];
    const type = mediaType(contentType);
    if (!response.content || Object.keys(response.content).length === 0) {
      return body === undefined || body === null || body === '' ? [] : [`${where}: documented without a body but one was sent`];
    }
    const media = type ? response.content[type] : undefined;
    if (!media) return [`${where}: content type ${type ?? '(none)'} not documented (${Object.keys(response.content).join(', ')})`];
    if (!media.schema) return [];
    const fn = compile(`${where} ${type}`, media.schema);
    return fn(body) ? [] : errorsOf(fn, where);
  }

  return { findOperation, validateRequest, validateResponse };
}

let shared: OpenApiValidator | null = null;

/** The validator for the project's copy of openapi.json, compiled once per process. */
export function loadOpenApiValidator(): OpenApiValidator {
  shared ??= createOpenApiValidator(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')));
  return shared;
}
