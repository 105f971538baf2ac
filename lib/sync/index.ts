// lib/sync: incremental download of invoice metadata and files, per profile and subject type (NOTES §7.2).
// Everything it touches is injected (SyncDeps); the worker (lib/worker) builds the deps from the browser.
// advance() and the window helpers are exported for tests and the bench; the loop itself is syncSubject.
export { syncProfile } from './sync-profile';
export type { ProfileSyncResult } from './sync-profile';
export { syncSubject, loadSyncState, advance, PAGE_SIZE, MAX_PAGES_PER_RUN } from './subject-sync';
export type { SubjectSyncResult } from './subject-sync';
export { announceNew, batchIdOf, NOTICE_SAMPLE } from './announce';
export { downloadPendingXml, fetchInvoiceXml, XML_PER_RUN } from './xml-download';
export {
  classifyFailure,
  afterFailure,
  backoffDelayMs,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  PAUSE_AFTER_FAILURES,
  MAX_BLOCK_MS,
  effectiveBlockedUntil,
  rebasedBlock,
  notAfterNow,
} from './backoff';
export { stallOf, STALL_CODES, SELF_RESOLVING, STALL_NOTICE_AFTER_MS } from './stall';
export type { StallCode } from './stall';
export type { Failure, FailureKind } from './backoff';
export {
  dueNotices,
  clearResolvedNotices,
  isLoginProblem,
  isPermissionProblem,
  LOGIN_FAILURES_BEFORE_NOTICE,
  EXPIRY_THRESHOLDS_DAYS,
} from './notices';
export type { Notice, NoticeKind } from './notices';
export { warsawMidnight, windowEnd, MAX_WINDOW_MS } from './window';
export { SyncError, isSyncError, SYNC_ERROR_CODES } from './errors';
export type { SyncErrorCode } from './errors';
export type {
  SyncDeps,
  SyncStore,
  SyncClient,
  SyncSession,
  SyncNotifier,
  NewInvoicesNotice,
} from './types';
