// The worker's one seam to its rare, heavy work (issue 15; review performance-2026-12 §5, §6): the login's XAdES
// signature with its self-check, and the steps of a certificate enrolment that read or write X.509 (pkijs,
// xadesjs, xmldom, xpath: about 70 % of what background.js used to carry, needed about once a week). In Chrome
// it runs in an offscreen document (lib/platform/offscreen.ts), where `import()` works and the worker's start
// does not pay for it; in Firefox's event page and in Node it runs in-process (heavy-in-process.ts). Both sides
// speak this contract, so the worker cannot tell which one it has.
//
// No secret crosses it: a private key is named by where it is stored (the profile's credentials or its pending
// enrolment, in IndexedDB) and the other side reads it there, as the options and unlock pages do. What comes back
// is public: a signed AuthTokenRequest (bound to one challenge KSeF just issued), a CSR, a certificate.
import * as z from 'zod/mini';
import { base64ToBytes, bytesToBase64 } from '../ksef/encoding';
import type { CertificateEnrollmentDataResponse } from '../ksef/api-certificates';
import type { CertificateInfo } from '../pki/types';
import type { AuthTokenSigner } from '../auth/login';
import type { PendingEnrolment } from '../store';
import type { InvoiceFacts } from '../store/outbox-records';
import type { Params } from '../i18n/lang';
import { isPkiError, PkiError } from '../pki/errors';
import { isXadesError, XadesError, type XadesReason } from '../xades/errors';

/** Where the signing key is stored: never the key itself. */
export type KeyRef = { profileId: string; source: 'credentials' } | { profileId: string; source: 'enrolment'; enrolmentId: string };

export interface SignRequest {
  key: KeyRef;
  challenge: string;
  contextIdentifier: { type: 'Nip' | 'InternalId' | 'NipVatUe'; value: string };
  subjectIdentifierType: 'certificateSubject' | 'certificateFingerprint';
  /** ISO time; the signature's SigningTime. */
  signingTime: string;
}

/** A pending enrolment as the worker makes it at its first step, before the key and the CSR exist. */
export type NewEnrolment = Omit<PendingEnrolment, 'privateKey' | 'csr' | 'referenceNumber' | 'serialNumber' | 'certificateDer' | 'replaced' | 'error'> & { step: 'key' };

export interface IssuedCheck {
  certificate: CertificateInfo;
  /** lib/custody/enrol-check's verdict: null when the profile may use it. */
  why: string | null;
}

export interface HeavyWork {
  /** The AuthTokenRequest signed (and self-checked) with the stored key `request.key` names. */
  sign(request: SignRequest): Promise<string>;
  /**
   * Generates the enrolment's non-extractable key, builds its CSR for `dn` and stores both with `pending` in one
   * write (savePendingEnrolment, expecting no attempt in flight). Resolves with the CSR, or null when another
   * attempt is in flight.
   */
  startEnrolment(profileId: string, pending: NewEnrolment, dn: CertificateEnrollmentDataResponse): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Reads the certificate KSeF issued and checks it against the enrolment's stored key and the profile. */
  checkIssued(request: { profileId: string; enrolmentId: string; certificate: Uint8Array; now: string; environment: string; nip: string }): Promise<IssuedCheck>;
  /** lib/pki's readCertificate. */
  readCertificate(der: Uint8Array): Promise<CertificateInfo>;
  /**
   * lib/send/check's rules without the XSD (xmldom: 85 KB the worker would parse on every wake) for a file to
   * send for `profileId`, earlier sends looked up in the store.
   */
  checkSendFile(request: { profileId: string; fileName: string; xml: string; now: string }): Promise<SendFileCheck>;
}

export interface SendFileCheck {
  /** Readable and without a problem: may be queued. */
  ok: boolean;
  /** The problems' codes (lib/send/check), in order. */
  codes: string[];
  facts?: InvoiceFacts;
}

// ---- The wire form (JSON: chrome.runtime messages carry no Date, Uint8Array or CryptoKey) ----------------------

export const OFFSCREEN_TARGET = 'kp-offscreen';

/**
 * What the worker may ask the offscreen document: exactly these, each field bounded (DESIGN.md, Security rules).
 * Built on first use: only the offscreen document parses requests, and a schema built at load would cost every wake
 * of the worker its construction (review performance-2026-12 §6: zod construction was a third of the start).
 */
export function offscreenRequestSchema() {
  return (requestSchema ??= buildRequestSchema());
}
let requestSchema: ReturnType<typeof buildRequestSchema> | undefined;

function buildRequestSchema() {
  const str = z.string();
  const profileId = z.string().check(z.minLength(1), z.maxLength(200));
  const b64 = z.string().check(z.maxLength(200_000), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
  const iso = z.string().check(z.maxLength(40));
  const KeyRefSchema = z.union([
    z.strictObject({ profileId, source: z.literal('credentials') }),
    z.strictObject({ profileId, source: z.literal('enrolment'), enrolmentId: profileId }),
  ]);
  const dnField = z.optional(z.nullable(z.string().check(z.maxLength(1000))));

  return z.strictObject({
    target: z.literal(OFFSCREEN_TARGET),
    call: z.discriminatedUnion('op', [
      z.strictObject({
        op: z.literal('sign'),
        key: KeyRefSchema,
        challenge: z.string().check(z.maxLength(200)),
        contextIdentifier: z.strictObject({ type: z.enum(['Nip', 'InternalId', 'NipVatUe']), value: z.string().check(z.maxLength(100)) }),
        subjectIdentifierType: z.enum(['certificateSubject', 'certificateFingerprint']),
        signingTime: iso,
      }),
      z.strictObject({
        op: z.literal('startEnrolment'),
        profileId,
        pending: z.strictObject({
          id: profileId,
          step: z.literal('key'),
          trigger: z.enum(['user', 'auto']),
          startedAt: iso,
          updatedAt: iso,
          replacing: z.string().check(z.maxLength(200)),
          certificateName: z.string().check(z.maxLength(300)),
        }),
        dn: z.record(str, dnField),
      }),
      z.strictObject({ op: z.literal('checkIssued'), profileId, enrolmentId: profileId, certificate: b64, now: iso, environment: z.string().check(z.maxLength(40)), nip: z.string().check(z.maxLength(40)) }),
      z.strictObject({ op: z.literal('readCertificate'), certificate: b64 }),
      z.strictObject({ op: z.literal('checkSendFile'), profileId, fileName: z.string().check(z.maxLength(1000)), xml: z.string().check(z.maxLength(8_000_000)), now: iso }),
    ]),
  });
}

export type OffscreenRequest = z.infer<ReturnType<typeof offscreenRequestSchema>>;
export type OffscreenCall = OffscreenRequest['call'];

/** A CertificateInfo as JSON: its Dates as ISO text, its DER as base64. */
export type CertificateWire = Omit<CertificateInfo, 'notBefore' | 'notAfter' | 'der'> & { notBefore: string; notAfter: string; der: string };

export function certificateToWire(c: CertificateInfo): CertificateWire {
  return { ...c, notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString(), der: bytesToBase64(c.der) };
}

let certificateWire: z.ZodMiniType | undefined;

export function certificateFromWire(w: unknown): CertificateInfo {
  certificateWire ??= z.looseObject({ notBefore: z.string(), notAfter: z.string(), der: z.string(), fingerprintSha256: z.string(), subjectDn: z.string() });
  const parsed = certificateWire.safeParse(w);
  if (!parsed.success) throw new TypeError('the offscreen document answered with no certificate');
  const c = w as CertificateWire;
  return { ...c, notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter), der: base64ToBytes(c.der) };
}

/** An error as it crosses (lib/core/errors ErrorJSON, plus XadesError's reason): codes and data, never a secret. */
export interface ErrorWire {
  name: string;
  code?: string | number;
  data?: Record<string, unknown>;
  message: string;
  messageEn?: string;
  reason?: string;
}

export type OffscreenAnswer = { ok: true; value: unknown } | { ok: false; error: ErrorWire };

export function errorToWire(error: unknown): ErrorWire {
  if (error instanceof Error || (typeof error === 'object' && error !== null)) {
    const e = error as Partial<ErrorWire> & { toJSON?: () => unknown };
    const json = (typeof e.toJSON === 'function' ? e.toJSON() : e) as Partial<ErrorWire>;
    return {
      name: String(json.name ?? e.name ?? 'Error'),
      message: String(json.message ?? e.message ?? ''),
      ...(json.code !== undefined ? { code: json.code } : {}),
      ...(json.data !== undefined ? { data: json.data } : {}),
      ...(json.messageEn !== undefined ? { messageEn: json.messageEn } : {}),
      ...(json.reason !== undefined ? { reason: json.reason } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

let answerSchema: z.ZodMiniType<OffscreenAnswer> | undefined;
const buildAnswerSchema = () =>
  z.union([
    z.strictObject({ ok: z.literal(true), value: z.unknown() }),
    z.strictObject({ ok: z.literal(false), error: z.looseObject({ name: z.string(), message: z.string() }) }),
  ]) as unknown as z.ZodMiniType<OffscreenAnswer>;

/**
 * The error again, as callers branch on it: `name`, `code`, `data`, `reason` (lib/core/errors: guards check the
 * shape, never instanceof); lib/xades' and lib/pki's own classes are rebuilt, so `messageIn` words them too.
 */
export function errorFromWire(wire: ErrorWire): Error {
  const data = (wire.data ?? {}) as Params;
  let error: Error;
  if (wire.name === 'XadesError' && isXadesError({ ...wire, data })) error = new XadesError(wire.reason as XadesReason, '', data);
  else if (isPkiError({ ...wire, data })) error = new PkiError(wire.code as PkiError['code'], data);
  else {
    error = Object.assign(new Error(wire.message), {
      name: wire.name,
      data,
      ...(wire.code !== undefined ? { code: wire.code } : {}),
      ...(wire.messageEn !== undefined ? { messageEn: wire.messageEn } : {}),
    });
  }
  // The developer's message as it was made on the other side.
  Object.defineProperty(error, 'message', { value: wire.message, writable: true, configurable: true });
  return error;
}

/** The answer's value, or its error thrown; anything else is refused. */
export function readAnswer(answer: unknown): unknown {
  const parsed = (answerSchema ??= buildAnswerSchema()).safeParse(answer);
  if (!parsed.success) throw new TypeError('the offscreen document gave no answer');
  if (parsed.data.ok) return parsed.data.value;
  throw errorFromWire(parsed.data.error as ErrorWire);
}

/** lib/auth's signer over HeavyWork: the key `key` names signs; the in-memory key lib/auth passes is not sent. */
export function storedKeySigner(heavy: Pick<HeavyWork, 'sign'>, key: KeyRef): AuthTokenSigner {
  return (input) =>
    heavy.sign({
      key,
      challenge: input.challenge,
      contextIdentifier: { type: input.contextIdentifier.type, value: input.contextIdentifier.value },
      subjectIdentifierType: input.subjectIdentifierType,
      signingTime: (input.signingTime ?? new Date()).toISOString(),
    });
}

/** HeavyWork loaded on its first use (Firefox's event page may `import()`: nothing of it is parsed before). */
export function lazyHeavyWork(load: () => Promise<HeavyWork>): HeavyWork {
  let loaded: Promise<HeavyWork> | null = null;
  const get = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
  return {
    sign: async (request) => (await get()).sign(request),
    startEnrolment: async (profileId, pending, dn) => (await get()).startEnrolment(profileId, pending, dn),
    checkIssued: async (request) => (await get()).checkIssued(request),
    readCertificate: async (der) => (await get()).readCertificate(der),
    checkSendFile: async (request) => (await get()).checkSendFile(request),
  };
}
