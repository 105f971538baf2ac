// The sent invoices of every organisation, read from the store (pages read, the worker writes). The store has
// no change events across contexts, so the list is read again on a timer (lib/views/outbox-view refreshDelay:
// often while the worker sends), when the tab becomes visible, and after each of the page's own actions.
import { useCallback, useEffect, useState } from 'react';
import type { Store } from '@/lib/store';
import { refreshDelay, type SentItem } from '@/lib/views/outbox-view';

export interface OutboxState {
  items: SentItem[];
  loaded: boolean;
  failed: boolean;
  /** The time the list was read, for "waits until" texts. */
  now: Date;
  reload: () => void;
}

/** The newest sendings shown; the CSV export reads up to the store's page of 1000 itself. */
export const OUTBOX_SHOWN = 200;

export function useOutbox(store: Store): OutboxState {
  const [state, setState] = useState({ items: [] as SentItem[], loaded: false, failed: false, now: new Date() });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    store
      .listOutbox(undefined, { limit: OUTBOX_SHOWN })
      .then((items) => live && setState({ items, loaded: true, failed: false, now: new Date() }))
      .catch(() => live && setState((s) => ({ ...s, loaded: true, failed: true })));
    return () => {
      live = false;
    };
  }, [store, tick]);

  useEffect(() => {
    const timer = setTimeout(reload, refreshDelay(state.items));
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [state, reload]);

  return { ...state, reload };
}
