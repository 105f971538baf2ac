// One organisation in the popup, compact enough that three fit beside the sticky footer (review B8): its name
// and new count, its sync state (SyncStatus: the named state, its cause and what to do), when it was last
// checked (the last SUCCESSFUL check while a failure is shown, B4), and its newest invoices.
import { t, tp, type Lang } from '@/lib/i18n/popup';
import { formatAmount } from '@/lib/invoice/format';
import type { InvoiceRecord, Profile } from '@/lib/store';
import type { ProfileStatus } from '@/lib/views';
import { dayWhenText, whenText } from '@/lib/views/when-text';
import { SyncStatus, type PersistView } from './SyncStatus';

export interface ProfileCardProps {
  profile: Profile;
  status?: ProfileStatus;
  newCount: number;
  newest: InvoiceRecord[];
  lang: Lang;
  now: Date;
  syncing: boolean;
  onFix: () => void;
  /** "Spróbuj ponownie" after a failure that resolves on its own. */
  onRetry: () => void;
  /** The organisation's activity log. */
  onLog: () => void;
  /** Asks the browser for persistent storage (shown when the storage is full). */
  onPersist?: () => void;
  persist?: PersistView;
  onOpenInvoice: (record: InvoiceRecord) => void;
  /** One of several organisations: the card keeps to what a glance needs. */
  compact?: boolean;
}

/** The times line: the last check and the next one, or while failing the last one that succeeded. */
function timesText(status: ProfileStatus | undefined, now: Date, lang: Lang): string {
  if (!status?.lastSyncAt) return t(lang, 'popup_never_synced');
  const failing = status.problem !== undefined && status.failingSince !== undefined;
  if (failing) {
    return status.lastSuccessAt ? t(lang, 'popup_last_success', { time: whenText(status.lastSuccessAt, now, lang) }) : t(lang, 'popup_never_succeeded');
  }
  const last = t(lang, 'popup_last_sync', { time: whenText(status.lastSyncAt, now, lang) });
  return status.nextSyncAt ? `${last} · ${t(lang, 'popup_next_sync_short', { time: whenText(status.nextSyncAt, now, lang) })}` : last;
}

export function ProfileCard(props: ProfileCardProps) {
  const { profile, status, newCount, newest, lang, now, syncing } = props;
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  return (
    <section className="kp-popup-profile" aria-labelledby={`kp-p-${profile.id}`}>
      <header className="kp-popup-profile-head">
        <h2 id={`kp-p-${profile.id}`} title={profile.name}>{profile.name}</h2>
        {/* "2 nowe" beside the name (the name keeps the room); the summary line above says it in full. */}
        {newCount > 0 ? <span className="kp-popup-new">{tp(lang, 'popup_new_badge', newCount, { count: newCount.toLocaleString(locale) })}</span> : null}
      </header>
      <p className="kp-popup-times kp-muted">
        <span className="kp-popup-nip">{t(lang, 'popup_profile_nip', { nip: profile.nip })}</span>
        {' · '}
        {timesText(status, now, lang)}
      </p>
      <SyncStatus
        status={status}
        lang={lang}
        syncing={syncing}
        onFix={props.onFix}
        onRetry={props.onRetry}
        onLog={props.onLog}
        compact={props.compact ?? false}
        {...(props.onPersist ? { onPersist: props.onPersist } : {})}
        {...(props.persist ? { persist: props.persist } : {})}
      />
      {newest.length > 0 ? (
        <ul className="kp-popup-newest" aria-label={t(lang, 'popup_newest')}>
          {newest.map((record) => (
            <li key={record.ksefNumber} className={record.state === 'new' ? 'kp-popup-inv--new' : undefined}>
              {/* No aria-label: the name is the text shown (seller, amount, number, date), so voice control
                  finds it by what the user sees (axe label-content-name-mismatch, review B16). */}
              <button type="button" className="kp-popup-inv" onClick={() => props.onOpenInvoice(record)}>
                <span className="kp-popup-inv-seller">{record.metadata.seller.name ?? record.metadata.seller.nip}</span>
                <span className="kp-popup-inv-amount">
                  {formatAmount(String(record.metadata.grossAmount), record.metadata.currency, lang)}
                </span>
                <span className="kp-popup-inv-number">{record.metadata.invoiceNumber}</span>
                <span className="kp-popup-inv-date">{dayWhenText(record.issueDate, now, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : props.compact ? null : (
        <p className="kp-muted kp-popup-none">{t(lang, 'popup_no_invoices')}</p>
      )}
    </section>
  );
}
