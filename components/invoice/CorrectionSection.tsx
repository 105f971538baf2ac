import { t, type Lang } from '@/lib/i18n';
import { formatAmount, formatDate, type Advance, type Correction } from '@/lib/invoice';
import { Field, Section } from './Field';
import { LinesTable } from './LinesTable';
import { PartyBlock } from './PartyBlock';

/** What a correction corrects: the invoices, the reason and effect, and the parties as they were. */
export function CorrectionSection({ correction, currency, lang }: { correction: Correction; currency: string; lang: Lang }) {
  return (
    <Section title={t(lang, 'invoice_view_correction')} className="kp-inv-correction">
      <dl className="kp-inv-fields">
        <Field label={t(lang, 'invoice_view_correction_reason')} value={correction.reason} />
        <Field label={t(lang, 'invoice_view_correction_type')} value={correction.typeLabel ?? correction.type} />
        <Field label={t(lang, 'invoice_view_correction_period')} value={correction.period} />
        <Field label={t(lang, 'invoice_view_corrected_number')} value={correction.correctedNumber} />
        <Field
          label={t(lang, 'invoice_view_gross_before')}
          value={correction.grossBefore && formatAmount(correction.grossBefore, currency, lang)}
        />
      </dl>
      {correction.corrected.length > 0 ? (
        <>
          <h3>{t(lang, 'invoice_view_corrected')}</h3>
          <ul className="kp-inv-list">
            {correction.corrected.map((c, i) => (
              <li key={i}>
                {t(lang, 'invoice_view_corrected_entry', { number: c.number, date: formatDate(c.issueDate, lang) })}
                {c.ksefNumber ? <span className="kp-inv-mono"> · {c.ksefNumber}</span> : null}
                {c.outsideKsef ? <span className="kp-muted"> · {t(lang, 'invoice_view_outside_ksef')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {correction.originalSeller || correction.originalBuyers.length > 0 ? (
        <div className="kp-inv-parties">
          {correction.originalSeller ? (
            <PartyBlock title={t(lang, 'invoice_view_original_seller')} party={correction.originalSeller} lang={lang} level={3} />
          ) : null}
          {correction.originalBuyers.map((party, i) => (
            <PartyBlock key={i} title={t(lang, 'invoice_view_original_buyer')} party={party} lang={lang} level={3} />
          ))}
        </div>
      ) : null}
    </Section>
  );
}

/** Advance invoices: the order, the payments received; final invoices: the advance invoices they settle. */
export function AdvanceSection({ advance, currency, lang }: { advance: Advance; currency: string; lang: Lang }) {
  return (
    <Section title={t(lang, 'invoice_view_advance')}>
      <dl className="kp-inv-fields">
        <Field label={t(lang, 'invoice_view_order_value')} value={advance.orderValue && formatAmount(advance.orderValue, currency, lang)} />
        <Field
          label={t(lang, 'invoice_view_advance_payments')}
          value={advance.payments.map((p) => `${formatAmount(p.amount, currency, lang)} (${formatDate(p.date, lang)})`).join('; ')}
        />
        <Field
          label={t(lang, 'invoice_view_advance_invoices')}
          value={advance.advanceInvoices.map((a) => [a.number, a.ksefNumber].filter(Boolean).join(' · ')).join('; ')}
        />
      </dl>
      {advance.orderLines.length > 0 ? (
        <>
          <h3 id="kp-inv-order-lines">{t(lang, 'invoice_view_order_lines')}</h3>
          <LinesTable lines={advance.orderLines} currency={currency} lang={lang} labelledBy="kp-inv-order-lines" />
        </>
      ) : null}
    </Section>
  );
}
