// The toolbar popup: per organisation its state, last and next check, new invoices and the newest few;
// "Sprawdź teraz"; links to the inbox and the options. Reads IndexedDB through indexes only (issue 7).
import { useCallback, useEffect, useState } from 'react';
import { ProfileCard, type PersistView } from '@/components/popup';
import { t, type Lang } from '@/lib/i18n/popup';
import { inboxTargetSearch } from '@/lib/inbox/open-url';
import { sendRequest, type Request } from '@/lib/messages';
import type { InvoiceRecord, PersistOutcome, Profile, Store } from '@/lib/store';
import type { ProfileStatus } from '@/lib/views';

export const NEWEST_COUNT = 4;

export interface PopupProps {
  store: Store;
  send: (message: Request) => Promise<unknown>;
  /** Each profile's connection state, read from the store (lib/worker listProfileStatuses). */
  loadStatuses: (store: Store, now: Date) => Promise<ProfileStatus[]>;
  openOptions: (search?: string) => void;
  /** Opens an extension page (path and query) in a tab. */
  openPage: (path: string) => void;
  /** Asks the browser for persistent storage (lib/store requestPersistentStorage on navigator.storage). */
  requestPersistence: () => Promise<PersistOutcome>;
  /** The page language, the one stored setting (lib/views/ui-language.ts), followed live. */
  lang: Lang;
}

interface ProfileData {
  profile: Profile;
  newCount: number;
  newest: InvoiceRecord[];
  status?: ProfileStatus;
}

export function App({ store, send, loadStatuses, openOptions, openPage, requestPersistence, lang }: PopupProps) {
  const [data, setData] = useState<ProfileData[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [syncing, setSyncing] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [persist, setPersist] = useState<PersistView | undefined>(undefined);

  // On the click, never in the sync path (RELIABILITY §1.2: Firefox may leave the promise pending).
  function askPersistence() {
    setPersist('asking');
    void requestPersistence().then(setPersist, () => setPersist('unavailable'));
  }

  const load = useCallback(async () => {
    const profiles = await store.listProfiles();
    const statuses = await loadStatuses(store, new Date()).catch((): ProfileStatus[] => []);
    const rows = await Promise.all(
      profiles.map(async (profile) => {
        const [counts, newest] = await Promise.all([store.countByState(profile.id), store.newestInvoices(profile.id, NEWEST_COUNT)]);
        const status = statuses.find((s) => s.profileId === profile.id);
        return { profile, newCount: counts.new, newest, ...(status ? { status } : {}) };
      }),
    );
    setData(rows);
  }, [store, loadStatuses]);

  useEffect(() => {
    load().catch(() => setFailed(true));
  }, [load]);

  useEffect(() => {
    if (data) performance.mark('kp-popup-first-render');
  }, [data]);

  async function syncNow(profileId: string) {
    setSyncing((s) => new Set(s).add(profileId));
    setMessage(null);
    try {
      const answer = await sendRequest<{ results?: { outcome?: string }[] }>({ type: 'syncNow', profileId }, send);
      // A check that failed or could not run yet says so in the card (its named state); a note above would contradict it.
      const stopped = answer?.results?.some((r) => r.outcome === 'failed' || r.outcome === 'blocked');
      setMessage(stopped ? null : { kind: 'info', text: t(lang, 'popup_sync_started') });
      await load();
    } catch (error) {
      setMessage({ kind: 'error', text: t(lang, 'popup_sync_failed', { message: (error as Error).message }) });
    } finally {
      setSyncing((s) => {
        const next = new Set(s);
        next.delete(profileId);
        return next;
      });
    }
  }

  // Nothing but the frame until the store has answered (a few ms): no flash of an empty or wrong state.
  if (!data && !failed) return <main className="kp-popup" aria-busy="true" />;

  return (
    <main className="kp-popup">
      <header className="kp-popup-head">
        <h1>{t(lang, 'popup_title')}</h1>
      </header>
      {failed ? <p className="kp-alert kp-alert--error kp-popup-message" role="alert">{t(lang, 'popup_load_failed')}</p> : null}
      {message ? (
        <p className={`kp-alert kp-alert--${message.kind} kp-popup-message`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      {data && data.length === 0 ? <p>{t(lang, 'popup_not_configured')}</p> : null}
      {data?.map((row) => (
        <ProfileCard
          key={row.profile.id}
          profile={row.profile}
          {...(row.status ? { status: row.status } : {})}
          newCount={row.newCount}
          newest={row.newest}
          lang={lang}
          syncing={syncing.has(row.profile.id)}
          onSync={() => void syncNow(row.profile.id)}
          onFix={() => openOptions(`?profile=${encodeURIComponent(row.profile.id)}`)}
          onPersist={askPersistence}
          {...(persist ? { persist } : {})}
          onOpenInvoice={(record) =>
            openPage(`/inbox.html${inboxTargetSearch({ profileId: record.profileId, ksefNumbers: [record.ksefNumber] })}`)
          }
        />
      ))}
      <div className="kp-popup-links">
        {data && data.length > 0 ? (
          <button type="button" className="kp-button" onClick={() => openPage('/inbox.html')}>
            {t(lang, 'popup_open_inbox')}
          </button>
        ) : null}
        <button type="button" className="kp-button kp-button--secondary" onClick={() => openOptions()}>
          {t(lang, 'popup_open_options')}
        </button>
      </div>
    </main>
  );
}
