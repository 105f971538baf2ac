// Issue 10 item 4: a response body past the documented maximum is not buffered whole (a 64 MB body used to be).
import { beforeEach, describe, expect, it } from 'vitest';
import { createKsefClient, type KsefClient } from '../../lib/ksef/client';
import { ERROR_BODY_CAP, RESPONSE_CAPS, responseCap } from '../../lib/ksef/response-limits';
import { t } from '../../lib/i18n';
import { findOperation } from '../helpers/openapi';
import { createFakeClock, createFakeKsef, caught, type FakeKsef } from './fake-ksef';
import { KSEF_NUMBER, SESSION_REF, UPO_REF, makeJwt } from './samples';

const TOKEN = makeJwt({ per: ['Owner'] });
const MIB = 1024 * 1024;
const SIXTY_FOUR_MB = 64 * MIB;
const CHUNK = 64 * 1024;

/** A body of `total` bytes made only as it is pulled, counting what was made and whether reading was cancelled. */
function lazyBody(total: number) {
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const made = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (made.bytes >= total) return controller.close();
      const n = Math.min(CHUNK, total - made.bytes);
      made.bytes += n;
      controller.enqueue(n === CHUNK ? chunk : chunk.slice(0, n));
    },
    cancel() {
      made.cancelled = true;
    },
  });
  return { stream, made };
}

let fake: FakeKsef;
let client: KsefClient;

beforeEach(() => {
  fake = createFakeKsef();
  client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock: createFakeClock(), random: () => 0.5 });
});

describe('response size caps', () => {
  it.each<[string, (c: KsefClient) => Promise<unknown>, number, string]>([
    ['GET /invoices/ksef/{ksefNumber}', (c) => c.invoices.download(KSEF_NUMBER, TOKEN), 12 * MIB, '12 MB'],
    ['GET /sessions/{referenceNumber}/upo/{upoReferenceNumber}', (c) => c.sessions.upoPage(SESSION_REF, UPO_REF, TOKEN), 24 * MIB, '24 MB'],
    [
      'POST /invoices/query/metadata',
      (c) => c.invoices.queryMetadata({ subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: '2026-03-01T00:00:00Z' } }, {}, TOKEN),
      16_000 * 1024,
      '16 MB',
    ],
    ['POST /auth/challenge', (c) => c.auth.challenge(), MIB, '1 MB'],
  ])('%s: a 64 MB body fails with RESPONSE_TOO_LARGE after reading at most the cap', async (operation, call, cap, limit) => {
    const body = lazyBody(SIXTY_FOUR_MB);
    fake.on(operation, { status: 200, stream: body.stream, headers: { 'content-type': 'application/json' }, offContract: true });
    const error = await caught(call(client));
    expect(error).toMatchObject({ name: 'KsefError', code: 'RESPONSE_TOO_LARGE', status: 200, operation, limitBytes: cap });
    expect(error.message).toBe(t('pl', 'ksef_error_RESPONSE_TOO_LARGE', { limit }));
    expect(error.messageEn).toBe(t('en', 'ksef_error_RESPONSE_TOO_LARGE', { limit }));
    expect(error.message).toContain(`ponad ${limit}`);
    // Reading stopped just past the cap (the stream may have one chunk queued ahead) and was cancelled.
    expect(body.made.bytes).toBeGreaterThan(cap);
    expect(body.made.bytes).toBeLessThanOrEqual(cap + 2 * CHUNK);
    expect(body.made.cancelled).toBe(true);
    // The same request would bring the same body: it is not repeated.
    expect(fake.calls(operation)).toHaveLength(1);
  });

  it('refuses at once when Content-Length already says the body is too large', async () => {
    const body = lazyBody(SIXTY_FOUR_MB);
    fake.on('GET /invoices/ksef/{ksefNumber}', {
      status: 200,
      stream: body.stream,
      headers: { 'content-type': 'application/xml', 'content-length': String(SIXTY_FOUR_MB) },
    });
    const error = await caught(client.invoices.download(KSEF_NUMBER, TOKEN));
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: 12 * MIB });
    expect(error.message).toBe(t('pl', 'ksef_error_RESPONSE_TOO_LARGE', { limit: '12 MB' }));
    expect(body.made.bytes).toBeLessThanOrEqual(CHUNK); // at most the chunk a stream prepares before any read
    expect(body.made.cancelled).toBe(true);
  });

  it('reads a body of exactly the cap', async () => {
    const body = lazyBody(responseCap('GET /invoices/ksef/{ksefNumber}'));
    fake.on('GET /invoices/ksef/{ksefNumber}', { status: 200, stream: body.stream, headers: { 'content-type': 'application/xml' } });
    const out = await client.invoices.download(KSEF_NUMBER, TOKEN);
    expect(out.bytes.byteLength).toBe(12 * MIB);
    expect(body.made.cancelled).toBe(false);
  });

  it('keeps the HTTP status of an error whose 64 MB body is dropped after the error cap', async () => {
    client = createKsefClient({ environment: 'test' }, { fetch: fake.fetch, clock: createFakeClock(), maxAttempts: 1 });
    const body = lazyBody(SIXTY_FOUR_MB);
    fake.on('POST /auth/challenge', { status: 500, stream: body.stream, headers: { 'content-type': 'text/html' } });
    const error = await caught(client.auth.challenge());
    expect(error).toMatchObject({ code: 'HTTP', status: 500, exceptions: [] });
    expect(error.message).toBe(t('pl', 'ksef_error_HTTP_5xx', { status: 500 }));
    expect(body.made.bytes).toBeLessThanOrEqual(ERROR_BODY_CAP + 2 * CHUNK);
    expect(body.made.cancelled).toBe(true);
  });

  it('names only operations that openapi.json documents', () => {
    for (const operation of Object.keys(RESPONSE_CAPS)) {
      const [method, path] = operation.split(' ') as [string, string];
      const url = `https://api-test.ksef.mf.gov.pl/v2${path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'ksefNumber' ? KSEF_NUMBER : SESSION_REF))}`;
      expect(findOperation(method, url)?.template, operation).toBe(path);
    }
  });
});
