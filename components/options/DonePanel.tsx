// Set-up done: what the organisation does now and the next step: its invoices ("Otwórz faktury (3 nowe)",
// the count from the store), how to pin the icon (the badge and popup are the everyday view), since when
// invoices are fetched, and the activity log.
import { t, tp, type Lang } from '@/lib/i18n';
import { longDay } from '@/lib/setup';

export interface DonePanelProps {
  lang: Lang;
  name: string;
  /** Invoices in state "new" for this organisation. */
  newCount: number;
  firstSyncDone: boolean;
  since: string;
  inboxUrl: string;
  logUrl: string;
}

export function DonePanel(p: DonePanelProps) {
  const { lang } = p;
  return (
    <section className="kp-card kp-stack kp-options-done" aria-labelledby="kp-done" data-testid="done">
      <h2 id="kp-done">{t(lang, 'options_done_title', { name: p.name })}</h2>
      <p className="kp-muted" style={{ margin: 0 }}>
        {p.firstSyncDone ? t(lang, 'options_done_since', { date: longDay(lang, p.since) }) : t(lang, 'options_done_first_sync')}
      </p>
      <div className="kp-row">
        <a className="kp-button" href={p.inboxUrl} target="_blank" rel="noopener" data-testid="open-inbox">
          {p.newCount > 0 ? tp(lang, 'options_done_open_n', p.newCount) : t(lang, 'options_done_open')}
        </a>
        <a className="kp-button kp-button--secondary" href={p.logUrl}>{t(lang, 'options_log_link')}</a>
      </div>
      <div className="kp-alert kp-alert--info" data-testid="pin-hint">
        <h3>{t(lang, 'options_pin_title')}</h3>
        <p>{t(lang, 'options_pin_text')}</p>
      </div>
    </section>
  );
}
