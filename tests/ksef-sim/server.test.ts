import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, startChecked, type Checked } from './kit';
import { startSimulator } from './simulator';

let t: Checked;
beforeAll(async () => {
  t = await startChecked({ seed: 'server', maxBodyBytes: 64 * 1024 });
});
afterAll(() => t.sim.stop());
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  t.checker.reset();
});

describe('error formats (NOTES §10)', () => {
  const bad = (headers: Record<string, string> = {}) =>
    call(t.sim, 'POST', '/invoices/query/metadata', {
      token: t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token,
      body: '{"subjectType": ',
      headers: { 'Content-Type': 'application/json', ...headers },
    });

  it('malformed JSON is 21405 as ExceptionResponse by default', async () => {
    const answer = await bad();
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { exception } = answer.body;
    expect(exception.exceptionDetailList).toEqual([
      { exceptionCode: 21405, exceptionDescription: 'Błąd walidacji danych wejściowych.', details: [expect.stringMatching(/^Nieprawidłowy format JSON: /)] },
    ]);
    expect(exception.serviceCode).toMatch(/^\d{8}-EX-/);
    expect(exception.referenceNumber).toBeNull();
    expect(Date.parse(exception.timestamp)).toBe(t.sim.state.clock.now());
  });

  it('and as problem+json with X-Error-Format: problem-details', async () => {
    const answer = await bad({ 'X-Error-Format': 'problem-details' });
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({
      title: 'Bad Request',
      status: 400,
      instance: '/invoices/query/metadata',
      errors: [{ code: 21405, description: 'Błąd walidacji danych wejściowych.' }],
    });
    expect(answer.body.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('401 is problem+json even without the header', async () => {
    const answer = await call(t.sim, 'GET', '/rate-limits');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({ title: 'Unauthorized', status: 401, detail: 'Brak tokenu uwierzytelniającego w nagłówku Authorization.' });
  });

  it.each([
    ['GET', '/v2/nothing-here', 404],
    ['GET', '/v2/invoices/exports/20261124-EH-0000000000-0000000000-00', 404],
    ['GET', '/elsewhere', 404],
  ])('%s %s → %i problem+json', async (method, path, status) => {
    const answer = await fetch(`${t.sim.url}${path}`, { method });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a body over the cap is 413 and the simulator keeps serving', async () => {
    const answer = await call(t.sim, 'POST', '/auth/challenge', { body: 'x'.repeat(70 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe('Treść żądania przekracza 65536 bajtów.');
    expect((await call(t.sim, 'POST', '/auth/challenge')).status).toBe(200);
  });
});

describe('robustness', () => {
  it('never answers 5xx to arbitrary requests (property, fixed seed)', async () => {
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    const paths = [
      '/admin/hwm-lag', '/admin/clock', '/v2/auth/challenge', '/v2/auth/xades-signature', '/v2/auth/ksef-token', '/v2/auth/token/redeem', '/v2/auth/token/refresh',
      '/v2/invoices/query/metadata', '/v2/sessions/online', '/v2/permissions/query/personal/grants', '/v2/auth/sessions/current',
      '/v2/sessions/20261124-SO-0000000000-0000000000-00', '/v2/invoices/ksef/x', '/admin/invoices', '/admin/grants', '/admin/clock', '/admin/faults',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
        fc.constantFrom(...paths),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.json({ maxDepth: 3 }),
          fc.constantFrom(
            '{"subjectType":"Subject2","dateRange":{"dateType":"Issue","from":"2026-13-45"}}',
            '{"advanceMs":-1e20}',
            '{"set":"+275760-09-13T00:00:00Z"}',
            '{"lagMs":1e30}',
            '{"count":1e9,"sellerNip":"5265877635","buyerNip":"5265877635"}',
            '{"path":"/v2/*","kind":"slow","delayMs":99999999}',
          ),
        ),
        fc.constantFrom('application/json', 'application/xml', 'text/plain'),
        fc.boolean(),
        async (method, path, body, contentType, withToken) => {
          const init: RequestInit = { method, headers: { 'Content-Type': contentType, ...(withToken ? { Authorization: `Bearer ${token}` } : {}) } };
          if (method !== 'GET') init.body = body;
          const answer = await fetch(`${t.sim.url}${path}`, init);
          await answer.arrayBuffer();
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { seed: 4242, numRuns: 150 },
    );
    t.sim.admin.clearFaults();
    expect((await call(t.sim, 'POST', '/auth/challenge')).status).toBe(200);
  });

  it('the same seed gives the same identifiers', async () => {
    const make = async () => {
      const sim = await startSimulator({ seed: 'same', freezeClock: true, now: '2026-05-05T10:00:00Z' });
      try {
        const a = await fetch(`${sim.baseUrl}/auth/challenge`, { method: 'POST' }).then((r) => r.json());
        const b = await fetch(`${sim.baseUrl}/auth/challenge`, { method: 'POST' }).then((r) => r.json());
        return [a.challenge, b.challenge];
      } finally {
        await sim.stop();
      }
    };
    const first = await make();
    expect(await make()).toEqual(first);
    expect(first[0]).toMatch(/^20260505-CR-/);
  });

  it('checks its options', async () => {
    await expect(startSimulator({ port: 70_000 })).rejects.toThrow(new TypeError('"port" must be at most 65535'));
    await expect(startSimulator({ environment: 'staging' as never })).rejects.toThrow(new TypeError('"environment" must be test, demo or production'));
    await expect(startSimulator({ now: 'soon' })).rejects.toThrow(new TypeError('"now" must be a date'));
    await expect(startSimulator({ upoPageSize: 20_000 })).rejects.toThrow(new TypeError('"upoPageSize" must be from 1 to 10000'));
  });
});

describe('the admin API over HTTP', () => {
  it('moves the clock', async () => {
    const before = (await call(t.sim, 'GET', '/admin/clock')).body.now;
    const after = (await call(t.sim, 'POST', '/admin/clock', { json: { advanceMs: 90_000 } })).body.now;
    expect(Date.parse(after) - Date.parse(before)).toBe(90_000);
    expect((await call(t.sim, 'POST', '/admin/clock', { json: { set: '2026-12-01T08:00:00Z' } })).body.now).toBe('2026-12-01T08:00:00.000Z');
    expect((await call(t.sim, 'POST', '/admin/clock', { json: {} })).body.error).toBe('body must be { advanceMs } or { set }');
  });

  it('adds invoices from a template, from XML, and in bulk, and lists them', async () => {
    const one = await call(t.sim, 'POST', '/admin/invoices', { json: { sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'FV/ADMIN/1', lines: [{ name: 'Toner', quantity: 2, unitNetPrice: 100, vatRate: 23 }] } });
    expect(one.status).toBe(200);
    expect(one.body.invoices[0]).toMatchObject({ invoiceNumber: 'FV/ADMIN/1', netAmount: 200, vatAmount: 46, grossAmount: 246, seller: { nip: '7680002466' } });
    const bulk = await call(t.sim, 'POST', '/admin/invoices', { json: { count: 3, sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'FV/ADMIN/B' } });
    expect(bulk.body.count).toBe(3);
    const xml = (await call(t.sim, 'GET', `/admin/invoices`)).body.invoices.length;
    expect(xml).toBe(4);
    const duplicate = await call(t.sim, 'POST', '/admin/invoices', { json: { sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'FV/ADMIN/1' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toBe('duplicate invoice: seller 7680002466, VAT FV/ADMIN/1 is already stored');
    const notFa3 = await call(t.sim, 'POST', '/admin/invoices', { json: { xml: '<a/>' } });
    expect(notFa3.body.error).toBe('"xml" is not an acceptable FA(3) invoice: Element główny musi być Faktura w przestrzeni nazw http://crd.gov.pl/wzor/2025/06/25/13775/.');
  });

  it('sets grants, the HWM lag, rate limits and issues tokens; lists requests; refuses bad input', async () => {
    const grants = await call(t.sim, 'POST', '/admin/grants', { json: { context: '5265877635', identity: { type: 'Pesel', value: '85010112345' }, permissions: ['InvoiceRead'] } });
    expect(grants.body.grants[0]).toMatchObject({ permission: 'InvoiceRead', identity: { type: 'Pesel', value: '85010112345' } });
    expect((await call(t.sim, 'POST', '/admin/grants', { json: { context: '5265877635', identity: { type: 'Pesel', value: '85010112345' }, permissions: ['Everything'] } })).status).toBe(400);
    expect((await call(t.sim, 'POST', '/admin/hwm-lag', { json: { lagMs: 1500 } })).body).toEqual({ lagMs: 1500 });
    expect(t.sim.state.hwmLagMs).toBe(1500);
    const limits = await call(t.sim, 'POST', '/admin/rate-limits', { json: { enabled: false } });
    expect(limits.body.limits.invoiceMetadata).toEqual({ perSecond: 8, perMinute: 16, perHour: 20 });
    const tokens = await call(t.sim, 'POST', '/admin/tokens', { json: { context: '5265877635' } });
    expect((await call(t.sim, 'GET', '/rate-limits', { token: tokens.body.accessToken.token })).status).toBe(200);
    const log = await call(t.sim, 'GET', '/admin/requests');
    expect(log.body.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/rate-limits', status: 200, fault: null });
    const since = await call(t.sim, 'GET', `/admin/requests?since=${log.body.requests.at(-1).seq}`);
    expect(since.body.requests).toEqual([]);
    expect((await call(t.sim, 'GET', '/admin/nothing')).status).toBe(404);
    expect((await call(t.sim, 'POST', '/admin/grants', { body: 'not json' })).body.error).toBe('body is not valid JSON');
  });
});

describe('media types', () => {
  it('a JSON body under another Content-Type is 415 (fetch sends text/plain by default)', async () => {
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    const answer = await fetch(`${t.sim.baseUrl}/permissions/query/personal/grants`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ title: 'Unsupported Media Type', status: 415, detail: 'Wymagany nagłówek Content-Type: application/json.' });
  });
});
