// The chosen files after the local check: each ready one with what it is and for whom it goes, each stopped one
// with every reason and where in the file (line, element). All of it is text from the file: React text only.
import { t, tp, type Lang } from '@/lib/i18n';
import { formatAmount, formatDate } from '@/lib/invoice';
import type { CheckedRow } from '@/lib/views/send-files';
import { Badge } from './Badge';

export interface CheckedFileListProps {
  rows: CheckedRow[];
  lang: Lang;
  onRemove: (key: string) => void;
}

function Facts({ row, lang }: { row: CheckedRow; lang: Lang }) {
  const f = row.facts;
  if (!f) return null;
  const buyer = [f.buyerName, f.buyerNip ? `NIP ${f.buyerNip}` : undefined].filter(Boolean).join(', ');
  return (
    <dl className="kp-send-facts">
      <div><dt>{t(lang, 'sendui_fact_number')}</dt><dd>{f.number}</dd></div>
      <div><dt>{t(lang, 'sendui_fact_issue_date')}</dt><dd>{formatDate(f.issueDate, lang)}</dd></div>
      {buyer ? <div><dt>{t(lang, 'sendui_fact_buyer')}</dt><dd>{buyer}</dd></div> : null}
      {f.gross ? <div><dt>{t(lang, 'sendui_fact_gross')}</dt><dd>{formatAmount(f.gross, f.currency ?? 'PLN', lang)}</dd></div> : null}
    </dl>
  );
}

export function CheckedFileList({ rows, lang, onRemove }: CheckedFileListProps) {
  const ready = rows.filter((r) => r.ok).length;
  const refused = rows.length - ready;
  return (
    <section className="kp-send-section" aria-labelledby="kp-send-checked">
      <h2 id="kp-send-checked">{t(lang, 'sendui_checks_title')}</h2>
      <p className="kp-send-counts" role="status">
        {ready > 0 ? <span className="kp-send-count-ok">{tp(lang, 'sendui_ready_count', ready)}</span> : null}
        {ready > 0 && refused > 0 ? ' · ' : null}
        {refused > 0 ? <span className="kp-send-count-bad">{tp(lang, 'sendui_refused_count', refused)}</span> : null}
      </p>
      <ul className="kp-send-files">
        {rows.map((row) => (
          <li key={row.key} className={`kp-send-file kp-send-file--${row.ok ? 'ok' : 'bad'}`} data-testid="send-file">
            <div className="kp-send-file-head">
              <span className="kp-send-mark" aria-hidden="true">{row.ok ? '✓' : '✕'}</span>
              <span className="kp-send-file-name">{row.fileName}</span>
              <Badge tone={row.ok ? 'ok' : 'error'}>{t(lang, row.ok ? 'sendui_file_ok' : 'sendui_file_bad')}</Badge>
              <button
                type="button"
                className="kp-button kp-button--secondary kp-send-small"
                aria-label={t(lang, 'sendui_remove_file', { file: row.fileName })}
                onClick={() => onRemove(row.key)}
              >
                ✕
              </button>
            </div>
            <Facts row={row} lang={lang} />
            {row.ok && row.profile ? (
              <p className="kp-send-for">{t(lang, 'sendui_for_org', { name: row.profile.name, nip: row.profile.nip })}</p>
            ) : null}
            {row.problems.length > 0 ? (
              <ul className="kp-send-problems" aria-label={t(lang, 'sendui_problems_label')}>
                {row.problems.map((p, i) => (
                  <li key={i} data-code={p.code}>{p.text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
