// When a certificate is offered for renewal (issue 14 point 2): from 30 days before it expires (steps.ts, the
// same threshold as lib/pki's warning and the 30/7/1-day notices) until it expires, the same enrolment is
// offered in one click; with "Odnawiaj automatycznie" the worker starts it itself, once per certificate: an
// automatic attempt that failed is not tried again for that certificate (no loop), the user can still click.
import type { Credentials, PendingEnrolment, Profile } from '../store';
import { IN_FLIGHT, RENEWAL_WINDOW_DAYS } from './steps';

const DAY_MS = 86_400_000;

export interface RenewalOffer {
  /** Whole days started, at least 1 (as lib/pki counts them). */
  daysLeft: number;
  notAfter: string;
}

/** The offer for these credentials now, or null (not yet within 30 days, expired, or an attempt in flight). */
export function renewalOffer(
  credentials: Pick<Credentials, 'certificate'> | undefined,
  pending: PendingEnrolment | undefined,
  nowMs: number,
): RenewalOffer | null {
  if (!credentials) return null;
  if (pending && IN_FLIGHT.has(pending.step)) return null;
  const left = credentials.certificate.notAfter.getTime() - nowMs;
  // An expired certificate cannot log in, and only a signature login may ask KSeF for a new one (NOTES §4.3).
  if (left <= 0 || left > RENEWAL_WINDOW_DAYS * DAY_MS) return null;
  return { daysLeft: Math.max(1, Math.ceil(left / DAY_MS)), notAfter: credentials.certificate.notAfter.toISOString() };
}

/** Whether the worker should renew on its own now: asked for, within the window, not tried for this certificate. */
export function autoRenewDue(
  profile: Pick<Profile, 'autoRenew'>,
  credentials: Pick<Credentials, 'certificate'> | undefined,
  pending: PendingEnrolment | undefined,
  nowMs: number,
): boolean {
  if (profile.autoRenew !== true || !renewalOffer(credentials, pending, nowMs)) return false;
  return !(pending?.trigger === 'auto' && pending.replacing === credentials!.certificate.fingerprintSha256);
}
