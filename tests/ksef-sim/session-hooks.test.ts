// The hooks sending tests use (admin-sessions.ts, session-hooks.ts): forced invoice outcomes, processing
// delays, run-time session options, cancellation, per-operation request counts; in process and over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, startChecked, type Checked } from './kit';
import { invoiceXml, openClient, SELLER, type SendClient } from './sending-kit';

let t: Checked;
let s: SendClient;

beforeAll(async () => {
  t = await startChecked({ seed: 'session-hooks', now: '2026-03-02T10:00:00+01:00' });
  s = await openClient(t.sim, t.sim.admin.issueTokens({ context: SELLER }).accessToken.token);
});
beforeEach(() => {
  t.sim.admin.clearInvoiceStatusRules();
  t.sim.admin.setSessionOptions({ invoicePendingPolls: 1, sessionPendingPolls: 1 });
});
afterAll(async () => {
  expect(t.checker.responseViolations).toEqual([]);
  await t.sim.stop();
});

describe('forceInvoiceStatus', () => {
  it.each([
    [550, { code: 550, description: 'Operacja została anulowana przez system', details: ['Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu. Spróbuj ponownie'] }],
    [500, { code: 500, description: 'Nieznany błąd (500)' }],
    [440, { code: 440, description: 'Duplikat faktury', extensions: { originalSessionReferenceNumber: null, originalKsefNumber: null } }],
    [405, { code: 405, description: 'Przetwarzanie anulowane z powodu błędu sesji' }],
  ] as const)('%i replaces the next outcome once', async (code, status) => {
    t.sim.admin.forceInvoiceStatus({ code });
    const forced = await s.sendAndWait(invoiceXml(t.sim, `FV/F/${code}/1`));
    expect(forced.body).toMatchObject({ status, ksefNumber: null, invoiceNumber: `FV/F/${code}/1` });
    expect(t.sim.admin.invoices().some((i) => i.invoiceNumber === `FV/F/${code}/1`)).toBe(false);
    expect((await s.sendAndWait(invoiceXml(t.sim, `FV/F/${code}/2`))).body.status.code).toBe(200);
  });

  it('matches by P_2 and counts uses; details and extensions as given', async () => {
    const rule = t.sim.admin.forceInvoiceStatus({ invoiceNumber: 'FV/F/T', code: 430, details: ['Linia 1: wymyślony błąd'], count: 2 });
    expect(rule).toMatchObject({ remaining: 2, code: 430 });
    expect((await s.sendAndWait(invoiceXml(t.sim, 'FV/F/O'))).body.status.code).toBe(200);
    const hit = await s.sendAndWait(invoiceXml(t.sim, 'FV/F/T'));
    expect(hit.body.status).toEqual({ code: 430, description: 'Błąd weryfikacji pliku faktury', details: ['Linia 1: wymyślony błąd'] });
    expect(t.sim.admin.invoiceStatusRules()).toMatchObject([{ id: rule.id, remaining: 1 }]);
  });

  it('pendingPolls alone delays the judged outcome by that many polls', async () => {
    t.sim.admin.forceInvoiceStatus({ pendingPolls: 3 });
    const { seen, body } = await s.sendAndWait(invoiceXml(t.sim, 'FV/F/SLOW'));
    expect(seen).toEqual([150, 150, 150, 200]);
    expect(body.ksefNumber).toEqual(expect.any(String));
  });

  it.each([
    [{ code: 200 }, '"code" must be one of 405, 410, 415, 430, 435, 440, 450, 500, 550'],
    [{}, 'give "code", "pendingPolls" or both'],
    [{ code: 450, count: 0 }, '"count" must be an integer from 1 to 1000000'],
    [{ pendingPolls: -1 }, '"pendingPolls" must be an integer from 0 to 10000'],
    [{ code: 450, details: 'x' }, '"details" must be a list of texts'],
  ])('refuses %j', (spec, message) => {
    expect(() => t.sim.admin.forceInvoiceStatus(spec as never)).toThrow(new TypeError(message));
  });
});

describe('session options, cancellation and request counts', () => {
  it('sessionPendingPolls: the session shows 170 that many polls after closing', async () => {
    t.sim.admin.setSessionOptions({ sessionPendingPolls: 2, invoicePendingPolls: 0 });
    const auth = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
    const c = await openClient(t.sim, auth);
    await c.sendAndWait(invoiceXml(t.sim, 'FV/P/1'));
    await c.close();
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await c.get(`/sessions/${c.ref}`)).body.status.code);
    expect(codes).toEqual([170, 170, 200]);
    expect(() => t.sim.admin.setSessionOptions({ maxInvoicesPerSession: 0 })).toThrow(new TypeError('"maxInvoicesPerSession" must be an integer from 1 to 10000'));
    expect(() => t.sim.admin.cancelSession(c.ref)).toThrow(new TypeError(`session ${c.ref} has status 200; only an open or closing session can be cancelled`));
  });

  it('requestCounts counts each documented operation by its template', async () => {
    t.sim.admin.clearRequests();
    const auth = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
    const c = await openClient(t.sim, auth);
    await c.sendAndWait(invoiceXml(t.sim, 'FV/C/1'));
    await c.close();
    expect(t.sim.admin.requestCounts()).toEqual({
      'GET /security/public-key-certificates': 1,
      'POST /sessions/online': 1,
      'POST /sessions/online/{referenceNumber}/invoices': 1,
      'GET /sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}': 2,
      'POST /sessions/online/{referenceNumber}/close': 1,
    });
    const last = t.sim.admin.requests().at(-1);
    expect(last).toMatchObject({ operation: 'POST /sessions/online/{referenceNumber}/close', status: 204 });
    expect(t.sim.admin.requestCounts(last!.seq)).toEqual({});
  });

  it('the same hooks over HTTP under /admin', async () => {
    const rule = await call(t.sim, 'POST', '/admin/invoice-status', { json: { code: 450, invoiceNumber: 'FV/H/1' } });
    expect(rule.body.rule).toMatchObject({ code: 450, invoiceNumber: 'FV/H/1', remaining: 1 });
    expect((await call(t.sim, 'GET', '/admin/invoice-status')).body.rules).toHaveLength(1);
    expect((await call(t.sim, 'DELETE', '/admin/invoice-status')).body).toEqual({ rules: [] });
    expect((await call(t.sim, 'POST', '/admin/invoice-status', { json: { code: 1 } })).body.error).toMatch(/^"code" must be one of/);
    expect((await call(t.sim, 'POST', '/admin/session-options', { json: { invoicePendingPolls: 4 } })).body.options).toEqual({ invoicePendingPolls: 4, sessionPendingPolls: 1, maxInvoicesPerSession: 10_000 });
    const auth = t.sim.admin.issueTokens({ context: SELLER }).accessToken.token;
    const c = await openClient(t.sim, auth);
    const cancelled = await call(t.sim, 'POST', '/admin/sessions/cancel', { json: { referenceNumber: c.ref } });
    expect(cancelled.body).toEqual({ referenceNumber: c.ref, status: { code: 440, description: 'Sesja anulowana', details: ['Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu.'] } });
    expect((await call(t.sim, 'POST', '/admin/sessions/cancel', { json: { referenceNumber: 'nope' } })).body.error).toBe('no session nope');
    const counts = await call(t.sim, 'GET', '/admin/request-counts');
    expect(counts.body.counts['POST /sessions/online']).toBeGreaterThanOrEqual(1);
  });

  it('a session limit answered 429 with Retry-After, from an injected fault', async () => {
    t.sim.admin.addFault({ path: '/v2/sessions/online', method: 'POST', kind: 'http429', retryAfterSeconds: 120 });
    const blocked = await openClient(t.sim, t.sim.admin.issueTokens({ context: SELLER }).accessToken.token);
    expect(blocked.opened.status).toBe(429);
    expect(blocked.opened.headers.get('retry-after')).toBe('120');
    expect(blocked.opened.body).toMatchObject({ status: { code: 429, description: 'Too Many Requests' } });
  });
});
