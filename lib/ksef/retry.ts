// Which failures may be repeated automatically, per operation. A repeat must never do twice what KSeF may
// already have done once:
// - idempotent: reads, and calls whose repetition is harmless (challenge, refresh, revoke, close session).
// - noResponse: repeated only when no answer at all arrived (network error, timeout). Used for redeem,
//   whose tokens are handed out once (a repeat after an answer would only get 21301), and for the login
//   submissions and session opening, where a lost answer is the one case worth a second try.
// - refusedOnly: sending an invoice. Repeated only after a 429 (KSeF refused it unprocessed); after a lost
//   answer the caller must first look at the session's invoice list, or it could send a duplicate (440).
export type RetryPolicy = 'idempotent' | 'noResponse' | 'refusedOnly';

export type Failure = { kind: 'network' } | { kind: 'timeout' } | { kind: 'status'; status: number };

const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

export function mayRetry(policy: RetryPolicy, failure: Failure): boolean {
  if (failure.kind !== 'status') return policy !== 'refusedOnly';
  if (failure.status === 429) return policy !== 'noResponse';
  return policy === 'idempotent' && TRANSIENT_STATUSES.has(failure.status);
}

/** Exponential back-off with "equal jitter": half fixed, half random, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
