// Per-profile counters kept beside the invoices (issue 15): how many are in each state, and the announcement
// sequence. Every write that adds invoices or changes a state updates them in its own transaction, so a count
// is one small read whatever the store holds: IndexedDB `count()` walks its key range in Chromium (127 ms per
// 10 000, review 2026-12 §3.2), which put the popup and the badge at O(N).
//
// Announcing (issue 5) is a watermark, not a flag on each record: an invoice to announce gets the profile's next
// `seq` when it is stored, and `announcedSeq` says up to where the notices went out. Marking a batch announced
// is one counter write (before: every record rewritten, all its index entries with it). Because `seq` follows
// the order of storing, an invoice stored late with an older KSeF storage date is still after the watermark and
// announced once. Numbers are given without gaps; the only way one leaves the sequence above the watermark is
// `markNotified` (one invoice announced on its own), which counts it in `withdrawn`, so
// `lastSeq - announcedSeq - withdrawn` is exactly how many await a notice.
import type { InvoiceState } from './records';

export interface InvoiceCounts {
  profileId: string;
  new: number;
  seen: number;
  booked: number;
  /** The last announcement sequence number given to an invoice of this profile (0: none yet). */
  lastSeq: number;
  /** Every invoice with `seq` up to this one was announced. */
  announcedSeq: number;
  /** Invoices after `announcedSeq` announced one by one (`markNotified`): their `seq` was taken off. */
  withdrawn: number;
}

export function zeroCounts(profileId: string): InvoiceCounts {
  return { profileId, new: 0, seen: 0, booked: 0, lastSeq: 0, announcedSeq: 0, withdrawn: 0 };
}

/** How many invoices await an announcement. */
export function unannouncedOf(counts: InvoiceCounts | undefined): number {
  return counts ? counts.lastSeq - counts.announcedSeq - counts.withdrawn : 0;
}

/** The counts as `countByState` gives them. */
export function stateCountsOf(counts: InvoiceCounts | undefined): Record<InvoiceState, number> {
  return { new: counts?.new ?? 0, seen: counts?.seen ?? 0, booked: counts?.booked ?? 0 };
}

/** One profile's state changes, applied to its counters in the transaction that makes them. */
export function withStateChange(counts: InvoiceCounts, from: InvoiceState | undefined, to: InvoiceState | undefined): InvoiceCounts {
  const next = { ...counts };
  if (from) next[from] -= 1;
  if (to) next[to] += 1;
  return next;
}
