// Contract checking for tests: plug `onExchange` into startSimulator and every /v2 answer is validated against
// openapi.json (status documented, content type, body schema, Retry-After on 429, x-ms-meta-hash on downloads);
// requests are validated too, separately, because some tests send invalid requests on purpose.
// The schemas are applied by tests/helpers/openapi.ts (the client's helper), not by the simulator's own
// openapi-check.ts: two independent readings of the contract, so the check is not the simulator grading itself.
import { createHash } from 'node:crypto';
import { validateRequest, validateResponse } from '../helpers/openapi';
import { loadOpenApiValidator } from './openapi-check';
import type { Exchange } from './server';

/** Answers KSeF gives outside its contract, which the simulator reproduces on purpose. */
const UNDOCUMENTED_OK: Readonly<Record<number, string>> = {
  404: 'unknown or unimplemented path',
  413: 'request body over the simulator cap',
  415: 'wrong Content-Type on /auth/xades-signature [GH CIRFMF/ksef-api#109]',
};

export interface ContractChecker {
  onExchange: (exchange: Exchange) => void;
  /** Responses that break openapi.json. */
  readonly responseViolations: string[];
  /** Requests that break openapi.json (expected only where a test sends a bad request on purpose). */
  readonly requestViolations: string[];
  /** How many answers were checked against a schema. */
  readonly checked: number;
  reset(): void;
}

export function createContractChecker(): ContractChecker {
  const validator = loadOpenApiValidator();
  const responseViolations: string[] = [];
  const requestViolations: string[] = [];
  let checked = 0;

  function onExchange(e: Exchange): void {
    const path = e.path.replace(/^\/v2/, '') || '/';
    if (e.fault) return;
    const op = validator.findOperation(e.method, path);
    if (op) requestViolations.push(...validateRequest(e.method, path, e.requestBody, e.requestContentType));
    if (UNDOCUMENTED_OK[e.status] && e.responseContentType?.startsWith('application/problem+json')) return;
    checked += 1;
    responseViolations.push(...validateResponse(e.method, path, e.status, e.responseContentType, e.responseBody));
    if (e.status === 429) {
      const retry = e.responseHeaders['retry-after'];
      if (!retry || !/^\d+$/.test(retry) || Number(retry) < 1) responseViolations.push(`${e.method} ${path} 429: Retry-After missing or not whole seconds (${retry})`);
    }
    const declared = op?.operation.responses[String(e.status)]?.headers;
    if (declared && 'x-ms-meta-hash' in declared) {
      const hash = e.responseHeaders['x-ms-meta-hash'];
      const actual = typeof e.responseBody === 'string' ? createHash('sha256').update(e.responseBody, 'utf8').digest('base64') : null;
      if (!hash || hash !== actual) responseViolations.push(`${e.method} ${path} ${e.status}: x-ms-meta-hash ${hash} is not the body's SHA-256 ${actual}`);
    }
  }

  return {
    onExchange,
    responseViolations,
    requestViolations,
    get checked() {
      return checked;
    },
    reset() {
      responseViolations.length = 0;
      requestViolations.length = 0;
      checked = 0;
    },
  };
}
