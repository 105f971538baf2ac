// The inbox's writes and exports: marking goes through the worker (it writes and updates the badge); the
// CSV is built here from what the filter shows.
import { useState } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { collectInvoices, csvFileName, invoicesToCsv, type InboxFilter } from '@/lib/inbox';
import { sendRequest } from '@/lib/messages';
import type { InvoiceKey, InvoiceRecord, InvoiceState, Store } from '@/lib/store';
import { saveTextFile } from './download';
import type { Send } from './useInvoice';

export interface InboxMessage {
  kind: 'error' | 'info';
  text: string;
}

export function useInboxActions(store: Store, send: Send, lang: Lang, afterMark: () => void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<InboxMessage | null>(null);

  async function run(action: () => Promise<void>, failure: 'inbox_action_failed' | 'inbox_export_failed') {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage({ kind: 'error', text: t(lang, failure, { message: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  /** Marks invoices; returns whether the worker accepted it. */
  async function mark(keys: InvoiceKey[], state: InvoiceState): Promise<boolean> {
    let ok = false;
    await run(async () => {
      await sendRequest({ type: 'setInvoiceState', keys, state }, send);
      ok = true;
    }, 'inbox_action_failed');
    afterMark();
    return ok;
  }

  /** Exports what the filter shows (or the given records, for a notification's list). */
  function exportCsv(source: InboxFilter | InvoiceRecord[]): Promise<void> {
    return run(async () => {
      const { items, truncated } = Array.isArray(source)
        ? { items: source, truncated: false }
        : await collectInvoices(store.searchInvoicesPage, source);
      saveTextFile(invoicesToCsv(items, lang), csvFileName(), 'text/csv;charset=utf-8');
      if (truncated) setMessage({ kind: 'info', text: t(lang, 'inbox_export_truncated', { count: items.length }) });
    }, 'inbox_export_failed');
  }

  return { busy, message, mark, exportCsv };
}
