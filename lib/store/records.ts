// The records the pages and the worker rely on, each defined once as a zod schema that gives both the check
// and the type (STYLE rules 12 and 18). Dates are ISO-8601 strings everywhere: they sort as text in indexes,
// survive JSON (golden fixtures) and need no revival after a structured clone.
import { z } from 'zod';
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

export const OUTBOX_STATUSES = ['draft', 'queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const isoDateTime = z.iso.datetime({ offset: true });
/** How many set-aside KSeF numbers a sync state keeps (the log keeps each one too). */
export const SKIPPED_KEPT = 50;
export const isoDate = z.iso.date();
const id = z.string().min(1).max(200);
const errorInfo = z.strictObject({ code: z.string().max(100), message: z.string().max(2000) });
/** A sync failure as the popup shows it: the code, both languages, and when it happened. */
const syncErrorInfo = z.strictObject({
  code: z.string().max(100),
  message: z.string().max(2000),
  messageEn: z.string().max(2000).optional(),
  at: isoDateTime.optional(),
});

export const preferencesSchema = z.strictObject({
  autoSync: z.boolean(),
  intervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES).max(MAX_INTERVAL_MINUTES),
  subjectTypes: z
    .array(z.enum(SUBJECT_TYPES))
    .refine((types) => types.includes('Subject2'), 'Subject2 (purchase invoices) is always synced')
    .refine((types) => new Set(types).size === types.length, 'subject types must not repeat'),
  /** The day the first sync imports from (a calendar date, Europe/Warsaw). */
  firstSyncFrom: isoDate,
  notifications: z.boolean(),
  language: z.enum(['pl', 'en']),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const profileSchema = z
  .strictObject({
    id,
    name: z.string().trim().min(1).max(512),
    nip: z.string().regex(/^\d{10}$/, 'ten digits'),
    environment: z.enum(ENVIRONMENTS),
    /** Only for the simulator: where its /v2 API lives. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    preferences: preferencesSchema,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .superRefine((profile, ctx) => {
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
  });
export type Profile = z.infer<typeof profileSchema>;
/** What a caller gives `saveProfile`; the store keeps `createdAt` and sets `updatedAt`. */
export type ProfileInput = Omit<Profile, 'createdAt' | 'updatedAt'>;

/**
 * The login context tokens and sync marks belong to (issue 10): the environment, the API base address as the
 * client resolves it, and the context NIP. lib/auth/login-context.ts holds the rule; this is only the shape.
 */
export const loginContextSchema = z.strictObject({
  environment: z.enum(ENVIRONMENTS),
  apiBaseUrl: z.string().min(1).max(2000),
  nip: z.string().regex(/^\d{10}$/, 'ten digits'),
});

/** Sync progress per profile and subject type (NOTES §7.2; RELIABILITY §2.3 items 3, 4 and 7). */
export const syncStateSchema = z.strictObject({
  profileId: id,
  subjectType: z.enum(SUBJECT_TYPES),
  /** The last `permanentStorageHwmDate` whose invoices are all stored. */
  hwm: isoDateTime.nullable(),
  /** Where the next query window starts: the mark, the last record's date when truncated, or the first-sync date. */
  windowFrom: isoDateTime.nullable(),
  lastSyncAt: isoDateTime.nullable(),
  lastSuccessAt: isoDateTime.nullable(),
  nextSyncAt: isoDateTime.nullable(),
  consecutiveFailures: z.number().int().min(0),
  /** No request before this time (Retry-After, back-off). */
  blockedUntil: isoDateTime.nullable(),
  /** The rate limiter's serialised state, owned by lib/ksef. */
  rateLimiter: z.unknown(),
  lastError: syncErrorInfo.optional(),
  firstSyncDone: z.boolean(),
  importedCount: z.number().int().min(0).optional(),
  /** The page of the current query window to ask next (`hasMore` without truncation, NOTES §7.1). */
  pageOffset: z.number().int().min(0).optional(),
  /** Set when a run starts and cleared when it ends; a run killed midway leaves it (status shows it briefly). */
  runningSince: isoDateTime.nullable().optional(),
  /** Notices already raised (certificate expiry, login failing…), so each is raised once. */
  notices: z.array(z.string().max(300)).max(50).optional(),
  /** The context the marks belong to; absent in records written before issue 10 (then: the profile's current one). */
  loginContext: loginContextSchema.optional(),
  /** Metadata records the store refused (schema) and set aside, kept in the log with their KSeF numbers. */
  skippedCount: z.number().int().min(0).optional(),
  /** The KSeF numbers of the newest of them (so a window read again does not count one twice). */
  skippedNumbers: z.array(z.string().max(80)).max(SKIPPED_KEPT).optional(),
  /** When the current run of failures began (Subject2 only): a stall that lasts is announced once. */
  failingSince: isoDateTime.nullable().optional(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const tokensSchema = z.strictObject({
  profileId: id,
  accessToken: z.string().min(1),
  accessValidUntil: isoDateTime,
  refreshToken: z.string().min(1),
  refreshValidUntil: isoDateTime,
  authReference: z.string().min(1).optional(),
  /** The context the tokens were issued for; absent in records written before issue 10. */
  loginContext: loginContextSchema.optional(),
  /** SHA-256 of the certificate the login was signed with (lowercase hex); absent before issue 10. */
  certificateFingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  updatedAt: isoDateTime,
});
export type Tokens = z.infer<typeof tokensSchema>;
export type TokensInput = Omit<Tokens, 'profileId' | 'updatedAt'>;

export const outboxItemSchema = z.strictObject({
  id,
  profileId: id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  status: z.enum(OUTBOX_STATUSES),
  xml: z.string().min(1),
  invoiceNumber: z.string().min(1).max(256),
  sessionRef: z.string().min(1).optional(),
  invoiceRef: z.string().min(1).optional(),
  ksefNumber: z.string().min(1).optional(),
  upoXml: z.string().min(1).optional(),
  error: errorInfo.optional(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
/** The fields `updateOutboxItem` may change. */
export type OutboxPatch = Partial<Omit<OutboxItem, 'id' | 'profileId' | 'createdAt' | 'updatedAt'>>;

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

/** Never a password (DESIGN.md, Security rules): `saveCredentials` refuses any field named like one. */
export interface CredentialsRecord {
  profileId: string;
  certificate: StoredCertificate;
  certificateDer: Uint8Array<ArrayBuffer>;
  /** Non-extractable; IndexedDB keeps it by structured clone (RELIABILITY §1.3). */
  privateKey: CryptoKey;
  /** The key's WebCrypto algorithm, e.g. 'ECDSA P-256' or 'RSASSA-PKCS1-v1_5 SHA-256'. */
  keyAlgorithm: string;
  storedAt: string;
}
