// "Already sent" (Sending §1 `findEarlier`), the one rule the send view's check and the worker's re-check
// (Sending §2) both use: the same seller NIP + RodzajFaktury + P_2 (KSeF's duplicate key, NOTES §8.4) in
// the outbox, on its way or accepted, or among the invoices synced from KSeF (the organisation's own sales
// arrive as Subject1). A rejected or failed item is not in KSeF, so a corrected file may go again.
import type { EarlierSend } from './check/types';
import type { InvoiceSearchQuery } from '../store/invoice-search';

/** What the rule reads of an outbox item (lib/store `OutboxItem`). */
interface OutboxMatch {
  id: string;
  step: string;
  createdAt: string;
  acquisitionDate?: string;
  ksefNumber?: string;
}

/** What the rule reads of a synced invoice (lib/store `InvoiceRecord`). */
interface InvoiceMatch {
  ksefNumber: string;
  metadata: { invoiceNumber: string; invoiceType: string; acquisitionDate: string; seller: { nip: string } };
}

/** The store functions it reads (lib/store `findOutboxByInvoice`, `searchInvoicesPage`). */
export interface EarlierSendSources {
  findOutboxByInvoice(sellerNip: string, kind: string, number: string): Promise<readonly OutboxMatch[]>;
  searchInvoicesPage(query: InvoiceSearchQuery): Promise<{ items: readonly InvoiceMatch[] }>;
}

export type FindEarlier = (sellerNip: string, kind: string, number: string) => Promise<EarlierSend | undefined>;

const IN_KSEF_OR_ON_ITS_WAY = new Set(['queued', 'sending', 'sent', 'accepted']);

/** KSeF's InvoiceType (openapi `InvoiceType`: Vat, KorZal …) as RodzajFaktury writes it (VAT, KOR_ZAL …). */
export function rodzajFromInvoiceType(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function earlierSendFinder(store: EarlierSendSources): FindEarlier {
  return async (sellerNip, kind, number) => {
    const sent = (await store.findOutboxByInvoice(sellerNip, kind, number)).find((item) => IN_KSEF_OR_ON_ITS_WAY.has(item.step));
    if (sent) {
      return {
        where: 'outbox',
        at: sent.acquisitionDate ?? sent.createdAt,
        outboxItemId: sent.id,
        ...(sent.ksefNumber ? { ksefNumber: sent.ksefNumber } : {}),
      };
    }
    const page = await store.searchInvoicesPage({ search: number, sellerNip, direction: 'desc', limit: 50 });
    const stored = page.items.find(
      (r) => r.metadata.invoiceNumber === number && r.metadata.seller.nip === sellerNip && rodzajFromInvoiceType(r.metadata.invoiceType) === kind,
    );
    return stored ? { where: 'invoices', at: stored.metadata.acquisitionDate, ksefNumber: stored.ksefNumber } : undefined;
  };
}
