// What handlers see of a request and give back; the server (server.ts) does the wire work.
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest } from './errors';

export interface SimRequest {
  method: string;
  /** Path below `/v2`, e.g. `/auth/challenge`. */
  path: string;
  /** The openapi.json path template the request matched. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Parsed JSON body (undefined for an empty or non-JSON body). */
  json: unknown;
  ip: string;
  problemDetails: boolean;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** An XML document, sent as `application/xml`. */
  xml?: string;
}

/** Parses a JSON body; malformed JSON is KSeF's 21405 (input validation). */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw badRequest(21405, [`Nieprawidłowy format JSON: ${String((error as Error).message).slice(0, 200)}`]);
  }
}

/** `Authorization: Bearer <token>` or null. */
export function bearerToken(req: Pick<SimRequest, 'headers'>): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? (m[1] ?? null) : null;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({ status, json: body, headers });
