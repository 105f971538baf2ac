import type { Lang } from '../i18n';
import { ksefErrorMessage } from './error-messages';
import { hasErrorShape } from '../coded-error';

/**
 * HTTP: KSeF answered with an error status. NETWORK: no answer (DNS, TLS, connection reset, CORS).
 * TIMEOUT: no answer within the request's time limit. SCHEMA: a success answer of an unexpected shape (a
 * contract failure, kept apart from transport failures). RATE_LIMITED: a 429, or a request held back because
 * it would exceed a budget of NOTES §9. HASH_MISMATCH: a download whose bytes do not match `x-ms-meta-hash`.
 */
export type KsefErrorCode = 'HTTP' | 'NETWORK' | 'TIMEOUT' | 'SCHEMA' | 'RATE_LIMITED' | 'HASH_MISMATCH';

export const KSEF_ERROR_CODES: readonly KsefErrorCode[] = [
  'HTTP',
  'NETWORK',
  'TIMEOUT',
  'SCHEMA',
  'RATE_LIMITED',
  'HASH_MISMATCH',
];

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
}

/**
 * Any failure of a KSeF call. `message` is Polish (what the user reads first), `messageEn` English; both say
 * what to do. Branch on `code`/`status`/`exceptionCodes` (or `name === 'KsefError'`), never on instanceof
 * alone: errors cross message boundaries, which is also why `toJSON` exists.
 */
export class KsefError extends Error {
  override readonly name = 'KsefError';
  readonly code: KsefErrorCode;
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
  readonly messageEn: string;

  constructor(code: KsefErrorCode, init: KsefErrorInit, options?: { cause?: unknown; now?: number }) {
    const retryAfter =
      init.retryAt === undefined ? undefined : Math.max(0, Math.ceil((init.retryAt - (options?.now ?? Date.now())) / 1000));
    const facts = { code, ...init, retryAfter };
    super(ksefErrorMessage('pl', facts), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
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
    this.messageEn = ksefErrorMessage('en', facts);
  }

  messageIn(lang: Lang): string {
    return lang === 'en' ? this.messageEn : this.message;
  }

  /** True when KSeF reported this exception code (400 bodies). */
  hasException(code: number): boolean {
    return this.exceptionCodes.includes(code);
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      messageEn: this.messageEn,
      operation: this.operation,
      status: this.status,
      exceptions: this.exceptions,
      title: this.title,
      details: this.details,
      referenceNumber: this.referenceNumber,
      traceId: this.traceId,
      retryAt: this.retryAt,
      retryAfter: this.retryAfter,
      reasonCode: this.reasonCode,
      requiredAnyOfPermissions: this.requiredAnyOfPermissions,
      presentPermissions: this.presentPermissions,
      issues: this.issues,
    };
  }
}

export function isKsefError(value: unknown): value is KsefError {
  return hasErrorShape(value, 'KsefError', KSEF_ERROR_CODES);
}
