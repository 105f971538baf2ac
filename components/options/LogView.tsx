// The activity log of one organisation (options.html?profile=<id>&view=log): newest first, each entry in
// plain words with its time in Polish time, the technical text (already without secrets) folded under it.
import { warsawDateTime } from '@/lib/core/time';
import { t, type Lang } from '@/lib/i18n';
import type { LogEntryView } from '@/lib/setup';

const LEVEL_BADGE = { info: 'muted', warn: 'warning', error: 'error' } as const;

export function LogView({ lang, name, entries, backHref }: { lang: Lang; name: string; entries: readonly LogEntryView[] | null; backHref: string }) {
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-log" data-testid="log-view" aria-busy={entries === null}>
      <h2 id="kp-log">{t(lang, 'options_log_title', { name })}</h2>
      <p className="kp-muted" style={{ margin: 0 }}>{t(lang, 'options_log_intro')}</p>
      <div><a href={backHref}>{t(lang, 'options_log_back')}</a></div>
      {entries?.length === 0 && <p>{t(lang, 'options_log_empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="kp-options-log">
          {entries.map((e) => {
            const at = warsawDateTime(lang, e.at);
            const level = LEVEL_BADGE[e.level as keyof typeof LEVEL_BADGE] ?? 'muted';
            return (
              <li key={e.id} data-code={e.code} data-level={e.level}>
                <time dateTime={e.at} className="kp-mono">{at.date} {at.time}</time>
                <span className={`kp-badge kp-badge--${level}`}>{t(lang, `options_log_level_${e.level}`)}</span>
                <span>
                  {t(lang, e.key as 'options_log_other')}
                  {e.stored !== undefined ? ` ${t(lang, 'options_log_stored', { count: e.stored })}` : ''}
                </span>
                <details>
                  <summary>{t(lang, 'options_log_details')}</summary>
                  <code>{e.code}: {e.technical}</code>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
