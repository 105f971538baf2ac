// Test hooks for sent invoices, in the style of faults.ts: the next N invoices (optionally only those with a
// given P_2) end with a chosen status from the SessionInvoiceStatusResponse.status table of openapi.json
// instead of the judged one, and/or show 150 for a chosen number of status polls before their outcome.
import type { StatusInfo } from './state';

/** Invoice status codes a test may force (openapi SessionInvoiceStatusResponse.status; 100/150/200 are not outcomes to force). */
export const FORCEABLE_INVOICE_CODES = [405, 410, 415, 430, 435, 440, 450, 500, 550] as const;

export interface InvoiceStatusSpec {
  /** Only invoices whose P_2 is exactly this (default: any invoice, even one that does not decrypt). */
  invoiceNumber?: string;
  /** The outcome instead of the judged one; omitted: judged as usual (only `pendingPolls` applies). */
  code?: (typeof FORCEABLE_INVOICE_CODES)[number];
  /** Default: none, except 550 which carries KSeF's own text. */
  details?: string[];
  /** 440 defaults to `{ originalSessionReferenceNumber: null, originalKsefNumber: null }`. */
  extensions?: Record<string, string | null>;
  /** Status polls answering 150 before the outcome shows; default the simulator's `invoicePendingPolls`. */
  pendingPolls?: number;
  /** How many matching invoices this applies to; default 1. */
  count?: number;
}

export interface InvoiceStatusRule extends InvoiceStatusSpec {
  id: number;
  remaining: number;
}

export type InvoiceOutcome = StatusInfo & { extensions?: Record<string, string | null> };

/** Descriptions of the invoice status table (openapi SessionInvoiceStatusResponse.status). */
export const INVOICE_DESCRIPTIONS: Readonly<Record<number, string>> = {
  405: 'Przetwarzanie anulowane z powodu błędu sesji',
  410: 'Nieprawidłowy zakres uprawnień',
  415: 'Brak możliwości wysyłania faktury z załącznikiem',
  430: 'Błąd weryfikacji pliku faktury',
  435: 'Błąd odszyfrowania pliku',
  440: 'Duplikat faktury',
  450: 'Błąd weryfikacji semantyki dokumentu faktury',
  500: 'Nieznany błąd (500)',
  550: 'Operacja została anulowana przez system',
};

const CANCELLED_BY_SYSTEM = ['Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu. Spróbuj ponownie'];
const MAX_RULES = 1000;

export function validateInvoiceStatusSpec(spec: unknown): InvoiceStatusSpec {
  const s = spec as Partial<InvoiceStatusSpec> | null;
  if (!s || typeof s !== 'object') throw new TypeError('"spec" must be an object');
  if (s.code !== undefined && !(FORCEABLE_INVOICE_CODES as readonly number[]).includes(s.code)) throw new TypeError(`"code" must be one of ${FORCEABLE_INVOICE_CODES.join(', ')}`);
  if (s.code === undefined && s.pendingPolls === undefined) throw new TypeError('give "code", "pendingPolls" or both');
  if (s.invoiceNumber !== undefined && (typeof s.invoiceNumber !== 'string' || s.invoiceNumber.length === 0 || s.invoiceNumber.length > 256)) throw new TypeError('"invoiceNumber" must be a P_2 (1–256 characters)');
  if (s.details !== undefined && (!Array.isArray(s.details) || !s.details.every((d) => typeof d === 'string'))) throw new TypeError('"details" must be a list of texts');
  if (s.extensions !== undefined && (typeof s.extensions !== 'object' || s.extensions === null || !Object.values(s.extensions).every((v) => v === null || typeof v === 'string'))) {
    throw new TypeError('"extensions" must map names to texts or null');
  }
  for (const [name, min, max] of [['pendingPolls', 0, 10_000], ['count', 1, 1_000_000]] as const) {
    const v = s[name];
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) throw new TypeError(`"${name}" must be an integer from ${min} to ${max}`);
  }
  return s as InvoiceStatusSpec;
}

/** The outcome a rule forces, shaped as KSeF's InvoiceStatusInfo. */
export function forcedOutcome(rule: InvoiceStatusSpec & { code: number }): InvoiceOutcome {
  const outcome: InvoiceOutcome = { code: rule.code, description: INVOICE_DESCRIPTIONS[rule.code] as string };
  const details = rule.details ?? (rule.code === 550 ? CANCELLED_BY_SYSTEM : undefined);
  if (details) outcome.details = details;
  const extensions = rule.extensions ?? (rule.code === 440 ? { originalSessionReferenceNumber: null, originalKsefNumber: null } : undefined);
  if (extensions) outcome.extensions = extensions;
  return outcome;
}

export function createInvoiceHooks() {
  let rules: InvoiceStatusRule[] = [];
  let nextId = 1;
  return {
    add(spec: InvoiceStatusSpec): InvoiceStatusRule {
      const s = validateInvoiceStatusSpec(spec);
      if (rules.length >= MAX_RULES) throw new TypeError(`at most ${MAX_RULES} invoice status rules`);
      const rule: InvoiceStatusRule = { ...s, details: s.details && [...s.details], id: nextId++, remaining: s.count ?? 1 };
      rules.push(rule);
      return { ...rule };
    },
    /** Consumes one use of the first rule matching an invoice with this P_2 (null: not readable). */
    take(invoiceNumber: string | null): InvoiceStatusRule | null {
      const rule = rules.find((r) => r.remaining > 0 && (r.invoiceNumber === undefined || r.invoiceNumber === invoiceNumber));
      if (!rule) return null;
      rule.remaining -= 1;
      if (rule.remaining === 0) rules = rules.filter((r) => r !== rule);
      return rule;
    },
    list: (): InvoiceStatusRule[] => rules.map((r) => ({ ...r })),
    clear(): void {
      rules = [];
    },
  };
}

export type InvoiceHooks = ReturnType<typeof createInvoiceHooks>;
