// Notices for what needs the user (issue 5): login failing after a few tries, permissions lost, the
// certificate expiring in 30, 7 and 1 days, or expired. Each is raised once: its id goes into the Subject2
// state's `notices`; login and permission notices are forgotten after a good run so they can come back.
import type { SyncState } from '../store';

export type NoticeKind = 'login_failing' | 'permissions_lost' | 'cert_expiring' | 'cert_expired';

export interface Notice {
  /** Stable: also the notification id suffix, so raising it twice replaces. */
  id: string;
  kind: NoticeKind;
  /** For cert_expiring: whole days left (30, 7 or 1 at most). */
  daysLeft?: number;
  /** For certificate notices: the certificate's notAfter (ISO). */
  notAfter?: string;
}

/** Login refusals in a row before the user hears of it ("after a few tries, not every poll"). */
export const LOGIN_FAILURES_BEFORE_NOTICE = 3;
export const EXPIRY_THRESHOLDS_DAYS = [30, 7, 1] as const;
const DAY_MS = 86_400_000;

const PERMISSION_CODES = new Set(['NO_PERMISSIONS', 'HTTP_403']);
const LOGIN_CODES = new Set([
  'HTTP_401',
  'AUTH_REVOKED',
  'TOKEN_REJECTED',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_REVOKED',
  'CERTIFICATE_SUSPENDED',
  'CERTIFICATE_UNTRUSTED',
  'CERTIFICATE_INVALID',
  'CERTIFICATE_NOT_ACCEPTED',
  'SIGNATURE_REJECTED',
  'CHALLENGE_REJECTED',
  'SUBJECT_MISMATCH',
  'DECEASED_PERSON',
  'BLOCKED',
  'NO_TOKEN_KEY',
]);

export function isPermissionProblem(code: string | undefined): boolean {
  return code !== undefined && PERMISSION_CODES.has(code);
}

export function isLoginProblem(code: string | undefined): boolean {
  return code !== undefined && LOGIN_CODES.has(code);
}

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

/** The notices due now that were not raised yet. */
export function dueNotices(state: SyncState, certificateNotAfter: Date | undefined, nowMs: number): Notice[] {
  const raised = new Set(state.notices ?? []);
  const due: Notice[] = [];
  const code = state.lastError?.code;
  if (isPermissionProblem(code) && state.consecutiveFailures >= 1) {
    due.push({ id: 'permissions_lost', kind: 'permissions_lost' });
  } else if (isLoginProblem(code) && state.consecutiveFailures >= LOGIN_FAILURES_BEFORE_NOTICE) {
    due.push({ id: 'login_failing', kind: 'login_failing' });
  }
  if (certificateNotAfter) {
    const notice = certificateNotice(certificateNotAfter, nowMs);
    if (notice) due.push(notice);
  }
  return due.filter((notice) => !raised.has(notice.id));
}

/** After a good run: login and permission notices may be raised again when the trouble comes back. */
export function clearResolvedNotices(notices: readonly string[] | undefined): string[] {
  return (notices ?? []).filter((id) => id !== 'login_failing' && id !== 'permissions_lost');
}
