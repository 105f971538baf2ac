// The detail view: actions (back, XML, print, mark booked), the KSeF metadata, and the readable invoice.
import { InvoiceDocument } from '@/components/invoice';
import { t, type Lang } from '@/lib/i18n';
import { formatAmount, formatDate } from '@/lib/invoice';
import type { InvoiceKey, InvoiceState, Store } from '@/lib/store';
import { saveTextFile, xmlFileName } from './download';
import { useInvoice, type Send } from './useInvoice';

export interface InvoiceDetailProps {
  store: Store;
  invoiceKey: InvoiceKey;
  lang: Lang;
  send: Send;
  onBack: () => void;
  onMark: (keys: InvoiceKey[], state: InvoiceState) => void;
  /** Where the invoice is in the list it was opened from; with onPrev/onNext, the previous/next buttons. */
  position?: { index: number; count: number };
  onPrev?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
}

export function InvoiceDetail({ store, invoiceKey, lang, send, onBack, onMark, position, onPrev, onNext }: InvoiceDetailProps) {
  const invoice = useInvoice(store, invoiceKey, lang, send);
  const { record } = invoice;

  async function downloadXml() {
    const xml = invoice.xml ?? (await invoice.fetchXml());
    if (xml !== undefined && record) saveTextFile(xml, xmlFileName(record.ksefNumber), 'application/xml');
  }

  return (
    <div className="kp-inbox-detail">
      <div className="kp-inbox-detail-bar kp-no-print">
        <button type="button" className="kp-button kp-button--secondary" onClick={onBack}>
          ← {t(lang, 'inbox_back_to_list')}
        </button>
        {position ? (
          <nav className="kp-row kp-inbox-walk" aria-label={t(lang, 'inbox_walk_label')}>
            <button type="button" className="kp-button kp-button--secondary" disabled={!onPrev} onClick={onPrev}>
              ‹ {t(lang, 'inbox_prev_invoice')}
            </button>
            <span className="kp-muted">{t(lang, 'inbox_walk_position', { index: position.index + 1, count: position.count })}</span>
            <button type="button" className="kp-button kp-button--secondary" disabled={!onNext} onClick={onNext}>
              {t(lang, 'inbox_next_invoice')} ›
            </button>
          </nav>
        ) : null}
        {record ? (
          <>
            <button type="button" className="kp-button kp-button--secondary" disabled={invoice.fetching} onClick={() => void downloadXml()}>
              {t(lang, 'inbox_download_xml')}
            </button>
            <button type="button" className="kp-button kp-button--secondary" disabled={!invoice.view} onClick={() => window.print()}>
              {t(lang, 'inbox_print')}
            </button>
            <button
              type="button"
              className="kp-button"
              disabled={record.state === 'booked'}
              onClick={() => onMark([invoiceKey], 'booked')}
            >
              {t(lang, 'inbox_mark_booked')}
            </button>
          </>
        ) : null}
      </div>
      {invoice.missing ? <p className="kp-alert kp-alert--warning">{t(lang, 'inbox_target_missing')}</p> : null}
      {invoice.fetching ? <p className="kp-alert kp-alert--info kp-no-print">{t(lang, 'inbox_xml_downloading')}</p> : null}
      {invoice.fetchError ? <p className="kp-alert kp-alert--error kp-no-print" role="alert">{invoice.fetchError}</p> : null}
      {invoice.parseError ? (
        <p className="kp-alert kp-alert--error" role="alert">
          {t(lang, 'inbox_parse_failed', { message: invoice.parseError })}
        </p>
      ) : null}
      {record && !invoice.view ? (
        <section className="kp-card kp-inbox-meta">
          <h1>{t(lang, 'invoice_view_title', { number: record.metadata.invoiceNumber })}</h1>
          <dl className="kp-inv-fields">
            <div className="kp-inv-field"><dt>{t(lang, 'invoice_view_seller')}</dt><dd>{record.metadata.seller.name ?? ''} (NIP {record.metadata.seller.nip})</dd></div>
            <div className="kp-inv-field"><dt>{t(lang, 'invoice_view_issue_date')}</dt><dd>{formatDate(record.issueDate, lang)}</dd></div>
            <div className="kp-inv-field"><dt>{t(lang, 'inbox_col_gross')}</dt><dd>{formatAmount(String(record.metadata.grossAmount), record.metadata.currency, lang)}</dd></div>
            <div className="kp-inv-field"><dt>{t(lang, 'invoice_view_ksef_number')}</dt><dd className="kp-inv-mono">{record.metadata.ksefNumber}</dd></div>
          </dl>
          {invoice.xml === undefined ? (
            <p>
              {t(lang, 'inbox_xml_missing')}{' '}
              <button type="button" className="kp-button" disabled={invoice.fetching} onClick={() => void invoice.fetchXml()}>
                {t(lang, 'inbox_fetch_now')}
              </button>
            </p>
          ) : null}
        </section>
      ) : null}
      {invoice.view ? <InvoiceDocument invoice={invoice.view} lang={lang} {...(invoice.link ? { verificationLink: invoice.link } : {})} /> : null}
    </div>
  );
}
