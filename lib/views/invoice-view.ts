// One invoice as the inbox's detail view shows it: the record, its parsed FA(3) view (or why it could not be
// read) and its KOD I link; and the rule that opening an invoice marks it seen (issue 7).
import { actsAs, type KsefEnvironment } from '../domain/environments';
import { t, type Lang } from '../i18n';
import { isInvoiceError, parseInvoice, verificationLink, type InvoiceView, type Settlement } from '../invoice';
import { sendRequest, type Request } from '../messages';
import type { InvoiceKey, InvoiceRecord, Profile } from '../store';

export type Send = (message: Request) => Promise<unknown>;

export interface ShownInvoice {
  record: InvoiceRecord;
  xml?: string;
  view?: InvoiceView;
  /** Why the stored XML could not be shown, in the page language. */
  parseError?: string;
  /** KOD I (NOTES §12); absent when neither the hash nor the XML is known yet. */
  link?: string;
}

/**
 * Which KSeF's verification host an invoice's KOD I points at. The simulator stands in for TEST (NOTES §13),
 * and so does an invoice whose profile is gone: TEST's host never vouches for a real invoice.
 */
export function kodIEnvironment(profile: Pick<Profile, 'environment'> | undefined): KsefEnvironment {
  return profile ? actsAs(profile.environment) : 'test';
}

/** The KOD I link from the metadata's hash, else from the stored file's bytes; none when neither is known. */
export async function kodILink(record: InvoiceRecord, profile: Pick<Profile, 'environment'> | undefined, xml: string | undefined): Promise<string | undefined> {
  const hash = record.metadata.invoiceHash;
  if (!hash && xml === undefined) return undefined;
  try {
    return await verificationLink({
      environment: kodIEnvironment(profile),
      sellerNip: record.metadata.seller.nip,
      issueDate: record.issueDate,
      ...(hash ? { invoiceHashBase64: hash } : { xmlBytes: new TextEncoder().encode(xml) }),
    });
  } catch {
    return undefined; // a malformed hash or NIP: the view shows the invoice without the link
  }
}

/** A failure's message in the page language: coded errors carry both (lib/core/errors.ts). */
export function errorText(error: unknown, lang: Lang): string {
  const e = error as { message?: unknown; messageEn?: unknown } | null;
  if (lang === 'en' && typeof e?.messageEn === 'string') return e.messageEn;
  return typeof e?.message === 'string' ? e.message : t(lang, 'msg_error_UNEXPECTED');
}

/** The invoice ready to render. The XML is parsed as untrusted input (lib/invoice), never rendered as HTML. */
export async function showInvoice(record: InvoiceRecord, profile: Profile | undefined, xml: string | undefined, lang: Lang): Promise<ShownInvoice> {
  const link = await kodILink(record, profile, xml);
  const base: ShownInvoice = { record, ...(link ? { link } : {}) };
  if (xml === undefined) return base;
  try {
    return { ...base, xml, view: parseInvoice(xml, { lang, ksefNumber: record.metadata.ksefNumber }) };
  } catch (error) {
    return { ...base, xml, parseError: isInvoiceError(error) ? error.messageIn(lang) : errorText(error, lang) };
  }
}

/**
 * Opening an invoice marks it seen (issue 7): only a new one, so "booked" is never undone by a look. The worker
 * writes the state and updates the badge; a failure leaves it new, which the next opening retries.
 */
export async function markOpenedSeen(record: Pick<InvoiceRecord, 'profileId' | 'ksefNumber' | 'state'>, send: Send): Promise<boolean> {
  if (record.state !== 'new') return false;
  const key: InvoiceKey = { profileId: record.profileId, ksefNumber: record.ksefNumber };
  return sendRequest({ type: 'setInvoiceState', keys: [key], state: 'seen' }, send).then(() => true, () => false);
}

/** A decimal from the XML (FA's TKwotowy: "53.63", "-0.00") that is zero; text that is no number is not zero. */
function isZero(amount: string | undefined): boolean {
  return amount !== undefined && amount.trim() !== '' && Number(amount) === 0;
}

/**
 * What of Rozliczenie (FA(3) Fa/Rozliczenie) is worth a reader's eye: generators fill Obciazenia and Odliczenia
 * with 0.00 lines (the FA(3) sample template does), which read as noise (issue 16, B14). Zero charges, deductions
 * and totals are left out; nothing at all when no amount is left.
 */
export function shownSettlement(settlement: Settlement | undefined): Settlement | undefined {
  if (!settlement) return undefined;
  const charges = settlement.charges.filter((c) => !isZero(c.amount));
  const deductions = settlement.deductions.filter((d) => !isZero(d.amount));
  const kept: Settlement = { charges, deductions };
  for (const key of ['chargesTotal', 'deductionsTotal', 'toPay', 'toSettle'] as const) {
    const value = settlement[key];
    if (value !== undefined && !isZero(value)) kept[key] = value;
  }
  const empty = charges.length === 0 && deductions.length === 0 && kept.toPay === undefined && kept.toSettle === undefined;
  return empty ? undefined : kept;
}
