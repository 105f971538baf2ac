// Admin operations for sending tests (merged into createAdminApi): forced invoice outcomes and processing
// delays (session-hooks.ts), session options changed at run time, a system-cancelled session (invoice 405),
// and how many requests each documented operation received.
import { cancel, visibleStatus } from './session-model';
import type { InvoiceStatusRule, InvoiceStatusSpec } from './session-hooks';
import type { SimState, StatusInfo } from './state';

export interface SessionOptionsInput {
  /** Status polls answering 150 before an invoice's outcome shows (applies to invoices sent from now on). */
  invoicePendingPolls?: number;
  /** Status polls answering 170 after closing before the session's outcome shows. */
  sessionPendingPolls?: number;
  /** Invoices a session accepts before 21155 (1…10 000). */
  maxInvoicesPerSession?: number;
}

const LIMITS: Record<keyof SessionOptionsInput, [number, number]> = {
  invoicePendingPolls: [0, 10_000],
  sessionPendingPolls: [0, 10_000],
  maxInvoicesPerSession: [1, 10_000],
};

export function createSessionAdmin(state: SimState) {
  return {
    /** The next `count` (default 1) sent invoices matching `invoiceNumber` end with `code` and/or wait `pendingPolls` polls. */
    forceInvoiceStatus: (spec: InvoiceStatusSpec): InvoiceStatusRule => state.invoiceHooks.add(spec),
    invoiceStatusRules: (): InvoiceStatusRule[] => state.invoiceHooks.list(),
    clearInvoiceStatusRules: (): void => state.invoiceHooks.clear(),

    setSessionOptions(input: SessionOptionsInput): Required<SessionOptionsInput> {
      if (!input || typeof input !== 'object') throw new TypeError('"input" must be an object');
      for (const [name, [min, max]] of Object.entries(LIMITS) as [keyof SessionOptionsInput, [number, number]][]) {
        const value = input[name];
        if (value === undefined) continue;
        if (!Number.isInteger(value) || value < min || value > max) throw new TypeError(`"${name}" must be an integer from ${min} to ${max}`);
      }
      for (const name of Object.keys(LIMITS) as (keyof SessionOptionsInput)[]) {
        const value = input[name];
        if (value !== undefined) state.options[name] = value;
      }
      const { invoicePendingPolls, sessionPendingPolls, maxInvoicesPerSession } = state.options;
      return { invoicePendingPolls, sessionPendingPolls, maxInvoicesPerSession };
    },

    /** KSeF cancels an open (or closing) session: invoices still processing end 405, the session 440. */
    cancelSession(referenceNumber: string): { referenceNumber: string; status: StatusInfo } {
      const session = typeof referenceNumber === 'string' ? state.sessions.get(referenceNumber) : undefined;
      if (!session) throw new TypeError(`no session ${String(referenceNumber)}`);
      const code = visibleStatus(session).code;
      if (code !== 100 && code !== 170) throw new TypeError(`session ${referenceNumber} has status ${code}; only an open or closing session can be cancelled`);
      cancel(state, session);
      return { referenceNumber, status: session.status };
    },

    /** Requests per documented operation (`POST /sessions/online` …) in the request log, after `sinceSeq`. */
    requestCounts(sinceSeq = 0): Record<string, number> {
      const counts: Record<string, number> = {};
      for (const entry of state.requestLog) {
        if (entry.seq <= sinceSeq || !entry.operation) continue;
        counts[entry.operation] = (counts[entry.operation] ?? 0) + 1;
      }
      return counts;
    },
  };
}
