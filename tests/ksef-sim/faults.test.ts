import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asciiFold, createFaults, SIG_001_WARNING, validateFaultSpec } from './faults';
import { call, startChecked, type Checked } from './kit';

let t: Checked;
beforeAll(async () => {
  t = await startChecked({ seed: 'faults' });
});
afterAll(() => t.sim.stop());
afterEach(() => {
  expect(t.checker.responseViolations).toEqual([]);
  t.checker.reset();
  t.sim.admin.clearFaults();
  t.sim.admin.clearRequests();
});

describe('injected faults', () => {
  it.each([
    ['http500', 500, 'Internal Server Error'],
    ['http503', 503, 'Service Unavailable'],
  ] as const)('%s answers %i for the next N requests, then the path works again', async (kind, status, title) => {
    t.sim.admin.addFault({ path: '/v2/auth/challenge', kind, count: 2 });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call(t.sim, 'POST', '/auth/challenge'));
    expect(answers.map((a) => a.status)).toEqual([status, status, 200]);
    expect(answers[0]?.headers.get('content-type')).toContain('application/problem+json');
    expect(answers[0]?.body).toMatchObject({ title, status });
    expect(t.sim.admin.requests().map((r) => [r.path, r.status, r.fault])).toEqual([
      ['/v2/auth/challenge', status, kind],
      ['/v2/auth/challenge', status, kind],
      ['/v2/auth/challenge', 200, null],
    ]);
  });

  it('http429 carries the chosen Retry-After', async () => {
    t.sim.admin.addFault({ path: '/v2/security/public-key-certificates', kind: 'http429', retryAfterSeconds: 7 });
    const answer = await call(t.sim, 'GET', '/security/public-key-certificates');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.body).toEqual({ status: { code: 429, description: 'Too Many Requests', details: ['Przekroczono limit liczby żądań. Spróbuj ponownie po 7 s.'] } });
  });

  it('slow answers normally after the delay', async () => {
    t.sim.admin.addFault({ path: '/v2/auth/challenge', kind: 'slow', delayMs: 30 });
    const answer = await call(t.sim, 'POST', '/auth/challenge');
    expect(answer.status).toBe(200);
    expect(answer.body.challenge).toHaveLength(36);
    expect(t.sim.admin.requests()[0]?.fault).toBe('slow');
  });

  it('drop closes the connection without an answer', async () => {
    t.sim.admin.addFault({ path: '/v2/auth/challenge', kind: 'drop' });
    await expect(call(t.sim, 'POST', '/auth/challenge')).rejects.toThrow(TypeError);
    expect(t.sim.admin.requests()[0]).toMatchObject({ method: 'POST', path: '/v2/auth/challenge', status: 0, fault: 'drop' });
    expect((await call(t.sim, 'POST', '/auth/challenge')).status).toBe(200);
  });

  it('matches by method and by * patterns', async () => {
    t.sim.admin.addFault({ path: '/v2/sessions/*', method: 'GET', kind: 'http503', count: 5 });
    const token = t.sim.admin.issueTokens({ context: '5265877635' }).accessToken.token;
    const ref = '20261124-SO-0000000000-0000000000-00';
    expect((await call(t.sim, 'GET', `/sessions/${ref}`, { token })).status).toBe(503);
    expect((await call(t.sim, 'POST', `/sessions/online/${ref}/close`, { token })).status).toBe(400);
    expect((await call(t.sim, 'GET', '/rate-limits', { token })).status).toBe(200);
    expect(t.sim.admin.faults()[0]?.remaining).toBe(4);
  });

  it('can be set over HTTP', async () => {
    const set = await call(t.sim, 'POST', '/admin/faults', { json: { path: '/v2/auth/challenge', kind: 'http500' } });
    expect(set.status).toBe(200);
    expect(set.body.fault).toMatchObject({ path: '/v2/auth/challenge', kind: 'http500', remaining: 1 });
    expect((await call(t.sim, 'POST', '/auth/challenge')).status).toBe(500);
    const bad = await call(t.sim, 'POST', '/admin/faults', { json: { path: '/v2/x', kind: 'explode' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('"kind" must be one of http500, http503, http429, slow, drop, warning');
  });

  it('warning answers normally and adds X-System-Warning, ASCII-folded, for the next N requests', async () => {
    const set = await call(t.sim, 'POST', '/admin/faults', { json: { path: '/v2/auth/challenge', kind: 'warning', count: 2, warning: '[abc-9]: Zażółć gęślą jaźń | [sig-001]: drugie' } });
    expect(set.status).toBe(200);
    expect(set.body.fault).toMatchObject({ kind: 'warning', warning: '[abc-9]: Zazolc gesla jazn | [sig-001]: drugie', remaining: 2 });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call(t.sim, 'POST', '/auth/challenge'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]?.body.challenge).toHaveLength(36);
    expect(answers.map((a) => a.headers.get('x-system-warning'))).toEqual(['[abc-9]: Zazolc gesla jazn | [sig-001]: drugie', '[abc-9]: Zazolc gesla jazn | [sig-001]: drugie', null]);
  });

  it('warning defaults to sig-001 and also rides on an error answer', async () => {
    t.sim.admin.addFault({ path: '/v2/auth/*', kind: 'warning' });
    const refused = await call(t.sim, 'GET', '/auth/20261124-AU-0000000000-0000000000-00');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-system-warning')).toBe(SIG_001_WARNING);
    expect(SIG_001_WARNING).toBe('[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES');
  });

  it('echoes X-Test-System-Warning as TEST does (openapi SystemWarning)', async () => {
    const answer = await call(t.sim, 'POST', '/auth/challenge', { headers: { 'X-Test-System-Warning': '[t-1]: proba' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-system-warning')).toBe('[t-1]: proba');
    expect((await call(t.sim, 'POST', '/auth/challenge')).headers.get('x-system-warning')).toBeNull();
  });
});

describe('validateFaultSpec', () => {
  it.each([
    [null, '"fault" must be an object'],
    [{ path: 'v2/x', kind: 'drop' }, '"path" must be a path starting with "/"'],
    [{ path: '/v2/x', kind: 'drop', count: 0 }, '"count" must be an integer from 1 to 1000000'],
    [{ path: '/v2/x', kind: 'slow', delayMs: 1e9 }, '"delayMs" must be an integer from 0 to 120000'],
    [{ path: '/v2/x', kind: 'drop', method: 'G E T' }, '"method" must be an HTTP method'],
    [{ path: '/v2/x', kind: 'warning', warning: ' ' }, '"warning" must be a non-empty text of at most 1000 characters'],
  ])('%j → %s', (spec, message) => {
    expect(() => validateFaultSpec(spec)).toThrow(new TypeError(message));
  });

  it('asciiFold keeps what an HTTP header may carry', () => {
    expect(asciiFold('Łódź, żółć: ąęś\u0007€')).toBe('Lodz, zolc: aes??');
  });

  it('a rule is used up after count matches and special characters in paths are literal', () => {
    const faults = createFaults();
    faults.add({ path: '/v2/a.b?', kind: 'http500', count: 2 });
    expect(faults.take('GET', '/v2/aXb')).toBeNull();
    expect(faults.take('GET', '/v2/a.b?')?.kind).toBe('http500');
    expect(faults.take('GET', '/v2/a.b?')?.kind).toBe('http500');
    expect(faults.take('GET', '/v2/a.b?')).toBeNull();
  });
});
