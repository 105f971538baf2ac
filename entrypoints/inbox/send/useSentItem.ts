// One sent invoice for its detail view: the outbox record, its organisation and session (for the collective
// UPO), made ready by lib/views/sent-invoice.ts. Read again while a UPO KSeF will still issue is missing.
import { useEffect, useState } from 'react';
import type { Lang } from '@/lib/i18n';
import type { Store } from '@/lib/store';
import type { SentItem } from '@/lib/views/outbox-view';
import { showSentInvoice, type ShownSentInvoice } from '@/lib/views/sent-invoice';

export const UPO_WAIT_REFRESH_MS = 3_000;

export interface LoadedSentItem extends Partial<ShownSentInvoice> {
  item?: SentItem & { xml: string };
  profileName?: string;
  missing: boolean;
}

export function useSentItem(store: Store, id: string, lang: Lang): LoadedSentItem {
  const [state, setState] = useState<LoadedSentItem>({ missing: false });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const item = await store.getOutboxItem(id);
      if (!live) return;
      if (!item) return setState({ missing: true });
      const profile = await store.getProfile(item.profileId);
      const session = item.sessionRef ? await store.getSendSession(item.sessionRef) : undefined;
      const shown = await showSentInvoice(item, profile, session?.upoXml, lang);
      if (live) setState({ ...shown, item, ...(profile ? { profileName: profile.name } : {}), missing: false });
    })();
    return () => {
      live = false;
    };
  }, [store, id, lang, tick]);

  const step = state.item?.step;
  const waiting = step !== undefined && step !== 'rejected' && step !== 'failed' && (!state.upo || (state.sessionUpo ?? []).length === 0);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setTick((n) => n + 1), UPO_WAIT_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [waiting, state]);

  return state;
}
