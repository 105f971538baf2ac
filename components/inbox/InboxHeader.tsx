// The inbox's header (issue 16, B13): which organisation(s) the list is of and when each was last checked,
// "Sprawdź teraz" with its result, the way to the settings and the one language switch. It renders; the page
// runs the check (entrypoints/inbox/useSyncHeader.ts).
import { LanguageSwitch } from '@/components/ui/LanguageSwitch';
import { t, type Lang } from '@/lib/i18n';

export interface HeaderOrganisation {
  id: string;
  name: string;
  nip: string;
  /** "dziś 16:09" (lib/views/when-text.ts), or undefined when never checked. */
  lastSync?: string;
}

export interface InboxHeaderProps {
  lang: Lang;
  onLang: (lang: Lang) => void;
  organisations: HeaderOrganisation[];
  checking: boolean;
  /** The last check's outcome, in one line. */
  result?: { kind: 'info' | 'warning' | 'error'; text: string } | null;
  onCheckNow: () => void;
  onOpenSettings: () => void;
  /** A short note beside the title (e.g. "Wczytywanie…"). */
  note?: string;
}

export function InboxHeader({ lang, onLang, organisations, checking, result, onCheckNow, onOpenSettings, note }: InboxHeaderProps) {
  return (
    <header className="kp-inbox-head kp-no-print">
      <div className="kp-inbox-title">
        <h1>{t(lang, 'inbox_title')}</h1>
        {organisations.length > 0 ? (
          <ul className="kp-inbox-orgs" aria-label={t(lang, 'inbox_organisations')}>
            {organisations.map((org) => (
              <li key={org.id}>
                <span className="kp-inbox-org-name">{org.name}</span>{' '}
                <span className="kp-muted kp-inbox-org-nip">NIP {org.nip}</span>
                <span className="kp-muted">
                  {' · '}
                  {org.lastSync ? t(lang, 'inbox_last_sync', { time: org.lastSync }) : t(lang, 'inbox_never_synced')}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="kp-inbox-tools">
        {note ? <span className="kp-muted">{note}</span> : null}
        <button type="button" className="kp-button" disabled={checking} aria-busy={checking} onClick={onCheckNow}>
          {checking ? t(lang, 'inbox_checking') : t(lang, 'inbox_check_now')}
        </button>
        <button type="button" className="kp-button kp-button--secondary" onClick={onOpenSettings}>
          {t(lang, 'inbox_settings')}
        </button>
        <LanguageSwitch lang={lang} onChange={onLang} />
      </div>
      <p className={result ? `kp-alert kp-alert--${result.kind} kp-inbox-check-result` : 'kp-visually-hidden'} role="status">
        {result?.text ?? ''}
      </p>
    </header>
  );
}
