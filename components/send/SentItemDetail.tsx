// One sent invoice: its state and KSeF number, the readable invoice with KOD I (the same renderer as received
// invoices: what a seller prints for a buyer outside KSeF), its UPO and the session's collective UPO.
import { InvoiceDocument } from '@/components/invoice';
import { warsawDateTime } from '@/lib/core/time';
import { t, type Lang } from '@/lib/i18n';
import type { InvoiceView } from '@/lib/invoice';
import { outboxStatus, type SentItem } from '@/lib/views/outbox-view';
import type { UpoReadResult } from '@/lib/views/upo-view';
import { Badge } from './Badge';
import { UpoPanel } from './UpoPanel';

export interface SentItemDetailProps {
  lang: Lang;
  item: SentItem;
  profileName?: string;
  view?: InvoiceView;
  parseError?: string;
  /** KOD I, only for an accepted invoice (the link names the file KSeF holds). */
  link?: string;
  upo?: UpoReadResult;
  /** The session's collective UPO, page by page (absent until KSeF issued it). */
  sessionUpo: UpoReadResult[];
  now: Date;
  onBack: () => void;
  onDownloadXml: () => void;
  onDownloadUpo: () => void;
  onDownloadSessionUpo: (page: number) => void;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="kp-inv-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SentItemDetail(props: SentItemDetailProps) {
  const { lang, item, view, link, now } = props;
  const status = outboxStatus(item, lang, now);
  const accepted = item.step === 'accepted';
  const at = (iso: string | undefined) => (iso ? Object.values(warsawDateTime(lang, iso)).join(' ') : undefined);
  return (
    <div className="kp-inbox-detail kp-send-detail">
      <div className="kp-inbox-detail-bar kp-no-print">
        <button type="button" className="kp-button kp-button--secondary" onClick={props.onBack}>{t(lang, 'sendui_back')}</button>
        <button type="button" className="kp-button kp-button--secondary" onClick={props.onDownloadXml}>{t(lang, 'sendui_download_xml')}</button>
        {accepted && view ? (
          <button type="button" className="kp-button kp-button--secondary" onClick={() => window.print()}>{t(lang, 'sendui_print')}</button>
        ) : null}
      </div>
      <section className="kp-card kp-send-meta kp-no-print">
        <h1>{t(lang, 'sendui_detail_title', { number: item.facts.number })}</h1>
        <dl className="kp-inv-fields">
          <Field label={t(lang, 'sendui_col_status')}>
            <Badge tone={status.tone}>{status.label}</Badge>
          </Field>
          {status.reason ? <Field label={t(lang, 'sendui_detail_reason')}><span className="kp-send-reason">{status.reason}</span></Field> : null}
          {item.ksefNumber ? <Field label={t(lang, 'sendui_col_ksef')}><span className="kp-inv-mono">{item.ksefNumber}</span></Field> : null}
          {accepted && item.acquisitionDate ? <Field label={t(lang, 'sendui_detail_acquired')}>{at(item.acquisitionDate)}</Field> : null}
          {accepted && item.permanentStorageDate ? <Field label={t(lang, 'sendui_detail_stored')}>{at(item.permanentStorageDate)}</Field> : null}
          {props.profileName ? <Field label={t(lang, 'sendui_detail_org')}>{props.profileName}</Field> : null}
          <Field label={t(lang, 'sendui_detail_file')}>{item.fileName}</Field>
        </dl>
        {accepted && link ? <p className="kp-alert kp-alert--info">{t(lang, 'sendui_kod_hint')}</p> : null}
      </section>
      {accepted ? (
        <>
          <UpoPanel
            lang={lang}
            upo={props.upo}
            sentHash={item.facts.sha256Base64}
            title={t(lang, 'sendui_upo_title')}
            missingText={t(lang, 'sendui_upo_missing')}
            downloadLabel={t(lang, 'sendui_upo_download')}
            {...(props.upo ? { onDownload: props.onDownloadUpo } : {})}
          />
          {props.sessionUpo.length === 0 ? (
            <UpoPanel lang={lang} upo={undefined} title={t(lang, 'sendui_upo_session_title')} missingText={t(lang, 'sendui_upo_session_missing')} downloadLabel="" />
          ) : (
            props.sessionUpo.map((page, i) => (
              <UpoPanel
                key={i}
                lang={lang}
                upo={page}
                sentHash={item.facts.sha256Base64}
                {...(item.ksefNumber ? { compactFor: item.ksefNumber } : {})}
                title={t(lang, 'sendui_upo_session_title')}
                missingText=""
                downloadLabel={t(lang, 'sendui_upo_session_download', { number: i + 1 })}
                onDownload={() => props.onDownloadSessionUpo(i)}
              />
            ))
          )}
        </>
      ) : null}
      {props.parseError ? <p className="kp-alert kp-alert--error" role="alert">{t(lang, 'sendui_parse_failed', { message: props.parseError })}</p> : null}
      {view ? (
        <div className="kp-send-invoice">
          <InvoiceDocument invoice={view} lang={lang} {...(accepted && link ? { verificationLink: link } : {})} />
        </div>
      ) : null}
    </div>
  );
}
