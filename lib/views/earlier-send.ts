// "Already sent" for the send view's check (SEND-CONTRACT §1 `findEarlier`): the same seller NIP + RodzajFaktury
// + P_2 (KSeF's duplicate key, NOTES §8.4) in the outbox, on its way or accepted, or among the invoices synced
// from KSeF (the organisation's own sales arrive as Subject1). A rejected or failed item is not in KSeF, so a
// corrected file may go again.
import type { InvoicePage, InvoiceSearchQuery } from '../store';
import type { SentItem } from './outbox-view';

export interface EarlierSendFound {
  ksefNumber?: string;
  at: string;
  where: 'outbox' | 'invoices';
  outboxItemId?: string;
}

const IN_KSEF_OR_ON_ITS_WAY = new Set<SentItem['step']>(['queued', 'sending', 'sent', 'accepted']);

/** KSeF's InvoiceType (openapi `InvoiceType`: Vat, KorZal …) as RodzajFaktury writes it (VAT, KOR_ZAL …). */
export function rodzajFromInvoiceType(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The store functions it reads (lib/store `findOutboxByInvoice`, `searchInvoicesPage`). */
export interface EarlierSendSources {
  findOutboxByInvoice(sellerNip: string, kind: string, number: string): Promise<SentItem[]>;
  searchInvoicesPage(query: InvoiceSearchQuery): Promise<InvoicePage>;
}

export function earlierSendFinder(store: EarlierSendSources): (sellerNip: string, kind: string, number: string) => Promise<EarlierSendFound | undefined> {
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
