// What the sending engine is given (DESIGN.md: the worker hands lib a client, a session, a store, a clock and a
// notifier). Narrow on purpose: the kill-at-every-await harness wraps exactly these calls (RELIABILITY G7).
import type { Clock } from '../ksef/clock';
import type { KsefClient } from '../ksef/client';
import type { PublicKeyCertificate } from '../ksef/schemas';
import type { Profile } from '../store/records';
import type { Store } from '../store/store';

export type { OutboxStep, OutboxItem, InvoiceFacts, KsefInvoiceStatus, SendSession } from '../store/outbox-records';

export type SendStore = Pick<
  Store,
  | 'listUnfinishedOutbox'
  | 'getOutboxItem'
  | 'updateOutboxItem'
  | 'updateOutboxItems'
  | 'addSendSession'
  | 'getSendSessionWithKey'
  | 'listSendSessions'
  | 'updateSendSession'
  | 'appendLog'
>;

export interface SendClient {
  security: Pick<KsefClient['security'], 'publicKeyCertificates'>;
  sessions: Pick<KsefClient['sessions'], 'openOnline' | 'sendInvoice' | 'closeOnline' | 'status' | 'listInvoices' | 'invoiceUpo' | 'upoPage'>;
}

export interface SendAuth {
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/** One batch ended: every item accepted, rejected or failed. Must be idempotent (same ids replace). */
export interface BatchEndNotice {
  profile: Profile;
  batchId: string;
  /** The oldest item announced now: with the batch id it names the notification, so a repeat replaces it. */
  firstItemId: string;
  accepted: number;
  rejected: number;
  failed: number;
}

export interface SendNotifier {
  batchEnded(notice: BatchEndNotice): Promise<void>;
}

export interface SendDeps {
  store: SendStore;
  client: SendClient;
  session: SendAuth;
  clock: Clock;
  notifier: SendNotifier;
  /** KSeF's public keys as last fetched; kept by the worker per profile (NOTES §8.1: fetched again on 21470). */
  keyCache?: { certificates?: PublicKeyCertificate[] };
  /** Longest wait spent inside a run (a budget, a status poll); longer ones end the run with `until`. */
  maxInlineWaitMs?: number;
}

export interface SendRunResult {
  /** idle: nothing to do; done: every batch ended; waiting: stopped at a limit or back-off until `until`. */
  outcome: 'idle' | 'done' | 'waiting';
  until?: string;
  /** Batches announced by this run. */
  ended: string[];
}
