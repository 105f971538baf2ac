// One sent invoice ready to render (issue 12, step 5): the readable FA(3) view (lib/invoice, the same reader
// as received invoices), its KOD I link once KSeF accepted it, and its UPOs read for display.
import { isInvoiceError, parseInvoice, verificationLink, type InvoiceView } from '../invoice';
import type { Lang } from '../i18n';
import type { Profile } from '../store';
import { errorText, kodIEnvironment } from './invoice-view';
import type { SentItem } from './outbox-view';
import { readUpo, type UpoReadResult } from './upo-view';

export interface ShownSentInvoice {
  view?: InvoiceView;
  parseError?: string;
  /** KOD I (NOTES §12): only for an accepted invoice, from the hash of the exact file sent. */
  link?: string;
  upo?: UpoReadResult;
  sessionUpo: UpoReadResult[];
}

export async function showSentInvoice(
  item: SentItem & { xml?: string },
  profile: Pick<Profile, 'environment'> | undefined,
  sessionUpoXml: readonly string[] | undefined,
  lang: Lang,
): Promise<ShownSentInvoice> {
  const shown: ShownSentInvoice = { sessionUpo: (sessionUpoXml ?? []).map(readUpo) };
  if (item.upoXml) shown.upo = readUpo(item.upoXml);
  if (item.step === 'accepted') {
    try {
      shown.link = await verificationLink({
        environment: kodIEnvironment(profile),
        sellerNip: item.facts.sellerNip,
        issueDate: item.facts.issueDate,
        invoiceHashBase64: item.facts.sha256Base64,
      });
    } catch {
      // a malformed hash or NIP: the invoice is shown without the link
    }
  }
  if (item.xml !== undefined) {
    try {
      shown.view = parseInvoice(item.xml, { lang, ...(item.ksefNumber ? { ksefNumber: item.ksefNumber } : {}) });
    } catch (error) {
      shown.parseError = isInvoiceError(error) ? error.messageIn(lang) : errorText(error, lang);
    }
  }
  return shown;
}
