// The selected organisation's sync state on the options page (issue 10): the same named state, cause and
// what to do as the popup (SyncStatus), the last and next check, and every KSeF number set aside.
import { SyncStatus, type PersistView } from '@/components/popup';
import { t, type Lang } from '@/lib/i18n';
import { formatDate } from '@/lib/invoice/format';
import type { ProfileStatus } from '@/lib/views';

export function SyncStatusCard(props: { lang: Lang; status?: ProfileStatus; onPersist: () => void; persist?: PersistView }) {
  const { lang, status } = props;
  const numbers = status?.skipped?.ksefNumbers ?? [];
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-sync-status" data-testid="sync-status">
      <h2 id="kp-sync-status">{t(lang, 'options_section_sync_status')}</h2>
      <SyncStatus status={status} lang={lang} syncing={false} onPersist={props.onPersist} {...(props.persist ? { persist: props.persist } : {})} />
      <p className="kp-hint" style={{ margin: 0 }}>
        {status?.lastSyncAt ? t(lang, 'popup_last_sync', { time: formatDate(status.lastSyncAt, lang) }) : t(lang, 'popup_never_synced')}
        {status?.nextSyncAt ? ` · ${t(lang, 'popup_next_sync', { time: formatDate(status.nextSyncAt, lang) })}` : null}
      </p>
      {numbers.length > 0 ? (
        <details>
          <summary>{t(lang, 'options_skipped_numbers')}</summary>
          <ul className="kp-options-skipped">
            {numbers.map((n) => <li key={n}><code>{n}</code></li>)}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
