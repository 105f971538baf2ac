// The HTTP side: body limits, injected faults, rate limits, contract validation of requests (21405), routing,
// KSeF's error formats, the request log and the exchange hook. Nothing a client sends may crash it.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { requireToken } from './access';
import { createAdminRoutes, handleAdmin } from './admin-http';
import { asciiFold } from './faults';
import type { AdminApi } from './admin';
import { badRequest, plainError, renderError, SimError, tooManyRequests } from './errors';
import { bearerToken, parseJsonBody, type SimRequest, type SimResponse } from './http';
import { newReferenceNumber, newTraceId } from './ids';
import { loadOpenApiValidator } from './openapi-check';
import { handleLatarnia } from './latarnia';
import { ROUTES } from './routes';
import type { SimState } from './state';
import { iso } from './time';
import { verifyToken } from './tokens';

/** One request and its answer, as a test's contract check sees them. */
export interface Exchange {
  method: string;
  /** Full path with query, e.g. `/v2/invoices/query/metadata?pageSize=10`. */
  path: string;
  requestContentType: string | null;
  /** Parsed JSON, or the text of an XML body, or undefined. */
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseContentType: string | null;
  responseBody: unknown;
  /** The injected fault that produced this answer, if any (such answers are outside the contract). */
  fault: string | null;
}

export interface ServerHooks {
  onExchange?: (exchange: Exchange) => void;
  log?: (line: string) => void;
}

const MAX_LOG = 10_000;

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  parsed: unknown;
}

function encode(response: SimResponse): Outgoing {
  const headers: Record<string, string> = { ...response.headers };
  if (response.xml !== undefined) {
    headers['Content-Type'] = 'application/xml; charset=utf-8';
    return { status: response.status, headers, body: Buffer.from(response.xml, 'utf8'), parsed: response.xml };
  }
  if (response.json !== undefined) {
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
    return { status: response.status, headers, body: Buffer.from(JSON.stringify(response.json), 'utf8'), parsed: response.json };
  }
  return { status: response.status, headers, body: Buffer.alloc(0), parsed: undefined };
}

/** Reads at most `max` bytes; null when the body is larger (the caller answers 413). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
      } else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createSimServer(state: SimState, admin: AdminApi, hooks: ServerHooks): { server: Server; stopTimers(): void } {
  const validator = loadOpenApiValidator();
  const adminRoutes = createAdminRoutes(admin);
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function errorResponse(error: SimError, req: IncomingMessage, instance: string): Outgoing {
    const rendered = renderError(error, {
      problemDetails: String(req.headers['x-error-format'] ?? '').toLowerCase() === 'problem-details',
      instance,
      nowIso: iso(state.clock.now()),
      traceId: newTraceId(state.rng),
      serviceCode: newReferenceNumber('EX', state.clock.now(), state.rng),
    });
    return encode({ status: rendered.status, headers: rendered.headers, json: rendered.body });
  }

  /** The KSeF API proper; returns the answer or 'drop' for a connection to cut. */
  async function handleApi(req: IncomingMessage, url: URL, body: Buffer, ip: string): Promise<{ out: Outgoing | 'drop'; fault: string | null; requestBody: unknown }> {
    const method = req.method ?? 'GET';
    const sub = url.pathname.slice('/v2'.length) || '/';
    const fault = state.faults.take(method, url.pathname);
    if (fault?.kind === 'drop') return { out: 'drop', fault: fault.kind, requestBody: undefined };
    if (fault?.kind === 'slow') await delay(fault.delayMs);
    if (fault?.kind === 'http500') return { out: errorResponse(plainError(500, 'Internal Server Error', 'Wystąpił nieoczekiwany błąd (błąd wstrzyknięty w symulatorze).'), req, sub), fault: fault.kind, requestBody: undefined };
    if (fault?.kind === 'http503') return { out: errorResponse(plainError(503, 'Service Unavailable', 'Usługa chwilowo niedostępna (błąd wstrzyknięty w symulatorze).'), req, sub), fault: fault.kind, requestBody: undefined };
    if (fault?.kind === 'http429') return { out: errorResponse(tooManyRequests(fault.retryAfterSeconds, 'Przekroczono limit liczby żądań.'), req, sub), fault: fault.kind, requestBody: undefined };
    // X-System-Warning: injected, or echoed from X-Test-System-Warning as TEST does (openapi SystemWarning).
    const echo = req.headers['x-test-system-warning'];
    const warning = fault?.kind === 'warning' ? fault.warning : typeof echo === 'string' && echo.trim() ? asciiFold(echo).slice(0, 1000) : null;
    const warned = (out: Outgoing): Outgoing => (warning ? { ...out, headers: { ...out.headers, 'X-System-Warning': warning } } : out);

    let requestBody: unknown;
    try {
      const match = validator.findOperation(method, sub);
      const route = match ? ROUTES[`${method} ${match.template}`] : undefined;
      if (!match || !route) throw plainError(404, 'Not Found', `Symulator nie obsługuje operacji ${method} ${sub}.`);

      const token = bearerToken({ headers: req.headers });
      // The signature is checked (expiry is not) so a forged token cannot pick someone else's budget.
      const claims = token ? verifyToken(token, state.tokenSecret, 0) : null;
      const context = claims?.ok ? `${claims.claims.cit}:${claims.claims.civ}` : '-';
      const bucket = route.group === 'other' ? `${match.template}|${context}|${ip}` : `${context}|${ip}`;
      const decision = state.rateLimiter.check(route.group, bucket);
      if (!decision.ok) throw tooManyRequests(decision.retryAfterSeconds, 'Przekroczono limit liczby żądań.');

      const sim: SimRequest = {
        method,
        path: sub,
        template: match.template,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        body,
        json: undefined,
        ip,
        problemDetails: false,
      };
      if (route.tokens.length > 0) requireToken(sim, state, route.tokens);
      const isXml = match.operation.requestBody && 'application/xml' in match.operation.requestBody.content;
      if (isXml) requestBody = body.length > 0 ? body.toString('utf8') : undefined;
      else if (body.length > 0 && !/^application\/([\w.+-]*\+)?json\b/i.test(String(req.headers['content-type'] ?? ''))) {
        // ASP.NET (KSeF) refuses a JSON body sent under another media type, e.g. fetch's default text/plain.
        throw plainError(415, 'Unsupported Media Type', 'Wymagany nagłówek Content-Type: application/json.');
      } else {
        requestBody = parseJsonBody(body);
        sim.json = requestBody;
      }
      // openapi.json is the validator of inputs: KSeF answers 21405 for what its schemas reject.
      const problems = validator.validateRequest(method, `${sub}${url.search}`, requestBody);
      if (problems.length > 0) throw badRequest(21405, problems.slice(0, 10));
      return { out: warned(encode(await route.handler(sim, state))), fault: fault?.kind ?? null, requestBody };
    } catch (error) {
      if (error instanceof SimError) return { out: warned(errorResponse(error, req, sub)), fault: fault?.kind ?? null, requestBody };
      throw error;
    }
  }

  function handleStorage(url: URL): Outgoing {
    const id = url.pathname.slice('/storage/upo/'.length);
    const link = state.downloads.get(id);
    if (!link || link.expires < state.clock.now()) {
      return { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('AuthenticationFailed: link expired or unknown'), parsed: undefined };
    }
    return {
      status: 200,
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'x-ms-meta-hash': createHash('sha256').update(link.content, 'utf8').digest('base64') },
      body: Buffer.from(link.content, 'utf8'),
      parsed: link.content,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ip = req.socket.remoteAddress ?? '127.0.0.1';
    const body = await readBody(req, state.options.maxBodyBytes);
    let out: Outgoing | 'drop';
    let fault: string | null = null;
    let requestBody: unknown;
    if (body === null) {
      out = errorResponse(plainError(413, 'Payload Too Large', `Treść żądania przekracza ${state.options.maxBodyBytes} bajtów.`), req, url.pathname);
      out.headers.Connection = 'close';
    } else if (url.pathname.startsWith('/admin/')) {
      const answer = await handleAdmin(adminRoutes, method, url.pathname, url.searchParams, body);
      out = encode({ status: answer.status, json: answer.body });
    } else if (url.pathname.startsWith('/storage/upo/') && method === 'GET') {
      out = handleStorage(url);
    } else if (url.pathname.startsWith('/latarnia/')) {
      // Latarnia's paths (NOTES §1), served beside the API as tests/ksef-sim/latarnia.ts says.
      const answer = handleLatarnia(state, method, url.pathname);
      out = answer ? encode(answer) : errorResponse(plainError(404, 'Not Found', `Nieznana ścieżka ${url.pathname}.`), req, url.pathname);
    } else if (url.pathname === '/v2' || url.pathname.startsWith('/v2/')) {
      ({ out, fault, requestBody } = await handleApi(req, url, body, ip));
    } else {
      out = errorResponse(plainError(404, 'Not Found', `Nieznana ścieżka ${url.pathname}; API symulatora jest pod /v2.`), req, url.pathname);
    }

    const match = url.pathname.startsWith('/v2/') ? validator.findOperation(method, url.pathname.slice('/v2'.length)) : null;
    const operation = match ? `${method} ${match.template}` : null;
    const entry = { seq: ++seq, method, path: `${url.pathname}${url.search}`, status: out === 'drop' ? 0 : out.status, time: iso(state.clock.now()), fault, operation };
    if (!url.pathname.startsWith('/admin/')) {
      state.requestLog.push(entry);
      if (state.requestLog.length > MAX_LOG) state.requestLog.splice(0, state.requestLog.length - MAX_LOG);
    }
    if (out === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(out.status, { ...out.headers, 'Content-Length': String(out.body.length) });
    res.end(out.body);
    if (url.pathname.startsWith('/v2') && hooks.onExchange) {
      const lower = Object.fromEntries(Object.entries(out.headers).map(([k, v]) => [k.toLowerCase(), v]));
      hooks.onExchange({
        method,
        path: entry.path,
        requestContentType: typeof req.headers['content-type'] === 'string' ? req.headers['content-type'] : null,
        requestBody,
        status: out.status,
        responseHeaders: lower,
        responseContentType: lower['content-type'] ?? null,
        responseBody: out.parsed,
        fault,
      });
    }
    hooks.log?.(`${entry.time} ${method} ${entry.path} → ${out.status}${fault ? ` (fault ${fault})` : ''}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the simulator must not take it down: answer 500 and keep serving.
      hooks.log?.(`internal error: ${String((error as Error)?.stack ?? error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/problem+json; charset=utf-8' });
        res.end(JSON.stringify({ title: 'Internal Server Error', status: 500, detail: 'Błąd wewnętrzny symulatora.', timestamp: iso(state.clock.now()) }));
      } else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return {
    server,
    stopTimers() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
