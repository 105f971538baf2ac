// Background XML downloads keep a quarter of KSeF's 64-an-hour download budget (NOTES §9) for the user's
// own "open invoice", so a backlog never makes an invoice the user asks for wait an hour.
import { rateLimitKey, type RateLimiter } from '../ksef';

export const BACKGROUND_XML_PER_HOUR = 48;
const HOUR_MS = 3_600_000;

export function backgroundXmlAllowed(limiter: Pick<RateLimiter, 'check' | 'toJSON'>, nowMs: number): boolean {
  const key = rateLimitKey('invoiceDownload');
  if (!limiter.check(key, nowMs).ok) return false;
  const recent = (limiter.toJSON().windows[key] ?? []).filter((at) => at > nowMs - HOUR_MS);
  return recent.length < BACKGROUND_XML_PER_HOUR;
}
