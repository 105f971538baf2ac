// "Pobierz starsze faktury" (review B9), folded under "Starsze faktury": a day before the one invoices are
// fetched from; the worker fetches them without announcing them (lib/worker/older-invoices.ts).
import { useId, useState } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { longDay, olderFromValid } from '@/lib/setup';

export function OlderInvoices(p: { lang: Lang; since: string; suggested: string; busy: boolean; running: boolean; result: { stored: number; from: string } | null; onFetch: (from: string) => void }) {
  const { lang } = p;
  const [from, setFrom] = useState(p.suggested);
  const id = useId();
  const hintId = useId();
  const valid = olderFromValid(from, p.since);
  return (
    <details className="kp-card kp-options-fold" data-testid="older-invoices" open={p.running || p.result !== null ? true : undefined}>
      <summary><h2>{t(lang, 'options_older_title')}</h2></summary>
      <div className="kp-stack">
      <div className="kp-row" style={{ alignItems: 'flex-end' }}>
        <div className="kp-field">
          <label htmlFor={id}>{t(lang, 'options_older_from')}</label>
          <input id={id} className="kp-input" style={{ maxWidth: '12rem' }} type="date" value={from} max={p.since} aria-describedby={hintId}
            aria-invalid={!valid} onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <button type="button" className="kp-button kp-button--secondary" disabled={!valid || p.busy} onClick={() => p.onFetch(from)}>
          {t(lang, 'options_older_button')}
        </button>
      </div>
      <span id={hintId} className={valid ? 'kp-hint' : 'kp-field-error'}>
        {valid ? t(lang, 'options_older_hint') : t(lang, 'options_older_pick_earlier', { date: longDay(lang, p.since) })}
      </span>
      {p.running && <p role="status" style={{ margin: 0 }}>{t(lang, 'options_older_button')}…</p>}
      {p.result && (
        <div className="kp-alert kp-alert--ok" role="status" data-testid="older-result">
          {t(lang, 'options_older_done', { count: p.result.stored, date: longDay(lang, p.result.from) })}
        </div>
      )}
      </div>
    </details>
  );
}
