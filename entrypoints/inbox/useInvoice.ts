// One invoice for the detail view: its record, its XML (fetched on demand through the worker), the parsed
// FA(3) view and its KOD I link.
import { useCallback, useEffect, useState } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { isInvoiceError, parseInvoice, verificationLink, type InvoiceView } from '@/lib/invoice';
import type { InvoiceKey, InvoiceRecord, Profile, Store } from '@/lib/store';
import { sendRequest, type Request } from '@/lib/messages';

export type Send = (message: Request) => Promise<unknown>;

export interface LoadedInvoice {
  record?: InvoiceRecord;
  missing: boolean;
  xml?: string;
  view?: InvoiceView;
  parseError?: string;
  link?: string;
  fetching: boolean;
  fetchError?: string;
  fetchXml: () => Promise<string | undefined>;
}

function errorText(error: unknown, lang: Lang): string {
  const e = error as { message?: unknown; messageEn?: unknown };
  if (lang === 'en' && typeof e?.messageEn === 'string') return e.messageEn;
  return typeof e?.message === 'string' ? e.message : t(lang, 'msg_error_UNEXPECTED');
}

async function kodILink(record: InvoiceRecord, profile: Profile | undefined, xml: string | undefined): Promise<string | undefined> {
  // The simulator stands in for KSeF TEST, so its invoices get TEST's verification host.
  const environment = profile?.environment === 'demo' || profile?.environment === 'production' ? profile.environment : 'test';
  const bytes = xml === undefined ? undefined : new TextEncoder().encode(xml);
  try {
    return await verificationLink({
      environment,
      sellerNip: record.metadata.seller.nip,
      issueDate: record.issueDate,
      ...(record.metadata.invoiceHash ? { invoiceHashBase64: record.metadata.invoiceHash } : { xmlBytes: bytes }),
    });
  } catch {
    return undefined;
  }
}

export function useInvoice(store: Store, key: InvoiceKey, lang: Lang, send: Send): LoadedInvoice {
  const [state, setState] = useState<Omit<LoadedInvoice, 'fetchXml' | 'fetching' | 'fetchError'>>({ missing: false });
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<string>();

  const show = useCallback(
    async (record: InvoiceRecord, xml: string | undefined) => {
      const profile = await store.getProfile(record.profileId);
      const link = await kodILink(record, profile, xml);
      if (xml === undefined) return setState({ record, missing: false, link });
      try {
        const view = parseInvoice(xml, { lang, ksefNumber: record.metadata.ksefNumber });
        setState({ record, missing: false, xml, view, link });
      } catch (error) {
        const message = isInvoiceError(error) ? error.messageIn(lang) : errorText(error, lang);
        setState({ record, missing: false, xml, parseError: message, link });
      }
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
      // Opening an invoice marks it seen (issue 7); the worker writes it and updates the badge.
      if (record.state === 'new') {
        sendRequest({ type: 'setInvoiceState', keys: [key], state: 'seen' }, send).catch(() => undefined);
      }
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
