import { t, type Lang, type MessageKey, type Params } from '../i18n/worker';
import { hasErrorShape, KsefPilotError } from '../core/errors';

/** KSeF's exception codes for POST /auth/xades-signature that a document or its signature can cause (NOTES §3.6). */
export const XADES_ERROR_CODES = [9101, 9102, 9103, 9105, 21001, 21401] as const;
export type XadesErrorCode = (typeof XADES_ERROR_CODES)[number];

/** Why, in more detail than KSeF's code (stable, for logs, tests and the simulator's `details`), and its code. */
const REASON_CODES = {
  TOO_LARGE: 21001,
  DOCTYPE: 21001, // a DTD is refused by the parser itself, so KSeF cannot read the content at all
  NOT_WELL_FORMED: 21001,
  TOO_DEEP: 21001,
  NOT_AUTH_TOKEN_REQUEST: 9101, // a bare ds:Signature (detached or enveloping packaging) instead of the request
  SCHEMA: 21401,
  CHALLENGE: 21401,
  CONTEXT_IDENTIFIER: 21401,
  NO_SIGNATURE: 9102,
  TOO_MANY_SIGNATURES: 9103,
  NOT_ENVELOPED: 9105, // "detached rejected" (NOTES §3.4): KSeF reports the signature, not the document
  SIGNATURE_STRUCTURE: 9105,
  REFERENCES: 9105,
  ALGORITHM: 9105,
  QUALIFYING_PROPERTIES: 9105,
  SIGNING_TIME: 9105,
  SIGNING_CERTIFICATE: 9105,
  CERTIFICATE: 9105,
  ECDSA_FORMAT: 9105,
  DIGEST: 9105,
  SIGNATURE_VALUE: 9105,
  KEY_MISMATCH: 9105,
  UNSUPPORTED_KEY: 9105,
  SELF_CHECK: 9105,
} as const satisfies Record<string, XadesErrorCode>;
export type XadesReason = keyof typeof REASON_CODES;

/** KSeF's own `exceptionDescription` for each code, verbatim from the API (protocol text, not UI). */
export const KSEF_EXCEPTION_DESCRIPTIONS: Readonly<Record<XadesErrorCode, string>> = {
  9101: 'Nieprawidłowy dokument.',
  9102: 'Brak podpisu.',
  9103: 'Przekroczona liczba dozwolonych podpisów.',
  9105: 'Nieprawidłowy podpis.',
  21001: 'Nieczytelna treść.',
  21401: 'Dokument nie jest zgodny ze schemą (xsd).',
};

const CODE_NAMES: Readonly<Record<XadesErrorCode, string>> = {
  9101: 'invalid document',
  9102: 'no signature',
  9103: 'too many signatures',
  9105: 'invalid signature',
  21001: 'unreadable content',
  21401: 'schema violation',
};

/** Reasons a user can meet while signing, with their own message; the rest use the message of their code. */
const REASONS_WITH_MESSAGE: readonly XadesReason[] = ['KEY_MISMATCH', 'UNSUPPORTED_KEY', 'CONTEXT_IDENTIFIER', 'SELF_CHECK'];

export function xadesCodeOf(reason: XadesReason): XadesErrorCode {
  return REASON_CODES[reason];
}

export function xadesErrorMessage(lang: Lang, code: XadesErrorCode, reason: XadesReason, data: Params = {}): string {
  const key = REASONS_WITH_MESSAGE.includes(reason) ? `xades_error_${reason}` : `xades_error_${code}`;
  return t(lang, key as MessageKey, { code, ...data });
}

/**
 * A signed AuthTokenRequest KSeF would refuse, or one we could not make. `code` is the number KSeF answers
 * with, `reason` says why; `message` is for developers (English, names the check, so no `messageEn`),
 * `messageIn(lang)` for users. Branch on `code`/`reason` (or `name === 'XadesError'`), never on instanceof alone.
 * `data` holds values the user message names (algorithms, the identifier typed); never key material.
 */
export class XadesError extends KsefPilotError<XadesErrorCode> {
  static override readonly codes = XADES_ERROR_CODES;
  override readonly name = 'XadesError';
  readonly reason: XadesReason;

  constructor(reason: XadesReason, detail: string, data: Params = {}, options?: { cause?: unknown }) {
    const code = REASON_CODES[reason];
    super(code, `XAdES ${CODE_NAMES[code]} (${code} ${reason}): ${detail}`, data, options);
    this.reason = reason;
  }

  override messageIn(lang: Lang): string {
    return xadesErrorMessage(lang, this.code, this.reason, this.data);
  }

  override toJSON() {
    return { ...super.toJSON(), reason: this.reason };
  }
}

export function isXadesError(value: unknown): value is XadesError {
  const reason = (value as { reason?: unknown } | null)?.reason;
  return hasErrorShape(value, 'XadesError', XADES_ERROR_CODES) && typeof reason === 'string' && Object.hasOwn(REASON_CODES, reason);
}
