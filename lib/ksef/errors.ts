import { ksefErrorMessage } from './error-messages';
import { errorGuard, KsefPilotError } from '../core/errors';

/**
 * HTTP: KSeF answered with an error status. NETWORK: no answer (DNS, TLS, connection reset, CORS).
 * TIMEOUT: no answer within the request's time limit. SCHEMA: a success answer of an unexpected shape (a
 * contract failure, kept apart from transport failures). RATE_LIMITED: a 429, or a request held back because
 * it would exceed a budget of NOTES §9. HASH_MISMATCH: a download whose bytes do not match `x-ms-meta-hash`.
 * RESPONSE_TOO_LARGE: a success answer larger than KSeF documents for the operation (response-limits.ts);
 * reading stopped at the cap, so repeating it would only fetch the same oversized body.
 */
export const KSEF_ERROR_CODES = ['HTTP', 'NETWORK', 'TIMEOUT', 'SCHEMA', 'RATE_LIMITED', 'HASH_MISMATCH', 'RESPONSE_TOO_LARGE'] as const;
export type KsefErrorCode = (typeof KSEF_ERROR_CODES)[number];

/** One entry of `exceptionDetailList` (ExceptionResponse) or of `errors` (problem+json). */
export interface KsefException {
  code: number;
  description: string;
  details: string[];
}

export interface SchemaIssue {
  path: string;
  message: string;
}

export interface KsefErrorInit {
  /** `METHOD /path/template`, e.g. `GET /auth/{referenceNumber}`: never a concrete URL with identifiers. */
  operation: string;
  status?: number;
  exceptions?: KsefException[];
  title?: string;
  /** Problem `detail` or, for the legacy 429 body, its `details`, plus the details of every exception. */
  details?: string[];
  referenceNumber?: string;
  traceId?: string;
  /** Epoch milliseconds before which the request must not be repeated. */
  retryAt?: number;
  reasonCode?: string;
  requiredAnyOfPermissions?: string[];
  presentPermissions?: string[];
  issues?: SchemaIssue[];
  /** RESPONSE_TOO_LARGE: the cap in bytes that the body went past. */
  limitBytes?: number;
}

/**
 * Any failure of a KSeF call; both messages say what to do. Branch on `code`/`status`/`exceptionCodes` (or
 * `name === 'KsefError'`), never on instanceof alone: errors cross message boundaries. `data` stays empty:
 * the facts the message uses are the fields below.
 */
export class KsefError extends KsefPilotError<KsefErrorCode> {
  static override readonly codes = KSEF_ERROR_CODES;
  override readonly name = 'KsefError';
  declare readonly messageEn: string;
  readonly operation: string;
  readonly status: number | undefined;
  readonly exceptions: readonly KsefException[];
  readonly exceptionCodes: readonly number[];
  readonly title: string | undefined;
  readonly details: readonly string[];
  readonly referenceNumber: string | undefined;
  readonly traceId: string | undefined;
  readonly retryAt: number | undefined;
  /** Seconds to wait, from the moment the error was made (rounded up). */
  readonly retryAfter: number | undefined;
  readonly reasonCode: string | undefined;
  readonly requiredAnyOfPermissions: readonly string[];
  readonly presentPermissions: readonly string[];
  readonly issues: readonly SchemaIssue[];
  readonly limitBytes: number | undefined;

  constructor(code: KsefErrorCode, init: KsefErrorInit, options?: { cause?: unknown; now?: number }) {
    const retryAfter =
      init.retryAt === undefined ? undefined : Math.max(0, Math.ceil((init.retryAt - (options?.now ?? Date.now())) / 1000));
    super(code, (lang) => ksefErrorMessage(lang, { code, ...init, retryAfter }), {}, options);
    this.operation = init.operation;
    this.status = init.status;
    this.exceptions = init.exceptions ?? [];
    this.exceptionCodes = this.exceptions.map((e) => e.code);
    this.title = init.title;
    this.details = init.details ?? [];
    this.referenceNumber = init.referenceNumber;
    this.traceId = init.traceId;
    this.retryAt = init.retryAt;
    this.retryAfter = retryAfter;
    this.reasonCode = init.reasonCode;
    this.requiredAnyOfPermissions = init.requiredAnyOfPermissions ?? [];
    this.presentPermissions = init.presentPermissions ?? [];
    this.issues = init.issues ?? [];
    this.limitBytes = init.limitBytes;
  }

  /** True when KSeF reported this exception code (400 bodies). */
  hasException(code: number): boolean {
    return this.exceptionCodes.includes(code);
  }

  override toJSON() {
    const { operation, status, exceptions, title, details, referenceNumber, traceId, retryAt, retryAfter } = this;
    const { reasonCode, requiredAnyOfPermissions, presentPermissions, issues, limitBytes } = this;
    return { ...super.toJSON(), operation, status, exceptions, title, details, referenceNumber, traceId, retryAt, retryAfter,
      reasonCode, requiredAnyOfPermissions, presentPermissions, issues, limitBytes };
  }
}

export const isKsefError = errorGuard<KsefError>('KsefError', KSEF_ERROR_CODES);
