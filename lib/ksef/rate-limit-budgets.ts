// Budgets per endpoint group (NOTES §9, `x-rate-limits` in openapi.json). KSeF counts per (context, IP) in
// sliding windows of 1 s, 1 min and 1 h, all three at once. Session close has its own counters since the
// limits page of 14.09.2026 (CIRFMF/ksef-api limity/limity-api.md, see shared/ksef/SOURCES.md): openapi
// 2.6/2.7 still book it on onlineSession/batchSession and GET /rate-limits does not report it, so these
// two keep their defaults when `setBudgets` adopts what KSeF reports.

export type RateLimitGroup =
  | 'auth'
  | 'publicKeys'
  | 'invoiceMetadata'
  | 'invoiceExport'
  | 'invoiceExportStatus'
  | 'invoiceDownload'
  | 'onlineSession'
  | 'onlineSessionClose'
  | 'invoiceSend'
  | 'batchSession'
  | 'batchSessionClose'
  | 'invoiceStatus'
  | 'sessionMisc'
  | 'sessionList'
  | 'sessionInvoiceList'
  | 'other';

export interface RateLimitBudget {
  perSecond?: number;
  perMinute?: number;
  perHour?: number;
}

export const DEFAULT_BUDGETS: Readonly<Record<RateLimitGroup, RateLimitBudget>> = {
  // The login endpoints and the public keys are only limited per second (60/s per IP).
  auth: { perSecond: 60 },
  publicKeys: { perSecond: 60 },
  invoiceMetadata: { perSecond: 8, perMinute: 16, perHour: 20 },
  invoiceExport: { perSecond: 8, perMinute: 16, perHour: 20 },
  invoiceExportStatus: { perSecond: 10, perMinute: 60, perHour: 600 },
  invoiceDownload: { perSecond: 8, perMinute: 16, perHour: 64 },
  onlineSession: { perSecond: 10, perMinute: 30, perHour: 120 },
  // POST /sessions/online/{referenceNumber}/close (limits page of 14.09.2026).
  onlineSessionClose: { perSecond: 20, perMinute: 60, perHour: 240 },
  invoiceSend: { perSecond: 10, perMinute: 30, perHour: 180 },
  batchSession: { perSecond: 10, perMinute: 20, perHour: 60 },
  // POST /sessions/batch/{referenceNumber}/close (same page); the client does not close batch sessions yet.
  batchSessionClose: { perSecond: 20, perMinute: 40, perHour: 120 },
  invoiceStatus: { perSecond: 30, perMinute: 120, perHour: 1200 },
  sessionMisc: { perSecond: 10, perMinute: 120, perHour: 1200 },
  sessionList: { perSecond: 5, perMinute: 10, perHour: 60 },
  sessionInvoiceList: { perSecond: 10, perMinute: 20, perHour: 200 },
  // "other" is a default: each endpoint has its own counter with these values.
  other: { perSecond: 10, perMinute: 30, perHour: 120 },
};

export const RATE_LIMIT_GROUPS = Object.keys(DEFAULT_BUDGETS) as RateLimitGroup[];

/**
 * The counter a request is booked on: the group itself, or `other:<METHOD /path>` for endpoints of the
 * default group, which KSeF counts separately.
 */
export function rateLimitKey(group: RateLimitGroup, operation?: string): string {
  return group === 'other' && operation ? `other:${operation}` : group;
}

export function groupOfKey(key: string): RateLimitGroup {
  const group = key.split(':', 1)[0] as RateLimitGroup;
  return RATE_LIMIT_GROUPS.includes(group) ? group : 'other';
}
