// `Retry-After` is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). KSeF documents seconds [OA#RetryAfter];
// the date form is honoured too because proxies in front of KSeF (Imperva) may send it.

/** Milliseconds to wait from `now`, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // All three HTTP-date forms start with the day name; requiring it keeps Date.parse from reading "1.5" as 2001.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
