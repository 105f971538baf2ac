// The admin API over HTTP (JSON in, JSON out) under /admin, for the demo and for e2e tests that drive the
// simulator from another process. Mistakes answer 400 { error }, unknown paths 404 { error }.
import type { AdminApi } from './admin';

export interface AdminAnswer {
  status: number;
  body: unknown;
}

type AdminRoute = (body: Record<string, unknown>, query: URLSearchParams) => unknown;

export function createAdminRoutes(admin: AdminApi): Record<string, AdminRoute> {
  return {
    'POST /admin/invoices': (b) => (b.count === undefined ? { invoices: [admin.addInvoice(b)] } : admin.addInvoices(b as unknown as Parameters<AdminApi['addInvoices']>[0])),
    'GET /admin/invoices': () => ({ invoices: admin.invoices() }),
    'POST /admin/grants': (b) => ({ grants: admin.setGrants(b as unknown as Parameters<AdminApi['setGrants']>[0]) }),
    'POST /admin/tokens': (b) => admin.issueTokens(b as unknown as Parameters<AdminApi['issueTokens']>[0]),
    'POST /admin/ksef-tokens': (b) => admin.addKsefToken(b as unknown as Parameters<AdminApi['addKsefToken']>[0]),
    'GET /admin/clock': () => ({ now: admin.now() }),
    'POST /admin/clock': (b) => {
      if (b.advanceMs !== undefined) return { now: admin.advanceClock(Number(b.advanceMs)) };
      if (b.set !== undefined) return { now: admin.setClock(b.set as string) };
      throw new TypeError('body must be { advanceMs } or { set }');
    },
    'POST /admin/hwm-lag': (b) => ({ lagMs: admin.setHwmLag(Number(b.lagMs)) }),
    'GET /admin/faults': () => ({ faults: admin.faults() }),
    'POST /admin/faults': (b) => ({ fault: admin.addFault(b as unknown as Parameters<AdminApi['addFault']>[0]) }),
    'DELETE /admin/faults': () => {
      admin.clearFaults();
      return { faults: [] };
    },
    'POST /admin/rate-limits': (b) => ({ limits: admin.configureRateLimits(b) }),
    'GET /admin/requests': (_b, q) => {
      const since = Number(q.get('since') ?? 0);
      return { requests: admin.requests().filter((r) => r.seq > since) };
    },
    'DELETE /admin/requests': () => {
      admin.clearRequests();
      return { requests: [] };
    },
    'GET /admin/public-keys': () => ({ keys: admin.publicKeys() }),
    'POST /admin/invoice-status': (b) => ({ rule: admin.forceInvoiceStatus(b as Parameters<AdminApi['forceInvoiceStatus']>[0]) }),
    'GET /admin/invoice-status': () => ({ rules: admin.invoiceStatusRules() }),
    'DELETE /admin/invoice-status': () => {
      admin.clearInvoiceStatusRules();
      return { rules: [] };
    },
    'POST /admin/session-options': (b) => ({ options: admin.setSessionOptions(b) }),
    'POST /admin/sessions/cancel': (b) => admin.cancelSession(b.referenceNumber as string),
    'POST /admin/latarnia': (b) => ({ message: admin.announceAvailability(b as unknown as Parameters<AdminApi['announceAvailability']>[0]) }),
    'DELETE /admin/latarnia': () => {
      admin.clearAvailability();
      return { messages: [] };
    },
    'POST /admin/certificates': (b) => admin.issueCertificate(b as Parameters<AdminApi['issueCertificate']>[0]),
    'POST /admin/certificates/adopt': (b) => admin.adoptCertificate(b as unknown as Parameters<AdminApi['adoptCertificate']>[0]),
    'GET /admin/certificates': () => ({ certificates: admin.certificates() }),
    'POST /admin/certificate-options': (b) => admin.setCertificateOptions(b),
    'GET /admin/request-counts': (_b, q) => ({ counts: admin.requestCounts(Number(q.get('since') ?? 0)) }),
  };
}

export async function handleAdmin(routes: Record<string, AdminRoute>, method: string, path: string, query: URLSearchParams, raw: Buffer): Promise<AdminAnswer> {
  const route = routes[`${method} ${path}`];
  if (!route) return { status: 404, body: { error: `no admin route ${method} ${path}` } };
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 400, body: { error: 'body must be a JSON object' } };
      body = parsed as Record<string, unknown>;
    } catch {
      return { status: 400, body: { error: 'body is not valid JSON' } };
    }
  }
  try {
    return { status: 200, body: await route(body, query) };
  } catch (error) {
    if (error instanceof TypeError) return { status: 400, body: { error: error.message } };
    throw error;
  }
}
