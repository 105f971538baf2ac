// Every answer the simulator gives in a full client journey conforms to openapi.json, and so does every
// request the journey sends; the checker itself is shown to catch violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractChecker } from './contract';
import { generateInvoiceXml } from './invoice-templates';
import { call, encryptInvoice, FA3_FORM, login, sessionEncryption, startChecked, type Checked } from './kit';
import { createRng } from './random';
import { warsawDate } from './time';

const OWNER = '5265877635';

let t: Checked;
beforeAll(async () => {
  t = await startChecked({ seed: 'contract', hwmLagMs: 0, rateLimits: {} });
});
afterAll(() => t.sim.stop());

describe('a whole client journey against openapi.json', () => {
  it('login, permissions, public keys, query, download, send, UPOs, refresh, revoke: no violations', async () => {
    t.sim.admin.addInvoices({ count: 12, sellerNip: '7680002466', buyerNip: OWNER, invoiceNumber: 'FV/C', permanentStorageDate: t.sim.state.clock.now() - 5000 });
    const tokens = await login(t.sim, 'person-tinpl-ec', OWNER);
    const token = tokens.accessToken;
    await call(t.sim, 'POST', '/permissions/query/personal/grants?pageOffset=0&pageSize=10', { token, json: { permissionState: 'Active' } });
    await call(t.sim, 'GET', '/rate-limits', { token });
    const from = new Date(t.sim.state.clock.now() - 86_400_000).toISOString();
    const page = await call(t.sim, 'POST', '/invoices/query/metadata?pageOffset=0&pageSize=10&sortOrder=Asc', {
      token,
      json: { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from, restrictToPermanentStorageHwmDate: true } },
    });
    expect(page.body.hasMore).toBe(true);
    await call(t.sim, 'POST', '/invoices/query/metadata?pageOffset=1&pageSize=10', { token, json: { subjectType: 'Subject2', dateRange: { dateType: 'Issue', from, to: null } } });
    await call(t.sim, 'GET', `/invoices/ksef/${page.body.invoices[0].ksefNumber}`, { token });

    const enc = await sessionEncryption(t.sim);
    const session = (await call(t.sim, 'POST', '/sessions/online', { token, json: { formCode: FA3_FORM, encryption: enc.encryption } })).body.referenceNumber;
    const today = warsawDate(t.sim.state.clock.now());
    const xml = generateInvoiceXml({ sellerNip: OWNER, buyerNip: '7680002466', invoiceNumber: 'FV/OWN/1', issueDate: today }, createRng(1), today);
    const sent = (await call(t.sim, 'POST', `/sessions/online/${session}/invoices`, { token, json: await encryptInvoice(enc.aesKey, enc.iv, xml) })).body.referenceNumber;
    await call(t.sim, 'GET', `/sessions/${session}/invoices/${sent}`, { token });
    const done = (await call(t.sim, 'GET', `/sessions/${session}/invoices/${sent}`, { token })).body;
    await call(t.sim, 'GET', `/sessions/${session}/invoices/${sent}/upo`, { token });
    await call(t.sim, 'GET', `/sessions/${session}/invoices/ksef/${done.ksefNumber}/upo`, { token });
    await call(t.sim, 'POST', `/sessions/online/${session}/close`, { token });
    await call(t.sim, 'GET', `/sessions/${session}`, { token });
    const status = (await call(t.sim, 'GET', `/sessions/${session}`, { token })).body;
    await call(t.sim, 'GET', `/sessions/${session}/upo/${status.upo.pages[0].referenceNumber}`, { token });

    await call(t.sim, 'POST', '/auth/token/refresh', { token: tokens.refreshToken });
    await call(t.sim, 'DELETE', '/auth/sessions/current', { token: tokens.refreshToken });
    // A few refusals too: their bodies must conform as well.
    await call(t.sim, 'POST', '/auth/token/redeem', { token: tokens.operationToken });
    await call(t.sim, 'GET', '/rate-limits');
    await call(t.sim, 'GET', `/invoices/ksef/${page.body.invoices[0].ksefNumber}`, { token: t.sim.admin.issueTokens({ context: OWNER, identity: { type: 'Nip', value: '1111111111' }, permissions: ['Introspection'] }).accessToken.token });

    expect(t.checker.checked).toBeGreaterThanOrEqual(22);
    expect(t.checker.responseViolations).toEqual([]);
    expect(t.checker.requestViolations).toEqual([]);
  });
});

describe('the checker', () => {
  const exchange = { method: 'POST', path: '/v2/auth/challenge', requestContentType: null, requestBody: undefined, responseHeaders: { 'content-type': 'application/json' }, responseContentType: 'application/json', fault: null };

  it.each([
    ['a missing required property', { status: 200, responseBody: { challenge: '20250514-CR-226FB7B000-3ACF9BE4C0-10', timestamp: '2026-01-01T00:00:00Z', timestampMs: 1 } }, "must have required property 'clientIp'"],
    ['an undocumented status', { status: 418, responseBody: {} }, 'status not documented'],
    ['a 429 without Retry-After', { status: 429, responseBody: { status: { code: 429, description: 'Too Many Requests', details: [] } } }, 'Retry-After missing'],
    ['a wrong content type', { status: 200, responseContentType: 'text/html', responseBody: '<html/>' }, 'content type text/html not documented'],
  ])('reports %s', (_name, overrides, message) => {
    const checker = createContractChecker();
    checker.onExchange({ ...exchange, ...overrides } as never);
    expect(checker.responseViolations).toEqual([expect.stringContaining(message)]);
  });

  it('reports a download whose x-ms-meta-hash does not match, and an invalid request', () => {
    const checker = createContractChecker();
    checker.onExchange({
      ...exchange,
      method: 'GET',
      path: '/v2/invoices/ksef/5265877635-20250826-0100001AF629-AF',
      status: 200,
      responseHeaders: { 'content-type': 'application/xml', 'x-ms-meta-hash': 'AAAA' },
      responseContentType: 'application/xml',
      responseBody: '<Faktura/>',
    });
    checker.onExchange({ ...exchange, path: '/v2/invoices/query/metadata?pageSize=1', requestBody: {}, status: 401, responseContentType: 'application/problem+json', responseBody: { title: 'Unauthorized', status: 401, detail: 'x', timestamp: '2026-01-01T00:00:00Z' } });
    expect(checker.responseViolations).toEqual([expect.stringContaining('x-ms-meta-hash AAAA is not the body')]);
    expect(checker.requestViolations).toEqual(expect.arrayContaining([expect.stringContaining('pageSize'), expect.stringContaining("must have required property 'subjectType'")]));
  });
});
