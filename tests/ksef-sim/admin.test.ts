import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { DEMO_ORGANISATIONS, seedDemo } from './demo';
import { call, encryptKsefToken, startChecked, type Checked } from './kit';

let t: Checked;
beforeAll(async () => {
  t = await startChecked({ seed: 'admin', hwmLagMs: 0 });
});
afterAll(() => t.sim.stop());

describe('AdminApi (in process)', () => {
  it('addInvoice: dates default to now, 100 ms apart, in KSeF order; explicit dates are kept', () => {
    const now = t.sim.state.clock.now();
    const meta = t.sim.admin.addInvoice({ sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'A/1' });
    expect([meta.invoicingDate, meta.acquisitionDate, meta.permanentStorageDate]).toEqual([now - 200, now - 100, now].map((ms) => new Date(ms).toISOString()));
    const dated = t.sim.admin.addInvoice({ sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'A/2', invoicingDate: '2026-01-05T10:00:00Z', acquisitionDate: '2026-01-05T10:00:01Z', permanentStorageDate: '2026-01-05T10:00:05Z' });
    expect(dated.ksefNumber).toMatch(/^7680002466-20260105-/);
    expect(() => t.sim.admin.addInvoice({ sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'A/3', acquisitionDate: '2026-01-05T10:00:09Z', permanentStorageDate: '2026-01-05T10:00:05Z' })).toThrow(
      new TypeError('dates must satisfy invoicingDate < acquisitionDate < permanentStorageDate'),
    );
  });

  it.each([
    [() => t.sim.admin.addInvoice({ buyerNip: '5265877635' }), '"sellerNip" and "buyerNip" are required without "xml"'],
    [() => t.sim.admin.addInvoices({ count: 0, sellerNip: '7680002466', buyerNip: '5265877635' }), '"count" must be an integer from 1 to 50000'],
    [() => t.sim.admin.setGrants({ context: '52658', identity: { type: 'Nip', value: '1111111111' }, permissions: [] }), '"context" must be a 10-digit NIP or { type, value }'],
    [() => t.sim.admin.setGrants({ context: '5265877635', identity: { type: 'Email', value: 'a@b.pl' } as never, permissions: [] }), '"identity" must be { type: Nip | Pesel | Fingerprint, value }'],
    [() => t.sim.admin.setHwmLag(-1), '"lagMs" must be a number from 0 to 31536000000 (a year)'],
    [() => t.sim.admin.setClock('whenever'), '"set" must be a date'],
    [() => t.sim.admin.advanceClock(-1e20), '"advanceMs" must be a date between 1970 and 9999'],
    [() => t.sim.admin.addInvoice({ sellerNip: '7680002466', buyerNip: '5265877635', permanentStorageDate: 1e17 }), '"permanentStorageDate" must be a date between 1970 and 9999'],
    [() => t.sim.admin.addKsefToken({ context: '5265877635', permissions: [] }), '"permissions" must be a non-empty list'],
  ])('refuses bad input (%#)', (action, message) => {
    expect(action).toThrow(new TypeError(message));
  });

  it('a revoked KSeF token fails authentication with 450 "Token unieważniony"', async () => {
    const { token } = t.sim.admin.addKsefToken({ context: '5265877635', permissions: ['InvoiceRead'] });
    expect(t.sim.admin.revokeKsefToken(token)).toBe(true);
    expect(t.sim.admin.revokeKsefToken('nope')).toBe(false);
    const challenge = (await call(t.sim, 'POST', '/auth/challenge')).body;
    const started = await call(t.sim, 'POST', '/auth/ksef-token', {
      json: { challenge: challenge.challenge, contextIdentifier: { type: 'Nip', value: '5265877635' }, ...(await encryptKsefToken(t.sim, `${token}|${challenge.timestampMs}`)) },
    });
    const op = started.body.authenticationToken.token;
    await call(t.sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: op });
    const status = await call(t.sim, 'GET', `/auth/${started.body.referenceNumber}`, { token: op });
    expect(status.body.status).toEqual({ code: 450, description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu', details: ['Token unieważniony'] });
    expect(t.checker.responseViolations).toEqual([]);
  });

  it('publicKeys exposes ids and certificates, never the private keys', () => {
    const keys = t.sim.admin.publicKeys();
    expect(keys.map((k) => k.usage).sort()).toEqual(['KsefTokenEncryption', 'SymmetricKeyEncryption']);
    expect(keys.every((k) => !('privateKey' in k) && k.publicKeyId.length === 44)).toBe(true);
  });
});

describe('the demo organisation', () => {
  it('seedDemo gives each demo NIP purchase and sales invoices and one grant', async () => {
    const demo = await startChecked({ seed: 'demo', hwmLagMs: 0 });
    try {
      expect(seedDemo(demo.sim.admin, demo.sim.state.clock.now())).toEqual({ purchase: 12, sales: 4 });
      for (const org of DEMO_ORGANISATIONS) {
        const token = demo.sim.admin.issueTokens({ context: org.nip }).accessToken.token;
        const answer = await call(demo.sim, 'POST', '/invoices/query/metadata?pageSize=50', {
          token,
          json: { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: new Date(demo.sim.state.clock.now() - 60 * 86_400_000).toISOString() } },
        });
        expect(answer.body.invoices).toHaveLength(6);
        expect(new Set(answer.body.invoices.map((i: { seller: { name: string } }) => i.seller.name)).size).toBe(6);
      }
      expect(demo.sim.state.grants).toHaveLength(1);
      expect(demo.checker.responseViolations).toEqual([]);
    } finally {
      await demo.sim.stop();
    }
  });
});

describe('createClock', () => {
  it('flows with real time unless frozen; advance and set move it', () => {
    let real = 1_000;
    const flowing = createClock({ start: 50_000, realNow: () => real });
    real += 10;
    expect(flowing.now()).toBe(50_010);
    flowing.advance(1000);
    real += 5;
    expect(flowing.now()).toBe(51_015);
    const frozen = createClock({ start: 7, frozen: true, realNow: () => real });
    real += 100;
    expect(frozen.now()).toBe(7);
    expect(frozen.set(99)).toBe(99);
    expect(() => frozen.advance(Number.NaN)).toThrow(new TypeError('"ms" must be a finite number'));
  });
});

describe('npm run sim', () => {
  it('starts from the command line, prints its URL and serves the API', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(tsx, [cli, '--port', '0', '--demo', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m && out.includes('demo data:')) {
            clearTimeout(timer);
            resolve(m[1] as string);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const answer = await fetch(`${url}/v2/auth/challenge`, { method: 'POST' });
      expect(answer.status).toBe(200);
      const invoices = await (await fetch(`${url}/admin/invoices`)).json();
      expect(invoices.invoices).toHaveLength(16);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
