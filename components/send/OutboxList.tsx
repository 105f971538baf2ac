// The sent invoices, one table per sending: the state in plain words (lib/views/outbox-view.ts), the KSeF
// number and acceptance date, KSeF's reason for a refusal, and "Pokaż" / "Ponów" / "Usuń" where they apply.
import { warsawDateTime } from '@/lib/core/time';
import { t, type Lang } from '@/lib/i18n';
import { batchSummary, outboxStatus, type OutboxBatch, type SentItem } from '@/lib/views/outbox-view';
import { Badge } from './Badge';

export interface OutboxListProps {
  batches: OutboxBatch[];
  lang: Lang;
  now: Date;
  /** Items whose "Ponów" or "Usuń" is on its way to the worker. */
  busy: ReadonlySet<string>;
  onOpen: (item: SentItem) => void;
  onRetry: (item: SentItem) => void;
  onRemove: (item: SentItem) => void;
}

function When({ at, lang }: { at: string | undefined; lang: Lang }) {
  if (!at) return null;
  const { date, time } = warsawDateTime(lang, at);
  return <>{date} {time}</>;
}

function Row({ item, lang, now, busy, onOpen, onRetry, onRemove }: Omit<OutboxListProps, 'batches' | 'busy'> & { item: SentItem; busy: boolean }) {
  const status = outboxStatus(item, lang, now);
  const number = item.facts.number;
  return (
    <tr className="kp-send-row" data-testid="outbox-row" data-step={item.step}>
      <td data-label={t(lang, 'sendui_col_invoice')}>
        <span className="kp-send-number">{number}</span>
        <span className="kp-send-sub">{item.fileName}</span>
      </td>
      <td data-label={t(lang, 'sendui_col_status')}>
        <Badge tone={status.tone}>{status.label}</Badge>
        {status.reason ? <span className="kp-send-reason">{status.reason}</span> : null}
      </td>
      <td data-label={t(lang, 'sendui_col_ksef')} className="kp-inv-mono kp-send-ksef">{item.ksefNumber ?? ''}</td>
      <td data-label={t(lang, 'sendui_col_accepted')}><When at={item.step === 'accepted' ? item.acquisitionDate : undefined} lang={lang} /></td>
      <td className="kp-send-actions">
        <button type="button" className="kp-button kp-button--secondary kp-send-small" aria-label={t(lang, 'sendui_open_label', { number })} onClick={() => onOpen(item)}>
          {t(lang, 'sendui_open')}
        </button>
        {status.canRetry ? (
          <button type="button" className="kp-button kp-send-small" disabled={busy} aria-label={t(lang, 'sendui_retry_label', { number })} onClick={() => onRetry(item)}>
            {t(lang, 'sendui_retry')}
          </button>
        ) : null}
        {status.canRemove ? (
          <button type="button" className="kp-button kp-button--secondary kp-send-small" disabled={busy} aria-label={t(lang, 'sendui_remove_label', { number })} onClick={() => onRemove(item)}>
            {t(lang, 'sendui_remove')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

export function OutboxList({ batches, lang, now, busy, ...actions }: OutboxListProps) {
  if (batches.length === 0) return <p className="kp-muted">{t(lang, 'sendui_sent_empty')}</p>;
  return (
    <>
      {batches.map((batch) => {
        const { date, time } = warsawDateTime(lang, batch.createdAt);
        return (
          <div key={batch.batchId} className="kp-send-batch" data-testid="outbox-batch">
            <h3>
              {t(lang, 'sendui_batch_title', { date, time })}
              <span className="kp-send-summary">{batchSummary(batch, lang)}</span>
            </h3>
            <table className="kp-inbox-table kp-send-table">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'sendui_col_invoice')}</th>
                  <th scope="col">{t(lang, 'sendui_col_status')}</th>
                  <th scope="col">{t(lang, 'sendui_col_ksef')}</th>
                  <th scope="col">{t(lang, 'sendui_col_accepted')}</th>
                  <th scope="col"><span className="kp-visually-hidden">{t(lang, 'sendui_col_actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {batch.items.map((item) => (
                  <Row key={item.id} item={item} lang={lang} now={now} busy={busy.has(item.id)} {...actions} />
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
