// A scripted stand-in for KSeF's HTTP side, for unit tests only (the real stand-in is tests/ksef-sim).
// Every request is checked against openapi.json's request schemas and every scripted JSON reply against
// its response schemas, so a fake cannot drift from the contract unnoticed.
import { expect } from 'vitest';
import { isKsefError, type KsefError } from '../../lib/ksef/errors';
import { findOperation, validateRequest, validateResponse } from '../helpers/openapi';

export interface RecordedRequest {
  method: string;
  url: string;
  /** `METHOD /template` from openapi.json, e.g. `GET /auth/{referenceNumber}`. */
  operation: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Reply =
  | {
      status: number;
      json?: unknown;
      text?: string;
      bytes?: Uint8Array;
      /** A body produced as it is read (size-cap tests). */
      stream?: ReadableStream<Uint8Array<ArrayBuffer>>;
      headers?: Record<string, string>;
      /** For replies that break the contract on purpose (schema-mismatch tests). */
      offContract?: boolean;
    }
  | 'network-error'
  | 'hang';

type Responder = Reply | ((req: RecordedRequest) => Reply | Promise<Reply>);

export function createFakeKsef() {
  const queues = new Map<string, Responder[]>();
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];

  /** Queues replies for an operation; the last one keeps answering once the queue is down to it. */
  function on(operation: string, ...replies: Responder[]) {
    queues.set(operation, [...(queues.get(operation) ?? []), ...replies]);
  }

  async function fetch(input: string, init: RequestInit = {}): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : undefined;
    const match = findOperation(method, input);
    const operation = match ? `${method} ${match.template}` : `${method} ${input}`;
    const req: RecordedRequest = { method, url: input, operation, headers, body };
    requests.push(req);
    problems.push(...validateRequest(method, input, body, headers['content-type']));
    const queue = queues.get(operation);
    if (!queue?.length) throw new Error(`fake KSeF: no reply scripted for ${operation}`);
    const responder = queue.length > 1 ? queue.shift()! : queue[0]!;
    const reply = typeof responder === 'function' ? await responder(req) : responder;
    if (reply === 'network-error') throw new TypeError('fetch failed');
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        const signal = init.signal;
        if (!signal) return;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    const out = new Headers(reply.headers);
    let payload: BodyInit | null = null;
    if (reply.json !== undefined) {
      if (!out.has('content-type')) out.set('content-type', reply.status >= 400 ? 'application/problem+json' : 'application/json');
      payload = JSON.stringify(reply.json);
    } else if (reply.text !== undefined) {
      payload = reply.text;
    } else if (reply.bytes) {
      payload = new Uint8Array(reply.bytes);
    } else if (reply.stream) {
      payload = reply.stream;
    }
    if (!reply.offContract && reply.json !== undefined) {
      problems.push(...validateResponse(method, input, reply.status, out.get('content-type'), reply.json));
    }
    return new Response(reply.status === 204 ? null : payload, { status: reply.status, headers: out });
  }

  return {
    fetch,
    on,
    requests,
    /** Contract violations seen so far (requests and scripted replies); tests expect none. */
    problems,
    calls: (operation: string) => requests.filter((r) => r.operation === operation),
    reset() {
      queues.clear();
      requests.length = 0;
      problems.length = 0;
    },
  };
}

export type FakeKsef = ReturnType<typeof createFakeKsef>;

export const T0 = Date.parse('2026-03-02T10:00:00Z');

/** A clock whose sleeps pass instantly and are recorded. */
export function createFakeClock(start = T0) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    advance(ms: number) {
      now += ms;
    },
    sleeps,
  };
}

export type FakeClock = ReturnType<typeof createFakeClock>;

/** The KsefError a call rejected with; fails the test when it resolved or threw something else. */
export async function caught(promise: Promise<unknown>): Promise<KsefError> {
  try {
    await promise;
  } catch (error) {
    expect(isKsefError(error), String(error)).toBe(true);
    return error as KsefError;
  }
  throw new Error('expected a rejection');
}
