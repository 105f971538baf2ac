// The toolbar popup: a summary line, one compact card per organisation (state, last check, new invoices, the
// newest few), and a footer that stays in view however many organisations there are (review B8): the result of
// the last check, "Sprawdź teraz", the inbox and the settings. Reads IndexedDB through indexes only (issue 7).
import { Fragment, Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { ProfileCard, type PersistView } from '@/components/popup';
import { LanguageSwitch } from '@/components/ui/LanguageSwitch';
import { t, type Lang } from '@/lib/i18n/popup';
import { inboxTargetSearch } from '@/lib/inbox/open-url';
import type { Request } from '@/lib/messages';
import type { PersistOutcome, Store } from '@/lib/store';
import { popupSummary } from '@/lib/views/popup-summary';
import type { PopupRow } from '@/lib/views/popup-view';
import type { SyncNowAnswer } from '@/lib/views/sync-result';

// Loaded only when wanted (issue 15: popup JavaScript ≤ 350 KB, first render ≤ 100 ms): the renewal offer within
// the certificate's renewal window, the AP link while no organisation has a certificate, and what "Sprawdź
// teraz" needs (./check.ts) on the first click.
const RenewalOffer = lazy(() => import('@/components/custody/RenewalOffer').then((m) => ({ default: m.RenewalOffer })));
const NoCertificateLink = lazy(() => import('@/components/ap-helper/NoCertificateLink').then((m) => ({ default: m.NoCertificateLink })));
type Check = typeof import('./check');

export interface PopupProps {
  store: Store;
  send: (message: Request) => Promise<unknown>;
  /** What the cards show, read from the store (lib/views/popup-view.ts loadPopupRows). */
  loadRows: (store: Store, now: Date) => Promise<PopupRow[]>;
  /**
   * The first read, started by main.tsx before the page language is known, so the store and the language are
   * read side by side (issue 15: first render ≤ 100 ms). Later reads (after "Sprawdź teraz") use loadRows.
   */
  first?: { at: Date; rows: Promise<PopupRow[]> };
  openOptions: (search?: string) => void;
  /** Opens an extension page (path and query) in a tab. */
  openPage: (path: string) => void;
  /** Asks the browser for persistent storage (lib/store requestPersistentStorage on navigator.storage). */
  requestPersistence: () => Promise<PersistOutcome>;
  /** The page language, the one stored setting (lib/views/ui-language.ts), followed live. */
  lang: Lang;
  /** Stores another language for every page (the switch in the header). */
  onLang: (lang: Lang) => void;
}

/** What the footer says: a check under way, its answer (put into words in the current language), or a failure to ask. */
type CheckNote = { kind: 'busy' } | { kind: 'done'; answer: SyncNowAnswer; at: Date } | { kind: 'unsent'; message: string };

export function App({ store, send, loadRows, first, openOptions, openPage, requestPersistence, lang, onLang }: PopupProps) {
  const [data, setData] = useState<PopupRow[] | null>(null);
  const [now, setNow] = useState(() => new Date());
  const [failed, setFailed] = useState(false);
  /** Profiles being checked; `all` while the footer's check runs. */
  const [syncing, setSyncing] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState<CheckNote | null>(null);
  const [persist, setPersist] = useState<PersistView | undefined>(undefined);
  const [check, setCheck] = useState<Check | null>(null);
  /** Profiles whose renewal offer has been shown: it stays mounted through an enrolment and its outcome. */
  const [offered, setOffered] = useState<ReadonlySet<string>>(new Set());

  const show = useCallback((at: Date, rows: PopupRow[]) => {
    setNow(at);
    setData(rows);
    setOffered((before) => {
      const due = rows.filter((row) => row.renewal && !before.has(row.profile.id));
      return due.length > 0 ? new Set([...before, ...due.map((row) => row.profile.id)]) : before;
    });
  }, []);

  // On the click, never in the sync path (RELIABILITY §1.2: Firefox may leave the promise pending).
  function askPersistence() {
    setPersist('asking');
    void requestPersistence().then(setPersist, () => setPersist('unavailable'));
  }

  const load = useCallback(async () => {
    const at = new Date();
    show(at, await loadRows(store, at));
  }, [store, loadRows, show]);

  useEffect(() => {
    let live = true;
    const read = first ? first.rows.then((rows) => ({ at: first.at, rows })) : loadRows(store, new Date()).then((rows) => ({ at: new Date(), rows }));
    read.then(
      ({ at, rows }) => live && show(at, rows),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [store, loadRows, first, show]);

  useEffect(() => {
    if (data) performance.mark('kp-popup-first-render');
  }, [data]);

  /** "Sprawdź teraz" (all organisations) or "Spróbuj ponownie" (one): busy until the worker answers with the result. */
  async function syncNow(profileId?: string) {
    const ids = profileId ? [profileId] : (data ?? []).filter((row) => row.status?.state !== 'not_configured').map((row) => row.profile.id);
    setSyncing(new Set([...ids, ...(profileId ? [] : ['all'])]));
    setNote({ kind: 'busy' });
    try {
      const loaded = check ?? (await import('./check'));
      setCheck(loaded);
      const answer = await loaded.sendRequest<SyncNowAnswer>(profileId ? { type: 'syncNow', profileId } : { type: 'syncNow' }, send);
      setNote({ kind: 'done', answer, at: new Date() });
    } catch (error) {
      setNote({ kind: 'unsent', message: (error as Error).message });
    } finally {
      setSyncing(new Set());
      await load().catch(() => setFailed(true));
    }
  }

  // Nothing but the frame until the store has answered (a few ms): no flash of an empty or wrong state.
  if (!data && !failed) return <main className="kp-popup" aria-busy="true" />;

  const names = (id: string) => data?.find((row) => row.profile.id === id)?.profile.name ?? id;
  const titles = (id: string) => {
    const problem = data?.find((row) => row.profile.id === id)?.status?.problem;
    return problem ? (lang === 'en' ? problem.titleEn : problem.title) : undefined;
  };
  const result = note?.kind === 'done' && check ? check.syncResultText(note.answer, names, note.at, lang, titles) : undefined;
  const busy = syncing.has('all');
  const hasProfiles = !!data && data.length > 0;

  return (
    <main className="kp-popup">
      <header className="kp-popup-head">
        <h1>{t(lang, 'popup_title')}</h1>
        <LanguageSwitch lang={lang} onChange={onLang} compact />
      </header>
      {failed ? <p className="kp-alert kp-alert--error kp-popup-message" role="alert">{t(lang, 'popup_load_failed')}</p> : null}
      {hasProfiles ? <p className="kp-popup-summary">{popupSummary(data, lang)}</p> : null}
      <div className="kp-popup-list">
        {data && data.length === 0 ? <p>{t(lang, 'popup_not_configured')}</p> : null}
        {data?.map((row) => (
          <Fragment key={row.profile.id}>
          <ProfileCard
            profile={row.profile}
            {...(row.status ? { status: row.status } : {})}
            newCount={row.newCount}
            newest={row.newest}
            lang={lang}
            now={now}
            compact={data.length > 1}
            syncing={syncing.has(row.profile.id)}
            onFix={() => openOptions(`?profile=${encodeURIComponent(row.profile.id)}`)}
            onRetry={() => void syncNow(row.profile.id)}
            onLog={() => openPage(`/options.html?profile=${encodeURIComponent(row.profile.id)}&view=log`)}
            onPersist={askPersistence}
            {...(persist ? { persist } : {})}
            onOpenInvoice={(record) =>
              openPage(`/inbox.html${inboxTargetSearch({ profileId: record.profileId, ksefNumbers: [record.ksefNumber] })}`)
            }
          />
          {/* ENROL (issue 14): "Odnów certyfikat" from 30 days before expiry. */}
          {offered.has(row.profile.id) ? (
            <Suspense fallback={null}>
              <RenewalOffer store={store} send={send} profileId={row.profile.id} lang={lang} />
            </Suspense>
          ) : null}
          </Fragment>
        ))}
        {/* AP helper (issue 13): while no organisation has a certificate, the way to get one. */}
        {data && data.every((row) => row.status?.state === 'not_configured') ? (
          <Suspense fallback={null}>
            <NoCertificateLink lang={lang} environment={data[0]?.profile.environment ?? 'production'} />
          </Suspense>
        ) : null}
      </div>
      <footer className="kp-popup-foot">
        <p className={`kp-popup-message${result ? ` kp-popup-message--${result.kind}` : note?.kind === 'unsent' ? ' kp-popup-message--error' : ''}`} role="status">
          {note?.kind === 'busy' ? t(lang, 'popup_syncing') : null}
          {result?.text ?? null}
          {note?.kind === 'unsent' ? t(lang, 'popup_sync_failed', { message: note.message }) : null}
        </p>
        <div className="kp-popup-links">
          {hasProfiles ? (
            <button type="button" className="kp-button" onClick={() => openPage('/inbox.html')}>
              {t(lang, 'popup_open_inbox')}
            </button>
          ) : null}
          {hasProfiles ? (
            <button type="button" className="kp-button kp-button--secondary kp-popup-sync" disabled={syncing.size > 0} aria-busy={busy} onClick={() => void syncNow()}>
              {busy ? t(lang, 'popup_syncing') : t(lang, 'popup_sync_now')}
            </button>
          ) : null}
          <button type="button" className="kp-button kp-button--secondary" onClick={() => openOptions()}>
            {t(lang, 'popup_open_options')}
          </button>
        </div>
      </footer>
    </main>
  );
}
