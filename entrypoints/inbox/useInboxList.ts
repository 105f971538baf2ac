// The list's data: one keyset page at a time through lib/inbox, answered from the store's indexes. A page
// request that a newer one replaces (typing on, another filter, another page) is aborted, not left running.
import { useEffect, useState } from 'react';
import { loadInboxPage, type InboxFilter } from '@/lib/inbox';
import type { InvoiceCursor, InvoiceRecord, Store } from '@/lib/store';

export const PAGE_SIZE = 50;

export interface InboxList {
  /** The rows of the last page loaded; while `loading`, they belong to the previous request. */
  items: InvoiceRecord[];
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  loading: boolean;
  failed: boolean;
  next: () => void;
  prev: () => void;
}

interface Loaded {
  /** The request this page answers; while it differs from the current one, the list is loading. */
  request: string;
  items: InvoiceRecord[];
  next: InvoiceCursor | null;
}

const EMPTY: Loaded = { request: '', items: [], next: null };

/** `filter` null: nothing is wanted yet (typing in progress); the running request is aborted. */
export function useInboxList(store: Store, filter: InboxFilter | null, reload: number): InboxList {
  const filterKey = JSON.stringify(filter);
  /** The cursor each page starts after ([undefined, end of page 1, …]), for the filter it was made for. */
  const [paging, setPaging] = useState({ filterKey, starts: [undefined] as (InvoiceCursor | undefined)[] });
  const starts = paging.filterKey === filterKey ? paging.starts : [undefined];
  const after = starts[starts.length - 1];
  const request = JSON.stringify([filterKey, after ?? null, reload]);
  const [loaded, setLoaded] = useState<Loaded>(EMPTY);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!filter) return;
    const controller = new AbortController();
    const started = performance.now();
    loadInboxPage(store.searchInvoicesPage, filter, { limit: PAGE_SIZE, signal: controller.signal, ...(after ? { after } : {}) })
      .then((page) => {
        if (controller.signal.aborted) return;
        // For the bench (scripts/bench-search.ts): how long the store took to answer this page.
        performance.measure('kp-inbox-query', { start: started });
        setLoaded({ request, items: page.items, next: page.next });
        setFailed(false);
      })
      .catch(() => !controller.signal.aborted && setFailed(true));
    return () => controller.abort();
    // `request` stands for the filter (by value), the cursor and the reload count.
  }, [store, request]); // eslint-disable-line react-hooks/exhaustive-deps

  const loading = loaded.request !== request && !failed;
  const nextCursor = loading ? null : loaded.next;
  return {
    items: loaded.items,
    page: starts.length,
    hasPrev: starts.length > 1 && !loading,
    hasNext: nextCursor !== null,
    loading,
    failed,
    next: () => {
      if (nextCursor) setPaging({ filterKey, starts: [...starts, nextCursor] });
    },
    prev: () => {
      if (starts.length > 1) setPaging({ filterKey, starts: starts.slice(0, -1) });
    },
  };
}
