// What the sync engine is given (DESIGN.md: the worker hands lib a client, a session, a store, a clock and a
// notifier). Narrow on purpose: the kill-at-every-await harness wraps exactly these calls.
import type { Clock, InvoiceQueryFilters, KsefClient, MetadataPaging } from '../ksef';
import type { InvoiceRecord, Profile, Store } from '../store';

export type SyncStore = Pick<
  Store,
  | 'getProfile'
  | 'getSyncState'
  | 'putSyncState'
  | 'putNewInvoices'
  | 'unnotifiedSummary'
  | 'markNotifiedThrough'
  | 'nextXmlToDownload'
  | 'saveInvoiceXml'
  | 'getInvoice'
  | 'getInvoiceXml'
  | 'appendLog'
>;

export interface SyncClient {
  invoices: {
    queryMetadata(
      filters: InvoiceQueryFilters,
      paging: MetadataPaging,
      accessToken: string,
    ): ReturnType<KsefClient['invoices']['queryMetadata']>;
    download(
      ksefNumber: string,
      accessToken: string,
      options?: { expectedHash?: string },
    ): ReturnType<KsefClient['invoices']['download']>;
  };
}

export interface SyncSession {
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/** One announcement: the invoices a notification names. Must be idempotent (same `batchId` replaces). */
export interface NewInvoicesNotice {
  profile: Profile;
  /** Stable for the same oldest unannounced invoice, so a repeat after a kill replaces, never stacks. */
  batchId: string;
  invoices: InvoiceRecord[];
  /** How many are announced in all (`invoices` holds at most the first page of them). */
  total: number;
  /** The first sync of the profile: one summary ("Zaimportowano 42 faktury"), not a list. */
  firstSync: boolean;
}

export interface SyncNotifier {
  newInvoices(notice: NewInvoicesNotice): Promise<void>;
}

export interface SyncDeps {
  store: SyncStore;
  client: SyncClient;
  session: SyncSession;
  clock: Pick<Clock, 'now'>;
  /** For the back-off jitter; Math.random unless given. */
  random?: () => number;
  notifier: SyncNotifier;
  /** The rate limiter's state to persist with the Subject2 record (lib/ksef `toJSON`). */
  rateLimiterState?: () => unknown;
}
