// A UPO shown readably (lib/views/upo-view.ts): who received, in which session and context, and per invoice
// when it arrived, when it got its KSeF number and its hash (checked against the file sent). The original XML
// is what counts legally; the button downloads it unchanged. `compact` (the session's collective UPO beside
// the invoice's own): only the page and this invoice's line.
import { formatDate } from '@/lib/invoice';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import { upoConfirmsFile, upoTime, type UpoDocument, type UpoReadResult, type UpoView } from '@/lib/views/upo-view';
import { Badge } from './Badge';

export interface UpoPanelProps {
  lang: Lang;
  /** The read UPO; undefined while KSeF has not issued it. */
  upo: UpoReadResult | undefined;
  /** SHA-256 (base64) of the file sent, to confirm the UPO's document hash. */
  sentHash?: string;
  /** Only this document (the item's KSeF number), with the page it is on. */
  compactFor?: string;
  title: string;
  missingText: string;
  downloadLabel: string;
  onDownload?: () => void;
}

const CONTEXT_KINDS = ['Nip', 'IdWewnetrzny', 'IdZlozonyVatUE', 'IdDostawcyUslugPeppol'] as const;

function contextText(context: UpoView['context'], lang: Lang): string | undefined {
  if (!context.value) return undefined;
  const kind = CONTEXT_KINDS.find((k) => k === context.kind);
  return kind ? t(lang, `sendui_upo_ctx_${kind}` as MessageKey, { value: context.value }) : `${context.kind} ${context.value}`;
}

function Pair({ label, value, mono }: { label: string; value: string | undefined; mono?: boolean }) {
  if (!value) return null;
  return (
    <div className="kp-inv-field">
      <dt>{label}</dt>
      <dd className={mono ? 'kp-inv-mono' : undefined}>{value}</dd>
    </div>
  );
}

function Document({ doc, lang, sentHash, short }: { doc: UpoDocument; lang: Lang; sentHash?: string; short: boolean }) {
  const confirmed = upoConfirmsFile(doc, sentHash);
  return (
    <dl className="kp-inv-fields kp-send-upo-doc">
      <Pair label={t(lang, 'sendui_upo_doc_number')} value={doc.invoiceNumber} />
      <Pair label={t(lang, 'sendui_upo_doc_ksef')} value={doc.ksefNumber} mono />
      {short ? null : (
        <>
          <Pair label={t(lang, 'sendui_upo_doc_seller')} value={doc.sellerNip} />
          <Pair label={t(lang, 'sendui_upo_doc_issue')} value={doc.issueDate && formatDate(doc.issueDate, lang)} />
          <Pair label={t(lang, 'sendui_upo_doc_received')} value={doc.receivedAt && upoTime(doc.receivedAt, lang)} />
          <Pair label={t(lang, 'sendui_upo_doc_numbered')} value={doc.numberedAt && upoTime(doc.numberedAt, lang)} />
        </>
      )}
      <div className="kp-inv-field">
        <dt>{t(lang, 'sendui_upo_doc_hash')}</dt>
        <dd>
          <span className="kp-inv-mono">{doc.hash}</span>
          {confirmed === undefined ? null : (
            <Badge tone={confirmed ? 'ok' : 'error'}>{t(lang, confirmed ? 'sendui_upo_hash_ok' : 'sendui_upo_hash_bad')}</Badge>
          )}
        </dd>
      </div>
      {short ? null : <Pair label={t(lang, 'sendui_upo_doc_mode')} value={doc.mode} />}
    </dl>
  );
}

function Head({ upo, lang }: { upo: UpoView; lang: Lang }) {
  return (
    <dl className="kp-inv-fields">
      <Pair label={t(lang, 'sendui_upo_receiver')} value={upo.receiver} />
      <Pair label={t(lang, 'sendui_upo_session')} value={upo.sessionRef} mono />
      <Pair label={t(lang, 'sendui_upo_context')} value={contextText(upo.context, lang)} />
      <Pair
        label={t(lang, upo.authentication?.kind === 'token' ? 'sendui_upo_auth_token' : 'sendui_upo_auth_signature')}
        value={upo.authentication?.value}
        mono
      />
      <Pair label={t(lang, 'sendui_upo_form')} value={[upo.formCode, upo.schemaName].filter(Boolean).join(', ')} />
    </dl>
  );
}

export function UpoPanel({ lang, upo, sentHash, compactFor, title, missingText, downloadLabel, onDownload }: UpoPanelProps) {
  const read = upo?.ok ? upo.upo : undefined;
  const docs = read ? (compactFor ? read.documents.filter((d) => d.ksefNumber === compactFor) : read.documents) : [];
  return (
    <section className="kp-card kp-send-upo kp-no-print" aria-label={title}>
      <div className="kp-send-upo-head kp-apart">
        <h2>{title}</h2>
        {onDownload ? (
          <button type="button" className="kp-button kp-button--secondary" onClick={onDownload}>
            {downloadLabel}
          </button>
        ) : null}
      </div>
      {!upo ? <p className="kp-muted">{missingText}</p> : null}
      {upo && !upo.ok ? <p className="kp-alert kp-alert--warning">{t(lang, 'sendui_upo_unreadable')}</p> : null}
      {read && !compactFor ? <Head upo={read} lang={lang} /> : null}
      {read?.page ? (
        <p className="kp-muted">
          {t(lang, 'sendui_upo_session_page', { number: read.page.number, of: read.page.of, from: read.page.from, to: read.page.to, total: read.page.total })}
        </p>
      ) : null}
      {read && compactFor && docs.length === 0 ? <p className="kp-muted">{t(lang, 'sendui_upo_not_in_page')}</p> : null}
      {compactFor && docs.length > 0 ? <h3 className="kp-send-upo-sub">{t(lang, 'sendui_upo_in_session')}</h3> : null}
      {docs.map((doc, i) => (
        <Document key={`${doc.ksefNumber}/${i}`} doc={doc} lang={lang} short={compactFor !== undefined} {...(sentHash ? { sentHash } : {})} />
      ))}
    </section>
  );
}
