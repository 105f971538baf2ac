// The records the pages and the worker rely on, each defined once as a zod schema that gives both the check
// and the type (STYLE rules 12 and 18). Dates are ISO-8601 strings everywhere: they sort as text in indexes,
// survive JSON (golden fixtures) and need no revival after a structured clone. zod/mini, not zod: the popup
// reads these records, and zod/mini tree-shakes to the checks used (issue 11: popup JavaScript ≤ 350 KB).
import * as z from 'zod/mini';
import type { CertificateInfo } from '../pki';
import { ENVIRONMENTS, isStrictEnvironment } from '../domain/environments';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, minIntervalMinutes } from '../domain/limits';

export { ENVIRONMENTS, type Environment } from '../domain/environments';
export { MIN_INTERVAL_MINUTES_KSEF } from '../domain/limits';

/** KSeF's InvoiceQuerySubjectType (NOTES §7.1); Subject2 (the buyer: purchase invoices) is always synced. */
export const SUBJECT_TYPES = ['Subject1', 'Subject2', 'Subject3', 'SubjectAuthorized'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const INVOICE_STATES = ['new', 'seen', 'booked'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

// The outbox (issue 12) is defined in outbox-records.ts, in zod/mini; re-exported here with the other records.
export {
  OUTBOX_STEPS,
  PENDING_STEPS,
  invoiceFactsSchema,
  outboxItemSchema,
  sendSessionSchema,
  type OutboxStep,
  type InvoiceFacts,
  type OutboxItem,
  type OutboxPatch,
  type KsefInvoiceStatus,
  type SendSession,
  type SendSessionPatch,
} from './outbox-records';

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const isoDateTime = z.iso.datetime({ offset: true });
/** How many set-aside KSeF numbers a sync state keeps (the log keeps each one too). */
export const SKIPPED_KEPT = 50;
export const isoDate = z.iso.date();
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const upTo = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.number().check(z.int(), z.minimum(0));
const id = text(200);
const nip = z.string().check(z.regex(/^\d{10}$/, 'ten digits'));
// Record schemas are z.lazy: built on first parse, not at import (issue 15: the worker's start).
/** A sync failure as the popup shows it: the code, both languages, and when it happened. */
const syncErrorInfo = z.lazy(() => z.strictObject({
  code: upTo(100),
  message: upTo(2000),
  messageEn: z.optional(upTo(2000)),
  at: z.optional(isoDateTime),
}));

export const preferencesSchema = z.lazy(() => z.strictObject({
  autoSync: z.boolean(),
  intervalMinutes: z.number().check(z.int(), z.minimum(MIN_INTERVAL_MINUTES), z.maximum(MAX_INTERVAL_MINUTES)),
  subjectTypes: z.array(z.enum(SUBJECT_TYPES)).check(
    z.refine((types) => types.includes('Subject2'), 'Subject2 (purchase invoices) is always synced'),
    z.refine((types) => new Set(types).size === types.length, 'subject types must not repeat'),
  ),
  /** The day the first sync imports from (a calendar date, Europe/Warsaw). */
  firstSyncFrom: isoDate,
  notifications: z.boolean(),
  language: z.enum(['pl', 'en']),
}));
export type Preferences = z.infer<typeof preferencesSchema>;

export const profileSchema = z.lazy(() => z
  .strictObject({
    id,
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(512)),
    nip,
    environment: z.enum(ENVIRONMENTS),
    /** Only for the simulator: where its /v2 API lives. */
    baseUrl: z.optional(z.url({ protocol: /^https?$/ })),
    preferences: preferencesSchema,
    /** "Odnawiaj automatycznie": the worker makes a new certificate in the browser within 30 days of expiry (issue 14). */
    autoRenew: z.optional(z.boolean()),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .check(
    z.superRefine((profile, ctx) => {
      if ((profile.environment === 'simulator') !== (profile.baseUrl !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['baseUrl'],
          message: 'baseUrl is required for the simulator and only there',
        });
      }
      // The floor per environment lives in lib/domain/limits.ts, shared with the scheduler and the options form.
      const min = minIntervalMinutes(profile.environment);
      if (isStrictEnvironment(profile.environment) && profile.preferences.intervalMinutes < min) {
        ctx.addIssue({
          code: 'custom',
          path: ['preferences', 'intervalMinutes'],
          message: `at least ${min} minutes against DEMO and production`,
        });
      }
    }),
  ));
export type Profile = z.infer<typeof profileSchema>;
/** What a caller gives `saveProfile`; the store keeps `createdAt` and sets `updatedAt`. */
export type ProfileInput = Omit<Profile, 'createdAt' | 'updatedAt'>;

/**
 * The login context tokens and sync marks belong to (issue 10): the environment, the API base address as the
 * client resolves it, and the context NIP. lib/auth/login-context.ts holds the rule; this is only the shape.
 */
export const loginContextSchema = z.lazy(() => z.strictObject({
  environment: z.enum(ENVIRONMENTS),
  apiBaseUrl: text(2000),
  nip,
}));

/** Sync progress per profile and subject type (NOTES §7.2; RELIABILITY §2.3 items 3, 4 and 7). */
export const syncStateSchema = z.lazy(() => z.strictObject({
  profileId: id,
  subjectType: z.enum(SUBJECT_TYPES),
  /** The last `permanentStorageHwmDate` whose invoices are all stored. */
  hwm: z.nullable(isoDateTime),
  /** Where the next query window starts: the mark, the last record's date when truncated, or the first-sync date. */
  windowFrom: z.nullable(isoDateTime),
  lastSyncAt: z.nullable(isoDateTime),
  lastSuccessAt: z.nullable(isoDateTime),
  nextSyncAt: z.nullable(isoDateTime),
  consecutiveFailures: count(),
  /** No request before this time (Retry-After, back-off). */
  blockedUntil: z.nullable(isoDateTime),
  /** The rate limiter's serialised state, owned by lib/ksef. */
  rateLimiter: z.unknown(),
  lastError: z.optional(syncErrorInfo),
  firstSyncDone: z.boolean(),
  importedCount: z.optional(count()),
  /** The page of the current query window to ask next (`hasMore` without truncation, NOTES §7.1). */
  pageOffset: z.optional(count()),
  /** Set when a run starts and cleared when it ends; a run killed midway leaves it (status shows it briefly). */
  runningSince: z.optional(z.nullable(isoDateTime)),
  /** Notices already raised (certificate expiry, login failing…), so each is raised once. */
  notices: z.optional(z.array(upTo(300)).check(z.maxLength(50))),
  /** The context the marks belong to; absent in records written before issue 10 (then: the profile's current one). */
  loginContext: z.optional(loginContextSchema),
  /** Metadata records the store refused (schema) and set aside, kept in the log with their KSeF numbers. */
  skippedCount: z.optional(count()),
  /** The KSeF numbers of the newest of them (so a window read again does not count one twice). */
  skippedNumbers: z.optional(z.array(upTo(80)).check(z.maxLength(SKIPPED_KEPT))),
  /** When the current run of failures began (Subject2 only): a stall that lasts is announced once. */
  failingSince: z.optional(z.nullable(isoDateTime)),
  /** KSeF's own announced break (Latarnia, lib/ksef/latarnia.ts; Subject2 only): failures meanwhile are not counted. */
  outage: z.optional(
    z.strictObject({ kind: z.enum(['outage', 'maintenance']), since: isoDateTime, until: z.optional(isoDateTime), message: z.optional(upTo(300)) }),
  ),
}));
export type SyncState = z.infer<typeof syncStateSchema>;

export const tokensSchema = z.lazy(() => z.strictObject({
  profileId: id,
  accessToken: z.string().check(z.minLength(1)),
  accessValidUntil: isoDateTime,
  refreshToken: z.string().check(z.minLength(1)),
  refreshValidUntil: isoDateTime,
  authReference: z.optional(z.string().check(z.minLength(1))),
  /** The context the tokens were issued for; absent in records written before issue 10. */
  loginContext: z.optional(loginContextSchema),
  /** SHA-256 of the certificate the login was signed with (lowercase hex); absent before issue 10. */
  certificateFingerprint: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  updatedAt: isoDateTime,
}));
export type Tokens = z.infer<typeof tokensSchema>;
export type TokensInput = Omit<Tokens, 'profileId' | 'updatedAt'>;

export interface LogEntry {
  /** Assigned by IndexedDB (autoIncrement); larger is newer. */
  id: number;
  at: string;
  profileId?: string;
  level: LogLevel;
  code: string;
  /** Free text without secrets: `appendLog` redacts tokens and PEM blocks and caps the length. */
  message: string;
}
export type LogInput = Omit<LogEntry, 'id' | 'at'> & { at?: string };

/** CertificateInfo (lib/pki) without its bytes, dates as ISO text. */
export type StoredCertificate = Omit<CertificateInfo, 'notBefore' | 'notAfter' | 'der'> & {
  notBefore: string;
  notAfter: string;
};

/**
 * Who holds the signing key (issue 14): 'file' = the key from the user's .key/.p12, kept as a non-extractable
 * CryptoKey; 'locked' = only the key file sealed under the user's password ("Pytaj o hasło",
 * lib/custody/locked-seal.ts), never a usable key; 'browser' = born in the browser, non-extractable, no password
 * exists. Records written before issue 14 have no field and read as 'file' (no DB version bump).
 */
export const CUSTODY_MODES = ['file', 'locked', 'browser'] as const;
export type Custody = (typeof CUSTODY_MODES)[number];

/**
 * The user's key file sealed with AES-GCM under PBKDF2-SHA256 of the password (lib/custody/locked-seal.ts). Field
 * names are not secret-like on purpose (secrets.ts refuses those): none of this is a secret without the password.
 */
export interface SealedKey {
  /** The recipe, so a later one can be told apart: PBKDF2-SHA256 → AES-256-GCM. */
  scheme: 'pbkdf2-sha256/aes-256-gcm';
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  /** AES-GCM output (ciphertext and tag) of the key file's bytes. */
  sealed: Uint8Array<ArrayBuffer>;
}

/** Never a password (DESIGN.md, Security rules): `saveCredentials` refuses any field named like one. */
export interface CredentialsRecord {
  profileId: string;
  certificate: StoredCertificate;
  certificateDer: Uint8Array<ArrayBuffer>;
  /** Non-extractable; IndexedDB keeps it by structured clone (RELIABILITY §1.3). Absent when custody is 'locked'. */
  privateKey?: CryptoKey;
  /** The key's WebCrypto algorithm, e.g. 'ECDSA P-256' or 'RSASSA-PKCS1-v1_5 SHA-256'. */
  keyAlgorithm: string;
  storedAt: string;
  /** Absent in records written before issue 14: 'file'. */
  custody?: Custody;
  /** Only when custody is 'locked'. */
  sealedKey?: SealedKey;
  /** Wrong passwords typed since the last good one (locked mode); shown, never a reason to delete anything. */
  failedUnlocks?: number;
  /** Locked mode: since when a new login needs the password (the worker stopped and asked once). */
  unlockRequestedAt?: string;
  /** A certificate being made in the browser (lib/custody/enrol.ts); the fields above stay the profile's until the switch. */
  pendingEnrolment?: PendingEnrolment;
}

export const ENROLMENT_STEPS = ['key', 'submitting', 'submitted', 'issued', 'retrieved', 'switched', 'failed'] as const;
export type EnrolmentStep = (typeof ENROLMENT_STEPS)[number];

/** Progress of one enrolment (NOTES §4.3), written after each step so a killed worker resumes or abandons it. */
export interface PendingEnrolment {
  /** Random per attempt: a write for another attempt is refused. */
  id: string;
  step: EnrolmentStep;
  /** 'user': asked for on a page; 'auto': the worker's renewal within 30 days of expiry. */
  trigger: 'user' | 'auto';
  startedAt: string;
  updatedAt: string;
  /** SHA-256 of the certificate this attempt replaces (an automatic renewal is tried once per certificate). */
  replacing: string;
  /** The certificate's own name in KSeF, unique per attempt (found again by /certificates/query after a kill). */
  certificateName: string;
  /** Non-extractable from birth; absent once switched or failed. */
  privateKey?: CryptoKey;
  csr?: Uint8Array<ArrayBuffer>;
  referenceNumber?: string;
  serialNumber?: string;
  certificateDer?: Uint8Array<ArrayBuffer>;
  /** After the switch: the certificate replaced, when KSeF issued it (then it can be revoked). */
  replaced?: { serialNumber: string; commonName: string; notAfter: string; revoked?: boolean };
  /** Why it stopped: a stable code of lib/custody/enrol-errors.ts. */
  error?: { code: string; at: string };
}
