// [OA:GET /rate-limits] [OA#EffectiveApiRateLimits], NOTES §9.
import * as z from 'zod/mini';

export const RateLimitValues = z.lazy(() => z.object({
  perSecond: z.number().check(z.int()),
  perMinute: z.number().check(z.int()),
  perHour: z.number().check(z.int()),
}));

export const EffectiveRateLimitsResponse = z.lazy(() => z.object({
  onlineSession: RateLimitValues,
  batchSession: RateLimitValues,
  invoiceSend: RateLimitValues,
  invoiceStatus: RateLimitValues,
  sessionList: RateLimitValues,
  sessionInvoiceList: RateLimitValues,
  sessionMisc: RateLimitValues,
  invoiceMetadata: RateLimitValues,
  invoiceExport: RateLimitValues,
  invoiceExportStatus: RateLimitValues,
  invoiceDownload: RateLimitValues,
  other: RateLimitValues,
}));
export type EffectiveRateLimitsResponse = z.infer<typeof EffectiveRateLimitsResponse>;
