// The one base of every lib error (STYLE rule 8; the pattern of panva/jose › src/util/errors.ts, plus what jose
// lacks: messages in both languages and `toJSON` for the message boundary). jose gives each class one
// `static code`; here a class owns a closed list, so the static is `codes` (the module's `as const` array, its
// union type derived from it). Errors lose their prototype when they cross chrome.runtime messaging, so
// callers branch on `name` and `code` (rule 9): `hasErrorShape` and the guards made by `errorGuard` check
// exactly that, never instanceof.
import type { Lang, Params } from '../i18n/lang';

export type ErrorCode = string | number;

/** An error as it crosses a boundary: a plain object that structuredClone and JSON keep whole. */
export interface ErrorJSON<C extends ErrorCode = ErrorCode> {
  name: string;
  code: C;
  data: Params;
  message: string;
  /** Present only on errors the user reads; its presence is what marks a message as fit to show. */
  messageEn?: string;
}

/**
 * `code` is one of the subclass's closed list; `data` holds only the values the message names, never a
 * secret or untrusted text. `text` is either the catalog message by language (then `message` is Polish,
 * what the user reads first, and `messageEn` English) or a developer message for errors no user sees
 * (then there is no `messageEn`, and pages show their generic text instead).
 */
export abstract class KsefPilotError<C extends ErrorCode> extends Error {
  /** The class's closed list of codes (jose's `static code`): each subclass sets its module's array. */
  static readonly codes: readonly ErrorCode[] = [];
  abstract override readonly name: string;
  readonly code: C;
  readonly data: Params;
  readonly messageEn: string | undefined;

  protected constructor(code: C, text: string | ((lang: Lang) => string), data: Params = {}, options?: { cause?: unknown }) {
    super(typeof text === 'string' ? text : text('pl'), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.data = data;
    this.messageEn = typeof text === 'string' ? undefined : text('en');
  }

  messageIn(lang: Lang): string {
    return lang === 'en' ? (this.messageEn ?? this.message) : this.message;
  }

  toJSON(): ErrorJSON<C> {
    const { name, code, data, message, messageEn } = this;
    return { name, code, data, message, ...(messageEn === undefined ? {} : { messageEn }) };
  }
}

/**
 * The base of an error the user reads, jose's one-line subclass with our closed list and catalog:
 * `class InvoiceError extends catalogError('InvoiceError', INVOICE_ERROR_CODES, invoiceErrorMessage) {}`.
 * `message` is made with the `t` of the catalog the module's context loads (core imports no catalog, so the
 * worker never carries the pages' strings); `name` is a literal because minifiers rename classes.
 */
export function catalogError<N extends string, C extends ErrorCode>(
  name: N,
  codes: readonly C[],
  message: (lang: Lang, code: C, data: Params) => string,
) {
  return class extends KsefPilotError<C> {
    static override readonly codes: readonly C[] = codes;
    override readonly name: N = name;
    declare readonly messageEn: string;

    constructor(code: C, data: Params = {}, options?: { cause?: unknown }) {
      super(code, (lang) => message(lang, code, data), data, options);
    }
  };
}

/** True for an error (or its plain copy) of this `name` whose `code` is in `codes`: stricter than a name check. */
export function hasErrorShape(value: unknown, name: string, codes: readonly ErrorCode[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { name: actual, code } = value as { name?: unknown; code?: unknown };
  return actual === name && (typeof code === 'string' || typeof code === 'number') && codes.includes(code);
}

/** The `isXError` guard of a subclass. A plain copy passes too: it has the fields, not the methods. */
export function errorGuard<E extends KsefPilotError<ErrorCode>>(name: E['name'], codes: readonly E['code'][]) {
  return (value: unknown): value is E => hasErrorShape(value, name, codes);
}
