// The list's data: one keyset page at a time through lib/inbox (indexes only; the search walks bounded chunks).
import { useEffect, useState } from 'react';
import { loadInboxPage, type InboxFilter } from '@/lib/inbox';
import type { InvoiceCursor, InvoiceRecord, Store } from '@/lib/store';

export const PAGE_SIZE = 50;

export interface InboxList {
  items: InvoiceRecord[];
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  partial: boolean;
  scanned: number;
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
  partial: boolean;
  scanned: number;
}

const EMPTY: Loaded = { request: '', items: [], next: null, partial: false, scanned: 0 };

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
    let live = true;
    loadInboxPage(store.listInvoicesPage, filter, { limit: PAGE_SIZE, ...(after ? { after } : {}) })
      .then((page) => {
        if (!live) return;
        setLoaded({ request, items: page.items, next: page.next, partial: page.partial, scanned: page.scanned });
        setFailed(false);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
    // `request` stands for the filter (by value), the cursor and the reload count.
  }, [store, request]); // eslint-disable-line react-hooks/exhaustive-deps

  const loading = loaded.request !== request && !failed;
  const nextCursor = loading ? null : loaded.next;
  return {
    ...loaded,
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
