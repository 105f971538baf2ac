// lib/auth and lib/ksef against the KSeF simulator: real HTTP, the real XAdES signer (lib/xades), the
// credentials read by lib/pki from the OpenSSL fixtures, and every answer checked against openapi.json.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkPermissions } from '../../lib/auth/permissions';
import { createAuthSession } from '../../lib/auth/session';
import { createMemoryTokenStore } from '../../lib/auth/token-store';
import type { AuthError } from '../../lib/auth/errors';
import { createKsefClient } from '../../lib/ksef/client';
import type { Clock } from '../../lib/ksef/clock';
import type { KsefError } from '../../lib/ksef/errors';
import { loadCredentials, type Credentials } from '../../lib/pki';
import { t } from '../../lib/i18n';
import { pkiExpected, startChecked, type Checked } from '../ksef-sim/kit';

const OWNER = pkiExpected.nips.person;
const SELLER = pkiExpected.nips.seal;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/pki/${name}`, import.meta.url), 'utf8');
const credentials: Record<string, Credentials> = {};

async function creds(name: string): Promise<Credentials> {
  credentials[name] ??= await loadCredentials({ certificate: fixture(`${name}.crt`), privateKey: fixture(`${name}.key`), password: pkiExpected.password });
  return credentials[name]!;
}

let sim: Checked;

/** The session and the client run on the simulator's clock; their sleeps move it. */
function simClock(s: Checked): Clock {
  return {
    now: () => s.sim.state.clock.now(),
    sleep: async (ms) => {
      s.sim.admin.advanceClock(ms);
    },
  };
}

function session(s: Checked, name: string | { ksefToken: string }, nip = OWNER) {
  const clock = simClock(s);
  const client = createKsefClient({ baseUrl: s.sim.baseUrl }, { clock });
  const store = createMemoryTokenStore();
  return (async () => {
    const auth = createAuthSession({
      client,
      tokenStore: store,
      credentials: typeof name === 'string' ? await creds(name) : name,
      context: { type: 'Nip', value: nip },
      clock,
    });
    return { client, store, auth };
  })();
}

beforeAll(async () => {
  sim = await startChecked({ seed: 'lib-auth' });
});
afterAll(() => sim.sim.stop());
afterEach(() => {
  expect(sim.checker.responseViolations).toEqual([]);
});

describe('certificate login against the simulator', () => {
  it('logs in, refreshes, checks permissions, and reads a purchase invoice', async () => {
    const { client, store, auth } = await session(sim, 'person-tinpl-ec');
    const token = await auth.getAccessToken();
    expect(store.snapshot()).toMatchObject({ method: 'certificate', context: { type: 'Nip', value: OWNER } });

    await expect(checkPermissions({ client, accessToken: token })).resolves.toMatchObject({
      isOwner: true,
      canReadInvoices: true,
      canSendInvoices: true,
    });

    const added = sim.sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: OWNER }) as { ksefNumber: string };
    sim.sim.admin.advanceClock(60_000); // past the high-water mark lag
    const page = await client.invoices.queryMetadata(
      { subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from: new Date(sim.sim.state.clock.now() - 3_600_000).toISOString() } },
      { pageSize: 10 },
      token,
    );
    const meta = page.invoices.find((i) => i.ksefNumber === added.ksefNumber);
    expect(meta).toBeDefined();
    const file = await client.invoices.download(added.ksefNumber, token, { expectedHash: meta!.invoiceHash });
    expect(file.hash).toBe(meta!.invoiceHash);
    expect(file.headerHash).toBe(meta!.invoiceHash);
    expect(file.xml).toContain(SELLER);

    sim.sim.admin.advanceClock(14.5 * 60_000);
    const refreshed = await auth.getAccessToken();
    expect(refreshed).not.toBe(token);
    const log = sim.sim.admin.requests().map((r) => `${r.method} ${r.path}`);
    expect(log.filter((l) => l.endsWith('/auth/challenge'))).toHaveLength(1);
    expect(log.filter((l) => l.endsWith('/auth/token/refresh'))).toHaveLength(1);

    expect(await auth.logout()).toEqual({ revoked: true });
    expect(store.snapshot()).toBeNull();
  });

  it('ends in NO_PERMISSIONS (415) for a certificate of someone without rights in the context', async () => {
    const { auth } = await session(sim, 'other-nip-ec');
    const error = (await auth.getAccessToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toMatchObject({ name: 'AuthError', code: 'NO_PERMISSIONS', ksefStatus: 415, data: { nip: OWNER } });
    expect(error.message).toBe(t('pl', 'auth_error_NO_PERMISSIONS', { nip: OWNER }));
  });

  it('ends in CERTIFICATE_EXPIRED (460) for an expired certificate', async () => {
    const { auth } = await session(sim, 'expired-ec');
    const error = (await auth.getAccessToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toMatchObject({ code: 'CERTIFICATE_EXPIRED', ksefStatus: 460, data: { date: pkiExpected.certificates['expired-ec']!.notAfter.slice(0, 10) } });
  });

  it('ends in CERTIFICATE_NOT_ACCEPTED (21115) for a TEST certificate on production', async () => {
    const prod = await startChecked({ seed: 'lib-auth-prod', environment: 'production' });
    try {
      const { auth } = await session(prod, 'person-tinpl-ec');
      const error = (await auth.getAccessToken().catch((e: unknown) => e)) as AuthError;
      expect(error).toMatchObject({ name: 'AuthError', code: 'CERTIFICATE_NOT_ACCEPTED', exceptionCode: 21115 });
      expect(prod.checker.responseViolations).toEqual([]);
    } finally {
      await prod.sim.stop();
    }
  });
});

describe('KSeF-token login against the simulator', () => {
  it('logs in with an InvoiceRead token, which may read but not send', async () => {
    const { token } = sim.sim.admin.addKsefToken({ context: OWNER, permissions: ['InvoiceRead'] });
    const { client, auth, store } = await session(sim, { ksefToken: token });
    const access = await auth.getAccessToken();
    expect(store.snapshot()).toMatchObject({ method: 'ksefToken' });
    await expect(checkPermissions({ client, accessToken: access })).resolves.toMatchObject({ canReadInvoices: true, canSendInvoices: false, isOwner: false });
  });

  it('ends in TOKEN_REJECTED (450) for a revoked token', async () => {
    const { token } = sim.sim.admin.addKsefToken({ context: OWNER, permissions: ['InvoiceRead'] });
    sim.sim.admin.revokeKsefToken(token);
    const { auth } = await session(sim, { ksefToken: token });
    const error = (await auth.getAccessToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toMatchObject({ code: 'TOKEN_REJECTED', ksefStatus: 450, data: { detail: 'Token unieważniony' } });
  });
});

describe('rate limits against the simulator', () => {
  it('stays inside the metadata budget: refuses locally, the simulator never answers 429', async () => {
    const limited = await startChecked({ seed: 'lib-auth-limits', rateLimits: {} });
    try {
      const { client, auth } = await session(limited, 'person-tinpl-ec');
      const outcomes: string[] = [];
      for (let i = 0; i < 24; i += 1) {
        const from = new Date(limited.sim.state.clock.now() - 3_600_000).toISOString();
        try {
          const token = await auth.getAccessToken(); // refreshed by the session every ~14 minutes
          await client.invoices.queryMetadata({ subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from } }, {}, token);
          outcomes.push('ok');
        } catch (error) {
          outcomes.push(`${(error as KsefError).code}:${(error as KsefError).status ?? 'local'}`);
        }
        limited.sim.admin.advanceClock(60_000);
      }
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(20);
      expect(outcomes.slice(20)).toEqual(['RATE_LIMITED:local', 'RATE_LIMITED:local', 'RATE_LIMITED:local', 'RATE_LIMITED:local']);
      expect(limited.sim.admin.requests().filter((r) => r.status === 429)).toEqual([]);
      expect(limited.checker.responseViolations).toEqual([]);
    } finally {
      await limited.sim.stop();
    }
  });

  it('honours an injected 429 with Retry-After', async () => {
    const { client, auth } = await session(sim, 'person-tinpl-ec');
    const token = await auth.getAccessToken();
    sim.sim.admin.addFault({ path: '/v2/invoices/query/metadata', kind: 'http429', retryAfterSeconds: 120 });
    const from = new Date(sim.sim.state.clock.now() - 3_600_000).toISOString();
    const query = () => client.invoices.queryMetadata({ subjectType: 'Subject2', dateRange: { dateType: 'PermanentStorage', from } }, {}, token);
    const error = (await query().catch((e: unknown) => e)) as KsefError;
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 120 });
    const before = sim.sim.admin.requests().length;
    await expect(query()).rejects.toMatchObject({ code: 'RATE_LIMITED', status: undefined });
    expect(sim.sim.admin.requests().length).toBe(before);
    sim.sim.admin.advanceClock(120_000);
    await expect(query()).resolves.toMatchObject({ hasMore: false });
  });
});
