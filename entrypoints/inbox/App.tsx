// The inbox page: the list with filters, selection, marking and CSV export; the invoice view; and the
// notification-click address (?profile=&ksef=) that opens exactly the invoices it names.
import { Suspense, useEffect, useMemo, useState } from 'react';
import { EMPTY_FORM, InboxActions, InboxFilters, InboxHeader, InvoiceTable, keyFromString, keyString, Pager, toInboxFilter, type FilterForm } from '@/components/inbox';
import { SendTabs } from '@/components/send/SendTabs';
import { LanguageSwitch } from '@/components/ui/LanguageSwitch';
import { t, type Lang } from '@/lib/i18n';
import { parseInboxTarget, searchDelay } from '@/lib/inbox';
import type { InvoiceKey, InvoiceRecord, InvoiceState, Profile, Store } from '@/lib/store';
import { InvoiceDetail } from './InvoiceDetail';
import { LazySendPage, useHashTab } from './send';
import type { Send } from './useInvoice';
import { useInboxActions } from './useInboxActions';
import { useInboxList } from './useInboxList';
import { useSyncHeader } from './useSyncHeader';
import { useTargetInvoices } from './useTargetInvoices';

export interface AppProps {
  store: Store;
  send: Send;
  /** location.search of the page: the notification click's `?profile=&ksef=`. */
  search: string;
  openOptions: () => void;
  /** The page language, the one stored setting (lib/views/ui-language.ts), followed live. */
  lang: Lang;
  /** Stores a new language; every open page follows. */
  onLang: (lang: Lang) => void;
}

export function App({ store, send, search, openOptions, lang, onLang }: AppProps) {
  const target = useMemo(() => parseInboxTarget(search), [search]);
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [form, setForm] = useState<FilterForm>({ ...EMPTY_FORM, profileId: target.profileId ?? '' });
  /** The search text the list answers: it trails the box only while a short text waits for a pause. */
  const [settled, setSettled] = useState(form.search);
  const [showTarget, setShowTarget] = useState(target.ksefNumbers.length > 0);
  const [opened, setOpened] = useState<InvoiceKey | null>(
    target.profileId && target.ksefNumbers.length === 1 ? { profileId: target.profileId, ksefNumber: target.ksefNumbers[0]! } : null,
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reload, setReload] = useState(0);
  const [counts, setCounts] = useState<Record<InvoiceState, number>>();
  const [loadFailed, setLoadFailed] = useState(false);
  /** The first list (or the notification's invoices) is on screen: the counts and the header's times may be read. */
  const [firstShown, setFirstShown] = useState(false);
  const tab = useHashTab();

  useEffect(() => {
    store.listProfiles().then(setProfiles, () => setLoadFailed(true));
  }, [store]);

  // A text the index answers at once is searched on the key that made it (lib/inbox searchDelay: issue 15,
  // ≤ 100 ms from the key to the rows); one or two characters wait for a pause in typing.
  const wait = searchDelay(form.search);
  useEffect(() => {
    if (form.search === settled) return;
    if (wait === 0) return setSettled(form.search);
    const timer = setTimeout(() => setSettled(form.search), wait);
    return () => clearTimeout(timer);
  }, [form.search, settled, wait]);

  const { busy, message, mark, exportCsv } = useInboxActions(store, send, lang, () => setReload((n) => n + 1));
  const markSelected = async (state: InvoiceState) => {
    if (await mark([...selected].map(keyFromString), state)) setSelected(new Set());
  };

  // While a short text waits for the pause, no list is wanted: the running search is aborted at once, not
  // when the pause ends (issue 15: an obsolete search cancelled when the next key arrives). Any other key
  // replaces the filter at once, which aborts the search it makes obsolete (useInboxList).
  const typing = form.search !== settled && wait > 0;
  const searched = typing ? settled : form.search;
  const applied = useMemo(() => ({ ...form, search: searched }), [form, searched]);
  const filter = useMemo(() => (showTarget || typing ? null : toInboxFilter(applied)), [applied, showTarget, typing]);
  const list = useInboxList(store, filter, reload);
  const targetList = useTargetInvoices(store, showTarget ? target : null, reload);
  const items: InvoiceRecord[] = showTarget ? targetList.items : list.items;

  useEffect(() => {
    if (!list.loading && profiles) performance.mark('kp-inbox-first-page');
  }, [list.loading, profiles]);
  const shown = profiles !== null && (showTarget ? !targetList.loading : !list.loading);
  useEffect(() => {
    if (shown) setFirstShown(true);
  }, [shown]);

  // The filter's counts start once the first page is shown, so they never queue ahead of the list's reads on
  // the same IndexedDB backend (review §3.3), whatever a count costs.
  useEffect(() => {
    if (firstShown) store.countByState(applied.profileId || undefined).then(setCounts, () => undefined);
  }, [store, applied.profileId, reload, firstShown]);

  useEffect(() => {
    document.title = `${t(lang, 'inbox_title')} – KSeF Pilot`;
  }, [lang]);

  const profileNames = useMemo(() => new Map((profiles ?? []).map((p) => [p.id, p.name])), [profiles]);
  const sync = useSyncHeader(store, send, lang, profiles, firstShown, applied.profileId, () => setReload((n) => n + 1));
  const header = (note?: string) => (
    <InboxHeader
      lang={lang}
      onLang={onLang}
      organisations={sync.organisations}
      checking={sync.checking}
      result={sync.result}
      onCheckNow={sync.checkNow}
      onOpenSettings={openOptions}
      {...(note ? { note } : {})}
    />
  );

  if (loadFailed || list.failed) {
    return <main className="kp-inbox"><p className="kp-alert kp-alert--error" role="alert">{t(lang, 'inbox_load_failed')}</p></main>;
  }
  if (profiles && profiles.length === 0) {
    return (
      <main className="kp-inbox">
        <header className="kp-inbox-head">
          <h1>{t(lang, 'inbox_title')}</h1>
          <LanguageSwitch lang={lang} onChange={onLang} />
        </header>
        <p className="kp-alert kp-alert--info">{t(lang, 'inbox_no_profiles')}</p>
        <button type="button" className="kp-button" onClick={openOptions}>{t(lang, 'inbox_open_options')}</button>
      </main>
    );
  }
  if (tab === 'send' && profiles) {
    return (
      <main className="kp-inbox">
        {header()}
        <SendTabs tab={tab} lang={lang} />
        <Suspense fallback={<p className="kp-muted">{t(lang, 'inbox_loading')}</p>}>
          <LazySendPage store={store} send={send} lang={lang} profiles={profiles} />
        </Suspense>
      </main>
    );
  }
  if (opened) {
    // Previous / next walk the list the invoice was opened from (this page of it), as a mail client does.
    const at = items.findIndex((r) => r.profileId === opened.profileId && r.ksefNumber === opened.ksefNumber);
    const go = (record: InvoiceRecord | undefined) =>
      record ? () => setOpened({ profileId: record.profileId, ksefNumber: record.ksefNumber }) : undefined;
    return (
      <main className="kp-inbox">
        <InvoiceDetail
          store={store}
          invoiceKey={opened}
          lang={lang}
          send={send}
          {...(at >= 0 ? { position: { index: at, count: items.length }, onPrev: go(items[at - 1]), onNext: go(items[at + 1]) } : {})}
          onBack={() => {
            setOpened(null);
            setReload((n) => n + 1);
          }}
          onMark={(keys, state) => void mark(keys, state)}
          key={`${keyString(opened)}/${reload}`}
        />
      </main>
    );
  }

  const toggle = (record: InvoiceRecord) =>
    setSelected((s) => {
      const next = new Set(s);
      const key = keyString(record);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const togglePage = (select: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const record of items) {
        if (select) next.add(keyString(record));
        else next.delete(keyString(record));
      }
      return next;
    });

  return (
    <main className="kp-inbox">
      {header(!showTarget && list.loading ? t(lang, 'inbox_loading') : undefined)}
      <SendTabs tab={tab} lang={lang} />
      {showTarget ? (
        <div className="kp-alert kp-alert--info kp-inbox-message">
          <strong>{t(lang, 'inbox_target_banner')}</strong>{' '}
          <button type="button" className="kp-button kp-button--secondary" onClick={() => setShowTarget(false)}>
            {t(lang, 'inbox_show_all')}
          </button>
          {targetList.missing > 0 ? <p>{t(lang, 'inbox_target_missing')}</p> : null}
        </div>
      ) : (
        <InboxFilters
          form={form}
          profiles={profiles ?? []}
          counts={counts}
          lang={lang}
          onChange={setForm}
          onClear={() => setForm(EMPTY_FORM)}
        />
      )}
      <InboxActions
        selectedCount={selected.size}
        busy={busy}
        lang={lang}
        onMark={(state) => void markSelected(state)}
        onExport={() => void exportCsv(showTarget ? targetList.items : toInboxFilter(applied))}
      />
      {message ? (
        <p className={`kp-alert kp-alert--${message.kind} kp-inbox-message`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {items.length > 0 ? (
        <InvoiceTable
          items={items}
          stale={!showTarget && list.loading}
          selected={selected}
          lang={lang}
          profileNames={profileNames}
          onToggle={toggle}
          onTogglePage={togglePage}
          onOpen={(record) => setOpened({ profileId: record.profileId, ksefNumber: record.ksefNumber })}
          onFilterSeller={(nip) => setForm({ ...form, sellerNip: nip })}
        />
      ) : (showTarget ? !targetList.loading : !list.loading) ? (
        <p className="kp-alert kp-alert--info kp-inbox-message">{t(lang, 'inbox_empty')}</p>
      ) : null}
      {showTarget ? null : (
        <Pager page={list.page} hasPrev={list.hasPrev} hasNext={list.hasNext} lang={lang} onPrev={list.prev} onNext={list.next} />
      )}
    </main>
  );
}
