// Facts about an enrolment that pages read too (the popup's renewal offer, the options page's progress), kept
// free of WebCrypto, KSeF and catalog imports so the popup stays small (issue 11).
import type { PendingEnrolment } from '../store';

/** Steps in flight: the worker resumes these, and no new attempt starts meanwhile. */
export const IN_FLIGHT: ReadonlySet<PendingEnrolment['step']> = new Set(['key', 'submitting', 'submitted', 'issued', 'retrieved']);

/** The renewal window: lib/pki EXPIRY_WARNING_DAYS, the first of the 30/7/1-day notices (tests/custody pin it). */
export const RENEWAL_WINDOW_DAYS = 30;
