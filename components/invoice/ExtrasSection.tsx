import { Fragment } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { formatDate, type InvoiceView } from '@/lib/invoice';
import { Field, Section } from './Field';

/** Annotations, DodatkowyOpis, footer notes, registers, orders, contracts and WZ: whatever the invoice has. */
export function ExtrasSection({ invoice, lang }: { invoice: InvoiceView; lang: Lang }) {
  const dated = (items: { date?: string; number?: string }[]) =>
    items.map((i) => [i.number, i.date && formatDate(i.date, lang)].filter(Boolean).join(', ')).join('; ');
  return (
    <>
      {invoice.annotations.length > 0 ? (
        <Section title={t(lang, 'invoice_view_annotations')}>
          <ul className="kp-inv-list">
            {invoice.annotations.map((a, i) => (
              <li key={i}>
                {a.label}
                {a.detail ? `: ${a.detail}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {invoice.additionalInfo.length > 0 ? (
        <Section title={t(lang, 'invoice_view_additional_info')}>
          <dl className="kp-inv-fields">
            {invoice.additionalInfo.map((info, i) => (
              <Field key={i} label={info.line ? `${info.key} (${info.line})` : info.key} value={info.value} />
            ))}
          </dl>
        </Section>
      ) : null}
      {invoice.notes.length > 0 ? (
        <Section title={t(lang, 'invoice_view_notes')}>
          {invoice.notes.map((note, i) => (
            <p key={i} className="kp-inv-note">{note}</p>
          ))}
        </Section>
      ) : null}
      {invoice.registers.length + invoice.orders.length + invoice.contracts.length + invoice.wz.length > 0 ? (
        <Section title={t(lang, 'invoice_view_registers')}>
          <dl className="kp-inv-fields">
            {/* Each register's number under its own name; the section's title is not repeated as a label (B14). */}
            {invoice.registers.map((r, i) => (
              <Fragment key={i}>
                <Field label={t(lang, 'invoice_view_register_name')} value={r.fullName} />
                <Field label="KRS" value={r.krs} mono />
                <Field label="REGON" value={r.regon} mono />
                <Field label="BDO" value={r.bdo} mono />
              </Fragment>
            ))}
            <Field label={t(lang, 'invoice_view_orders')} value={dated(invoice.orders)} />
            <Field label={t(lang, 'invoice_view_contracts')} value={dated(invoice.contracts)} />
            <Field label={t(lang, 'invoice_view_wz')} value={invoice.wz.join('; ')} />
          </dl>
        </Section>
      ) : null}
      {invoice.hasAttachment ? <p className="kp-alert kp-alert--info">{t(lang, 'invoice_view_attachment')}</p> : null}
      <p className="kp-muted kp-inv-footer">
        {invoice.createdAt ? t(lang, 'invoice_view_created', { date: formatDate(invoice.createdAt, lang) }) : null}
        {invoice.createdAt && invoice.systemInfo ? ' · ' : null}
        {invoice.systemInfo ? t(lang, 'invoice_view_system', { system: invoice.systemInfo }) : null}
      </p>
    </>
  );
}
