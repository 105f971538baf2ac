// [OA:GET /rate-limits] [OA#EffectiveApiRateLimits], NOTES §9.
import { z } from 'zod';

export const RateLimitValues = z.object({
  perSecond: z.number().int(),
  perMinute: z.number().int(),
  perHour: z.number().int(),
});

export const EffectiveRateLimitsResponse = z.object({
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
});
export type EffectiveRateLimitsResponse = z.infer<typeof EffectiveRateLimitsResponse>;
