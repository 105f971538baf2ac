// One invoice for the detail view, adapted to React: lib/views/invoice-view.ts decides what is shown (parsed
// view, KOD I link) and that opening marks it seen; this hook loads, fetches the XML through the worker on
// demand, and keeps the state.
import { useCallback, useEffect, useState } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { sendRequest } from '@/lib/messages';
import type { InvoiceKey, InvoiceRecord, Store } from '@/lib/store';
import { errorText, markOpenedSeen, showInvoice, type Send, type ShownInvoice } from '@/lib/views/invoice-view';

export type { Send } from '@/lib/views/invoice-view';

export interface LoadedInvoice extends Partial<ShownInvoice> {
  missing: boolean;
  fetching: boolean;
  fetchError?: string;
  fetchXml: () => Promise<string | undefined>;
}

export function useInvoice(store: Store, key: InvoiceKey, lang: Lang, send: Send): LoadedInvoice {
  const [state, setState] = useState<Partial<ShownInvoice> & { missing: boolean }>({ missing: false });
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<string>();

  const show = useCallback(
    async (record: InvoiceRecord, xml: string | undefined) => {
      const profile = await store.getProfile(record.profileId);
      setState({ ...(await showInvoice(record, profile, xml, lang)), missing: false });
    },
    [store, lang],
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      const record = await store.getInvoice(key.profileId, key.ksefNumber);
      if (!live) return;
      if (!record) return setState({ missing: true });
      const xml = record.hasXml ? await store.getInvoiceXml(key.profileId, key.ksefNumber) : undefined;
      if (live) await show(record, xml);
      void markOpenedSeen(record, send);
    })();
    return () => {
      live = false;
    };
  }, [store, key.profileId, key.ksefNumber, show, send]); // eslint-disable-line react-hooks/exhaustive-deps

  const fetchXml = useCallback(async () => {
    setFetching(true);
    setFetchError(undefined);
    try {
      const result = await sendRequest<unknown>({ type: 'fetchInvoiceXml', key }, send);
      const given = (result as { xml?: unknown } | null)?.xml;
      const xml = typeof given === 'string' ? given : await store.getInvoiceXml(key.profileId, key.ksefNumber);
      const record = await store.getInvoice(key.profileId, key.ksefNumber);
      if (record && xml !== undefined) await show(record, xml);
      return xml;
    } catch (error) {
      setFetchError(t(lang, 'inbox_xml_failed', { message: errorText(error, lang) }));
      return undefined;
    } finally {
      setFetching(false);
    }
  }, [store, key.profileId, key.ksefNumber, lang, send, show]); // eslint-disable-line react-hooks/exhaustive-deps

  return { ...state, fetching, fetchError, fetchXml };
}
