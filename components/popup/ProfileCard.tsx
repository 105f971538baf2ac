// One organisation in the popup: its sync state (SyncStatus: the named state, its cause and what to do), the
// last and next check, new invoices and the newest few.
import { t, tp, type Lang } from '@/lib/i18n/popup';
import { formatAmount, formatDate } from '@/lib/invoice/format';
import type { InvoiceRecord, Profile } from '@/lib/store';
import type { ProfileStatus } from '@/lib/views';
import { SyncStatus, type PersistView } from './SyncStatus';

export interface ProfileCardProps {
  profile: Profile;
  status?: ProfileStatus;
  newCount: number;
  newest: InvoiceRecord[];
  lang: Lang;
  syncing: boolean;
  onSync: () => void;
  onFix: () => void;
  /** Asks the browser for persistent storage (shown when the storage is full). */
  onPersist?: () => void;
  persist?: PersistView;
  onOpenInvoice: (record: InvoiceRecord) => void;
}

export function ProfileCard({ profile, status, newCount, newest, lang, syncing, onSync, onFix, onPersist, persist, onOpenInvoice }: ProfileCardProps) {
  return (
    <section className="kp-popup-profile" aria-labelledby={`kp-p-${profile.id}`}>
      <header className="kp-popup-profile-head kp-apart">
        <h2 id={`kp-p-${profile.id}`}>{profile.name}</h2>
        <span className="kp-muted">{t(lang, 'popup_profile_nip', { nip: profile.nip })}</span>
      </header>
      <SyncStatus status={status} lang={lang} syncing={syncing} onFix={onFix} onPersist={onPersist} persist={persist} />
      <p className="kp-popup-times kp-muted">
        {status?.lastSyncAt ? t(lang, 'popup_last_sync', { time: formatDate(status.lastSyncAt, lang) }) : t(lang, 'popup_never_synced')}
        {status?.nextSyncAt ? (
          <>
            <br />
            {t(lang, 'popup_next_sync', { time: formatDate(status.nextSyncAt, lang) })}
          </>
        ) : null}
      </p>
      <p className={`kp-popup-new${newCount > 0 ? ' kp-popup-new--some' : ''}`}>
        {newCount > 0
          ? tp(lang, 'popup_new_count', newCount, { count: newCount.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB') })
          : t(lang, 'popup_no_new')}
      </p>
      {newest.length > 0 ? (
        <>
          <h3 className="kp-popup-newest-title">{t(lang, 'popup_newest')}</h3>
          <ul className="kp-popup-newest">
            {newest.map((record) => (
              <li key={record.ksefNumber} className={record.state === 'new' ? 'kp-popup-inv--new' : undefined}>
                <button
                  type="button"
                  className="kp-popup-inv"
                  aria-label={t(lang, 'popup_open_invoice', { number: record.metadata.invoiceNumber })}
                  onClick={() => onOpenInvoice(record)}
                >
                  <span className="kp-popup-inv-seller">{record.metadata.seller.name ?? record.metadata.seller.nip}</span>
                  <span className="kp-popup-inv-amount">
                    {formatAmount(String(record.metadata.grossAmount), record.metadata.currency, lang)}
                  </span>
                  <span className="kp-popup-inv-number">{record.metadata.invoiceNumber}</span>
                  <span className="kp-popup-inv-date">{formatDate(record.issueDate, lang)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="kp-muted">{t(lang, 'popup_no_invoices')}</p>
      )}
      <button type="button" className="kp-button kp-button--secondary kp-popup-sync" disabled={syncing} onClick={onSync}>
        {t(lang, 'popup_sync_now')}
      </button>
    </section>
  );
}
