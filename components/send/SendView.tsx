// "Wysyłka do KSeF" (issue 12, steps 1, 2 and 5): choose or drop files, pick the organisation, see each file's
// local check, send those that passed; below, the sent invoices by sending. Renders only: the page's hooks
// read the store, run the check and talk to the worker.
import { t, tp, type Lang } from '@/lib/i18n';
import type { OutboxBatch, SentItem } from '@/lib/views/outbox-view';
import type { CheckedRow, SendProfileRef } from '@/lib/views/send-files';
import { CheckedFileList } from './CheckedFileList';
import { FileDrop } from './FileDrop';
import { OutboxList } from './OutboxList';
import './send.css';

export interface SendNotice {
  kind: 'ok' | 'error' | 'info';
  text: string;
}

export interface SendViewProps {
  lang: Lang;
  profiles: SendProfileRef[];
  /** '' = by the seller NIP in each file. */
  profileChoice: string;
  onProfileChoice: (profileId: string) => void;
  checking: boolean;
  rows: CheckedRow[];
  onFiles: (files: File[]) => void;
  onRemoveFile: (key: string) => void;
  onClear: () => void;
  sending: boolean;
  onSend: () => void;
  notice?: SendNotice;
  batches: OutboxBatch[];
  now: Date;
  busy: ReadonlySet<string>;
  onOpen: (item: SentItem) => void;
  onRetry: (item: SentItem) => void;
  onRemove: (item: SentItem) => void;
  onExport: () => void;
}

const hasAccepted = (batches: readonly OutboxBatch[]) => batches.some((b) => b.counts.accepted > 0);

export function SendView(props: SendViewProps) {
  const { lang, rows } = props;
  const ready = rows.filter((r) => r.ok).length;
  return (
    <div className="kp-send">
      <section className="kp-card kp-send-pick" aria-labelledby="kp-send-title">
        <h2 id="kp-send-title">{t(lang, 'sendui_title')}</h2>
        <p className="kp-muted">{t(lang, 'sendui_intro')}</p>
        <div className="kp-send-pick-row">
          <FileDrop lang={lang} disabled={props.checking || props.sending} onFiles={props.onFiles} />
          <label className="kp-send-org kp-compact">
            <span>{t(lang, 'sendui_org')}</span>
            <select value={props.profileChoice} onChange={(e) => props.onProfileChoice(e.currentTarget.value)} disabled={props.sending}>
              <option value="">{t(lang, 'sendui_org_auto')}</option>
              {props.profiles.map((p) => (
                <option key={p.id} value={p.id}>{`${p.name} (NIP ${p.nip})`}</option>
              ))}
            </select>
          </label>
        </div>
      </section>

      {props.checking ? <p className="kp-alert kp-alert--info" role="status">{t(lang, 'sendui_checking')}</p> : null}
      {rows.length > 0 ? (
        <div className="kp-card">
          <CheckedFileList rows={rows} lang={lang} onRemove={props.onRemoveFile} />
          <div className="kp-send-buttons">
            <button type="button" className="kp-button" disabled={ready === 0 || props.checking || props.sending} onClick={props.onSend}>
              {ready > 0 ? tp(lang, 'sendui_send', ready) : t(lang, 'sendui_send_none')}
            </button>
            <button type="button" className="kp-button kp-button--secondary" disabled={props.sending} onClick={props.onClear}>
              {t(lang, 'sendui_clear')}
            </button>
          </div>
        </div>
      ) : null}
      {props.notice ? (
        <p className={`kp-alert kp-alert--${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'}>
          {props.notice.text}
        </p>
      ) : null}

      <section className="kp-send-section kp-send-sent" aria-labelledby="kp-send-sent-title">
        <div className="kp-send-sent-head kp-apart">
          <h2 id="kp-send-sent-title">{t(lang, 'sendui_sent_title')}</h2>
          {hasAccepted(props.batches) ? (
            <button type="button" className="kp-button kp-button--secondary" onClick={props.onExport}>
              {t(lang, 'sendui_export')}
            </button>
          ) : null}
        </div>
        {hasAccepted(props.batches) ? <p className="kp-muted kp-send-export-hint">{t(lang, 'sendui_export_hint')}</p> : null}
        <OutboxList
          batches={props.batches}
          lang={lang}
          now={props.now}
          busy={props.busy}
          onOpen={props.onOpen}
          onRetry={props.onRetry}
          onRemove={props.onRemove}
        />
      </section>
    </div>
  );
}
