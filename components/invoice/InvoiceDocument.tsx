// The FA(3) invoice as a readable document (issue 7): header, parties, lines, VAT summary, totals, payment,
// correction and advance data, notes, and the KOD I verification. Everything is React text; the page
// prints it as a clean document (invoice.css, @media print).
import { t, type Lang } from '@/lib/i18n';
import { formatDate, type InvoiceView } from '@/lib/invoice';
import { shownSettlement } from '@/lib/views/invoice-view';
import { AdvanceSection, CorrectionSection } from './CorrectionSection';
import { ExtrasSection } from './ExtrasSection';
import { Field, Section } from './Field';
import { LinesTable } from './LinesTable';
import { PartyBlock } from './PartyBlock';
import { PaymentSection, SettlementSection } from './PaymentSection';
import { VatSummary } from './VatSummary';
import { VerificationQr } from './VerificationQr';
import './invoice.css';

/** Longest invoice number kept on one line: 28 characters fit a 400 px window at the narrow heading size. */
const SHORT_NUMBER = 28;

export interface InvoiceDocumentProps {
  invoice: InvoiceView;
  lang: Lang;
  /** The KOD I link, when it could be built. */
  verificationLink?: string;
}

export function InvoiceDocument({ invoice, lang, verificationLink }: InvoiceDocumentProps) {
  const currency = invoice.currency;
  const settlement = shownSettlement(invoice.settlement);
  return (
    <article className="kp-inv" lang="pl">
      <header className="kp-inv-header">
        <div>
          <p className="kp-inv-kind">{invoice.kindLabel ?? invoice.kind}</p>
          {/* A usual number never wraps (a bookkeeper copies it; issue 16, B7); a hostile long one still does. */}
          <h1 className={invoice.number.length <= SHORT_NUMBER ? 'kp-inv-number kp-inv-number--whole' : 'kp-inv-number'}>{invoice.number}</h1>
          {invoice.ksefNumber ? (
            <p className="kp-inv-ksef">
              <span className="kp-muted">{t(lang, 'invoice_view_ksef_number')}: </span>
              <span className="kp-inv-mono">{invoice.ksefNumber}</span>
            </p>
          ) : null}
        </div>
        <dl className="kp-inv-fields kp-inv-dates">
          <Field label={t(lang, 'invoice_view_issue_date')} value={formatDate(invoice.issueDate, lang)} />
          <Field label={t(lang, 'invoice_view_place')} value={invoice.place} />
          <Field label={t(lang, 'invoice_view_sale_date')} value={invoice.saleDate && formatDate(invoice.saleDate, lang)} />
          <Field
            label={t(lang, 'invoice_view_period')}
            value={
              invoice.period &&
              t(lang, 'invoice_view_period_value', {
                from: formatDate(invoice.period.from, lang),
                to: formatDate(invoice.period.to, lang),
              })
            }
          />
          <Field label={t(lang, 'invoice_view_currency')} value={currency !== 'PLN' ? currency : undefined} />
          <Field label={t(lang, 'invoice_view_exchange_rate')} value={invoice.exchangeRate} />
        </dl>
      </header>

      <div className="kp-inv-parties">
        <PartyBlock title={t(lang, 'invoice_view_seller')} party={invoice.seller} lang={lang} />
        <PartyBlock title={t(lang, 'invoice_view_buyer')} party={invoice.buyer} lang={lang} />
        {invoice.thirdParties.map((party, i) => (
          <PartyBlock key={i} title={t(lang, 'invoice_view_third_party')} party={party} lang={lang} />
        ))}
      </div>

      {invoice.correction ? <CorrectionSection correction={invoice.correction} currency={currency} lang={lang} /> : null}

      <Section title={t(lang, 'invoice_view_lines')} headingId="kp-inv-lines">
        <LinesTable lines={invoice.lines} currency={currency} lang={lang} labelledBy="kp-inv-lines" />
        <VatSummary invoice={invoice} lang={lang} />
      </Section>

      {invoice.advance ? <AdvanceSection advance={invoice.advance} currency={currency} lang={lang} /> : null}
      {settlement ? <SettlementSection settlement={settlement} currency={currency} lang={lang} /> : null}
      {invoice.payment ? <PaymentSection payment={invoice.payment} currency={currency} lang={lang} /> : null}
      <ExtrasSection invoice={invoice} lang={lang} />
      <VerificationQr link={verificationLink} lang={lang} />
    </article>
  );
}
