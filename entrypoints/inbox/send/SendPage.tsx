// The "Wysyłka do KSeF" view of the inbox page (issue 12): wires the file check, the outbox list and the
// worker messages to the components. Sending itself runs in the worker; this page hands files over and reads.
import { useMemo, useState } from 'react';
import { SendView, SentItemDetail, type SendNotice } from '@/components/send';
import { t, type Lang } from '@/lib/i18n';
import { sentCsvFileName, sentInvoicesToCsv } from '@/lib/inbox';
import { sendRequest } from '@/lib/messages';
import type { Profile, Store } from '@/lib/store';
import { errorText, type Send } from '@/lib/views/invoice-view';
import { groupByBatch, hasPending, type SentItem } from '@/lib/views/outbox-view';
import { sendGroups } from '@/lib/views/send-files';
import { upoFileName } from '@/lib/views/upo-view';
import { saveTextFile } from '../download';
import { useFileChecks } from './useFileChecks';
import { useOutbox } from './useOutbox';
import { useSentItem } from './useSentItem';

export interface SendPageProps {
  store: Store;
  send: Send;
  lang: Lang;
  profiles: Profile[];
}

function SentDetail({ store, id, lang, now, onBack }: { store: Store; id: string; lang: Lang; now: Date; onBack: () => void }) {
  const loaded = useSentItem(store, id, lang);
  const { item } = loaded;
  if (loaded.missing) {
    return (
      <div className="kp-send-detail">
        <button type="button" className="kp-button kp-button--secondary" onClick={onBack}>{t(lang, 'sendui_back')}</button>
        <p className="kp-alert kp-alert--warning">{t(lang, 'sendui_not_found')}</p>
      </div>
    );
  }
  if (!item) return <div className="kp-send-detail" aria-busy="true" />;
  const base = item.ksefNumber ?? item.facts.number;
  return (
    <SentItemDetail
      lang={lang}
      item={item}
      {...(loaded.profileName ? { profileName: loaded.profileName } : {})}
      {...(loaded.view ? { view: loaded.view } : {})}
      {...(loaded.parseError ? { parseError: loaded.parseError } : {})}
      {...(loaded.link ? { link: loaded.link } : {})}
      {...(loaded.upo ? { upo: loaded.upo } : {})}
      sessionUpo={loaded.sessionUpo ?? []}
      now={now}
      onBack={onBack}
      onDownloadXml={() => saveTextFile(item.xml, item.fileName, 'application/xml')}
      onDownloadUpo={() => item.upoXml && saveTextFile(item.upoXml, upoFileName(base), 'application/xml')}
      onDownloadSessionUpo={(page) => {
        void store.getSendSession(item.sessionRef ?? '').then((session) => {
          const xml = session?.upoXml?.[page];
          if (xml) saveTextFile(xml, upoFileName(`${item.sessionRef}-${page + 1}`), 'application/xml');
        });
      }}
    />
  );
}

export function SendPage({ store, send, lang, profiles }: SendPageProps) {
  const refs = useMemo(() => profiles.map((p) => ({ id: p.id, nip: p.nip, name: p.name })), [profiles]);
  const outbox = useOutbox(store);
  const files = useFileChecks(store, lang, refs);
  const [sending, setSending] = useState(false);
  /** Said in the language of the moment it is shown (the user may switch after sending). */
  const [notice, setNotice] = useState<{ kind: SendNotice['kind']; text: (lang: Lang) => string }>();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState<string>();
  const batches = useMemo(() => groupByBatch(outbox.items), [outbox.items]);
  const names = useMemo(() => new Map(profiles.map((p) => [p.id, p.name])), [profiles]);

  async function sendReady() {
    setSending(true);
    setNotice(undefined);
    try {
      for (const group of sendGroups(files.checks)) {
        await sendRequest({ type: 'sendInvoices', profileId: group.profileId, files: group.files }, send);
      }
      files.keepRefused();
      setNotice({ kind: 'ok', text: (l) => t(l, 'sendui_sending_started') });
    } catch (error) {
      setNotice({ kind: 'error', text: (l) => t(l, 'sendui_send_failed', { message: errorText(error, l) }) });
    } finally {
      setSending(false);
      outbox.reload();
    }
  }

  async function act(item: SentItem, type: 'retryOutboxItem' | 'removeOutboxItem') {
    setBusy((s) => new Set(s).add(item.id));
    try {
      await sendRequest({ type, itemId: item.id }, send);
    } catch (error) {
      setNotice({ kind: 'error', text: (l) => t(l, 'sendui_action_failed', { message: errorText(error, l) }) });
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(item.id);
        return next;
      });
      outbox.reload();
    }
  }

  async function exportCsv() {
    try {
      // The list carries no invoice text; the rows' net and VAT come from each accepted invoice's text, read here.
      const accepted = [];
      for (const { id, step } of await store.listOutbox(undefined, { limit: 1000 })) {
        const item = step === 'accepted' ? await store.getOutboxItem(id) : undefined;
        if (item) accepted.push(item);
      }
      if (accepted.length === 0) return setNotice({ kind: 'info', text: (l) => t(l, 'sendui_export_empty') });
      const csv = sentInvoicesToCsv(accepted, lang, (i) => names.get((i as SentItem).profileId) ?? '');
      saveTextFile(csv, sentCsvFileName(), 'text/csv;charset=utf-8');
    } catch (error) {
      setNotice({ kind: 'error', text: (l) => t(l, 'sendui_export_failed', { message: errorText(error, l) }) });
    }
  }

  if (opened) return <SentDetail store={store} id={opened} lang={lang} now={outbox.now} onBack={() => setOpened(undefined)} />;
  // "Handed over, sending in the background" holds while the worker sends; the list then says how it ended.
  const shown = notice && !(notice.kind === 'ok' && !hasPending(outbox.items)) ? notice : undefined;
  const checkNotice: SendNotice | undefined = files.error
    ? { kind: 'error', text: files.error }
    : outbox.failed
      ? { kind: 'error', text: t(lang, 'inbox_load_failed') }
      : shown && { kind: shown.kind, text: shown.text(lang) };
  return (
    <SendView
      lang={lang}
      profiles={refs}
      profileChoice={files.profileChoice}
      onProfileChoice={files.setProfileChoice}
      checking={files.checking}
      rows={files.rows}
      onFiles={(list) => {
        setNotice(undefined);
        files.add(list);
      }}
      onRemoveFile={files.remove}
      onClear={files.clear}
      sending={sending}
      onSend={() => void sendReady()}
      {...(checkNotice ? { notice: checkNotice } : {})}
      batches={batches}
      now={outbox.now}
      busy={busy}
      onOpen={(item) => setOpened(item.id)}
      onRetry={(item) => void act(item, 'retryOutboxItem')}
      onRemove={(item) => void act(item, 'removeOutboxItem')}
      onExport={() => void exportCsv()}
    />
  );
}
