// Builders for the inbox tests: a fresh fake-indexeddb store with Polish-looking invoice metadata.
import { IDBFactory } from 'fake-indexeddb';
import { createStore, type Store } from '../../lib/store/store';
import { defaultPreferences } from '../../lib/store/profiles';
import type { InvoiceMetadata, InvoiceRecord } from '../../lib/store/invoice-record';
import { searchTermsOf } from '../../lib/store/search-terms';

export const NOW = new Date('2026-02-10T12:00:00.000Z');

export const SELLERS = [
  { nip: '5261040828', name: 'Żółta Łódź Sp. z o.o.' },
  { nip: '7740001454', name: 'Biuro Rachunkowe „Bilans” s.c.' },
  { nip: '1132853869', name: 'Hurtownia Papieru ŚWIT' },
] as const;

export function ksefNumberOf(i: number, nip: string): string {
  return `${nip}-20260115-${i.toString(16).toUpperCase().padStart(12, '0')}-${(i % 256).toString(16).toUpperCase().padStart(2, '0')}`;
}

export function metadata(i: number, overrides: Partial<InvoiceMetadata> = {}): InvoiceMetadata {
  const seller = SELLERS[i % SELLERS.length]!;
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const stored = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
  return {
    ksefNumber: ksefNumberOf(i, seller.nip),
    invoiceNumber: `FV/${i}/2025`,
    issueDate: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    invoicingDate: stored.toISOString(),
    acquisitionDate: stored.toISOString(),
    permanentStorageDate: stored.toISOString(),
    seller: { nip: seller.nip, name: seller.name },
    buyer: { identifier: { type: 'Nip', value: '5265877635' }, name: 'Fundacja Otwarte Drzwi' },
    netAmount: 1000 + i,
    grossAmount: Math.round((1000 + i) * 123) / 100,
    vatAmount: Math.round((1000 + i) * 23) / 100,
    currency: 'PLN',
    invoiceType: 'Vat',
    invoiceHash: 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=',
    ...overrides,
  };
}

export async function seededStore(count: number, profiles = ['p1']): Promise<Store> {
  const store = createStore({ indexedDB: new IDBFactory(), now: () => NOW });
  for (const id of profiles) {
    await store.saveProfile({
      id,
      name: `Fundacja ${id}`,
      nip: '5265877635',
      environment: 'test',
      preferences: defaultPreferences(NOW),
    });
  }
  for (const [p, id] of profiles.entries()) {
    const batch = Array.from({ length: count }, (_, i) => metadata(i + p * count));
    await store.putNewInvoices(id, 'Subject2', batch);
  }
  return store;
}

/** A record as the store keeps it, for pure tests that need no database. */
export function record(i: number, overrides: Partial<InvoiceMetadata> = {}, state: InvoiceRecord['state'] = 'new'): InvoiceRecord {
  const m = metadata(i, overrides);
  return {
    profileId: 'p1',
    ksefNumber: m.ksefNumber,
    subjectType: 'Subject2',
    metadata: m,
    issueDate: m.issueDate,
    permanentStorageDate: new Date(m.permanentStorageDate).toISOString(),
    state,
    notified: 0,
    hasXml: 0,
    receivedAt: NOW.toISOString(),
    searchTerms: searchTermsOf(m),
  };
}
