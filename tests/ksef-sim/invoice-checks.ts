// What KSeF checks about one decrypted invoice of an online session (NOTES §8.4, [D:faktury/weryfikacja-faktury.md])
// and the invoice status it ends with (openapi SessionInvoiceStatusResponse.status): 430 file (size and hash
// against the declaration, XML rules, the FA(3) XSD with xmllint or the structural subset without it, the
// session's form code), 415 attachment, 410 rights, 450 semantics, 440 duplicate; 200 otherwise.
import { effectivePermissions } from './access';
import { readFa3, sameFormCode, type Fa3Facts } from './fa3';
import { checkFa3Structure } from './fa3-structure';
import { isValidNip } from './ids';
import { sha256Base64 } from './invoices';
import { INVOICE_STATUS } from './session-model';
import type { InvoiceOutcome } from './session-hooks';
import type { OnlineSession, SimState } from './state';
import { warsawDate } from './time';
import { validateFa3Xsd } from './xsd';

/** PodmiotUpowazniony roles that issue invoices for a debtor: 1 organ egzekucyjny, 2 komornik sądowy (FA(3) TRolaPodmiotuUpowaznionego). */
const ENFORCEMENT_ROLES = [1, 2];

export interface Judgement {
  outcome: InvoiceOutcome;
  /** Present whenever the invoice could be read (also for refusals after reading). */
  facts?: Fa3Facts;
}

/** 410 unless the session's context may issue this invoice (NOTES §8.4 "seller NIP allowed in the context"). */
function rightsProblem(session: OnlineSession, facts: Fa3Facts): InvoiceOutcome | null {
  const perms = effectivePermissions(session.permissions);
  const context = session.context;
  const asEnforcer =
    context.type === 'Nip' &&
    facts.authorizedSubject?.nip === context.value &&
    ENFORCEMENT_ROLES.includes(facts.authorizedSubject.role) &&
    perms.includes('EnforcementOperations');
  if (asEnforcer) return null;
  // SelfInvoicing and TaxRepresentative entity grants are not modelled: such invoices get 410 here.
  if (context.type !== 'Nip' || facts.sellerNip !== context.value) {
    return INVOICE_STATUS.scope([`NIP sprzedawcy (Podmiot1) ${facts.sellerNip} nie jest zgodny z kontekstem ${context.value}.`]);
  }
  if (!perms.includes('InvoiceWrite')) {
    return INVOICE_STATUS.scope([`Brak uprawnienia InvoiceWrite (wystawianie faktur) w kontekście ${context.type} ${context.value}; sesję otwarto z uprawnieniami: ${session.permissions.join(', ') || 'brak'}.`]);
  }
  return null;
}

/** Everything KSeF checks about one decrypted invoice, in KSeF's order of severity. */
export async function judgeInvoice(state: SimState, session: OnlineSession, plain: Buffer, declared: { invoiceHash: string; invoiceSize: number }): Promise<Judgement> {
  if (plain.length !== declared.invoiceSize) return { outcome: INVOICE_STATUS.file([`Rozmiar faktury (${plain.length} B) nie zgadza się z invoiceSize (${declared.invoiceSize} B).`]) };
  if (sha256Base64(plain) !== declared.invoiceHash) return { outcome: INVOICE_STATUS.file(['Skrót treści nie zgadza się ze skrótem pliku (invoiceHash).']) };
  const read = readFa3(plain);
  if (!read.ok) return { outcome: INVOICE_STATUS.file(read.details) };
  const facts = read.facts;
  if (!sameFormCode(facts.formCode, session.formCode)) {
    return { outcome: INVOICE_STATUS.file([`Kod formularza faktury (${facts.formCode.systemCode}) nie zgadza się ze schematem sesji (${session.formCode.systemCode}).`]), facts };
  }
  const xsd = state.options.xsdValidation === 'auto' ? await validateFa3Xsd(plain) : { checked: false, errors: [] };
  const schemaProblems = xsd.checked ? xsd.errors : checkFa3Structure(plain);
  if (schemaProblems.length > 0) return { outcome: INVOICE_STATUS.file(schemaProblems), facts };
  // Attachments are accepted in batch sessions only (NOTES §8.4).
  if (facts.hasAttachment) return { outcome: INVOICE_STATUS.attachment, facts };
  const rights = rightsProblem(session, facts);
  if (rights) return { outcome: rights, facts };
  if (facts.issueDate > warsawDate(state.clock.now())) {
    return { outcome: INVOICE_STATUS.semantic(['Data wystawienia faktury (P_1) nie może być późniejsza niż data jej przyjęcia.']), facts };
  }
  if (state.options.environment === 'production') {
    const buyerNip = facts.buyer.identifier.type === 'Nip' ? facts.buyer.identifier.value : null;
    const bad = [facts.sellerNip, buyerNip].filter((n): n is string => n !== null && !isValidNip(n));
    if (bad.length > 0) return { outcome: INVOICE_STATUS.semantic([`Nieprawidłowa suma kontrolna NIP: ${bad.join(', ')}.`]), facts };
  }
  // Duplicates are checked against every invoice KSeF holds, from any session or context (NOTES §8.4).
  const original = state.invoices.findDuplicate(facts);
  if (original) {
    return {
      outcome: {
        code: 440,
        description: 'Duplikat faktury',
        details: [`Faktura o numerze ${facts.invoiceNumber} została już przyjęta w KSeF jako ${original.ksefNumber}.`],
        extensions: { originalSessionReferenceNumber: original.sessionReferenceNumber, originalKsefNumber: original.ksefNumber },
      },
      facts,
    };
  }
  return { outcome: INVOICE_STATUS.success, facts };
}
