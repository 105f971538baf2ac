// lib/sync: incremental download of invoice metadata and files, per profile and subject type (NOTES §7.2).
// Everything it touches is injected (SyncDeps); the worker (lib/worker) builds the deps from the browser.
// Only what the worker and the bench use is exported; tests import the files.
export { syncProfile } from './sync-profile';
export type { ProfileSyncResult } from './sync-profile';
export { downloadPendingXml, fetchInvoiceXml } from './xml-download';
export { dueNotices } from './notices';
export type { Notice } from './notices';
export { SyncError } from './errors';
export type { SyncDeps, SyncNotifier, NewInvoicesNotice } from './types';
