// Notices for what needs the user (issues 5 and 10): login failing after a few tries, permissions lost, the
// storage full, invoices set aside, a stall that lasts (stall.ts), the certificate expiring in 30, 7 and 1
// days, or expired. Each is raised once: its id goes into the Subject2 state's `notices`, so several polls in
// the same state raise it once; the sync-failure notices are forgotten after a good run so they can come back.
import type { SyncState } from '../store';
import { isLoginProblem, isPermissionProblem, SELF_RESOLVING, STALL_NOTICE_AFTER_MS, stallOf, type StallCode } from './stall';

export { isLoginProblem, isPermissionProblem } from './stall';

export type NoticeKind =
  | 'login_failing'
  | 'permissions_lost'
  | 'storage_full'
  | 'records_skipped'
  | 'sync_stalled'
  | 'cert_expiring'
  | 'cert_expired';

export interface Notice {
  /** Stable: also the notification id suffix, so raising it twice replaces. */
  id: string;
  kind: NoticeKind;
  /** For cert_expiring: whole days left (30, 7 or 1 at most). */
  daysLeft?: number;
  /** For certificate notices: the certificate's notAfter (ISO). */
  notAfter?: string;
  /** For sync_stalled: which stall lasted, and since when (ISO). */
  stall?: StallCode;
  since?: string;
  /** For records_skipped: how many invoices are set aside. */
  count?: number;
}

/** Raised again after a good run when the trouble comes back. */
const RESOLVED_BY_SUCCESS = new Set(['login_failing', 'permissions_lost', 'storage_full', 'sync_stalled']);

/** Login refusals in a row before the user hears of it ("after a few tries, not every poll"). */
export const LOGIN_FAILURES_BEFORE_NOTICE = 3;
export const EXPIRY_THRESHOLDS_DAYS = [30, 7, 1] as const;
const DAY_MS = 86_400_000;

/** The certificate notice that applies now, if any: only the nearest threshold, never a stale one. */
function certificateNotice(notAfter: Date, nowMs: number): Notice | undefined {
  const left = notAfter.getTime() - nowMs;
  const iso = notAfter.toISOString();
  if (left <= 0) return { id: `cert_expired:${iso}`, kind: 'cert_expired', notAfter: iso };
  const daysLeft = Math.ceil(left / DAY_MS);
  const threshold = [...EXPIRY_THRESHOLDS_DAYS].reverse().find((days) => daysLeft <= days);
  return threshold === undefined
    ? undefined
    : { id: `cert_expiring_${threshold}:${iso}`, kind: 'cert_expiring', daysLeft, notAfter: iso };
}

/**
 * The notices due now that were not raised yet. `skipped`: invoices set aside over all subject types (one
 * notice the first time there are any; the status keeps the count). A self-resolving stall is announced only
 * once it has lasted STALL_NOTICE_AFTER_MS since `failingSince`.
 */
export function dueNotices(state: SyncState, certificateNotAfter: Date | undefined, nowMs: number, skipped = 0): Notice[] {
  const raised = new Set(state.notices ?? []);
  const due: Notice[] = [];
  const code = state.lastError?.code;
  const stall = code === undefined ? undefined : stallOf(code);
  const since = state.failingSince ? Date.parse(state.failingSince) : NaN;
  if (isPermissionProblem(code) && state.consecutiveFailures >= 1) {
    due.push({ id: 'permissions_lost', kind: 'permissions_lost' });
  } else if (isLoginProblem(code) && state.consecutiveFailures >= LOGIN_FAILURES_BEFORE_NOTICE) {
    due.push({ id: 'login_failing', kind: 'login_failing' });
  } else if (stall === 'STORAGE_FULL') {
    due.push({ id: 'storage_full', kind: 'storage_full' });
  } else if (stall && SELF_RESOLVING.has(stall) && nowMs - since >= STALL_NOTICE_AFTER_MS) {
    due.push({ id: 'sync_stalled', kind: 'sync_stalled', stall, since: state.failingSince! });
  }
  if (skipped > 0) due.push({ id: 'records_skipped', kind: 'records_skipped', count: skipped });
  if (certificateNotAfter) {
    const notice = certificateNotice(certificateNotAfter, nowMs);
    if (notice) due.push(notice);
  }
  return due.filter((notice) => !raised.has(notice.id));
}

/** After a good run: the sync-failure notices may be raised again when the trouble comes back. */
export function clearResolvedNotices(notices: readonly string[] | undefined): string[] {
  return (notices ?? []).filter((id) => !RESOLVED_BY_SUCCESS.has(id));
}
