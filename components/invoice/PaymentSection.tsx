import { t, type Lang } from '@/lib/i18n';
import { formatAmount, formatDate, type Payment, type Settlement } from '@/lib/invoice';
import { formatAccountNumber } from './account-number';
import { Field, Section } from './Field';

function dueText(due: Payment['dueDates'][number], lang: Lang): string {
  if (due.date) return formatDate(due.date, lang);
  return [due.count, due.unit, due.event].filter(Boolean).join(' ');
}

/** Payment terms and bank accounts. The payment link is shown as text, never made clickable (RELIABILITY §3.4). */
export function PaymentSection({ payment, currency, lang }: { payment: Payment; currency: string; lang: Lang }) {
  const money = (value: string) => formatAmount(value, currency, lang);
  return (
    <Section title={t(lang, 'invoice_view_payment')}>
      <dl className="kp-inv-fields">
        <Field
          label={t(lang, 'invoice_view_paid')}
          value={payment.paid ? (payment.paymentDate ? formatDate(payment.paymentDate, lang) : '✓') : undefined}
        />
        <Field label={t(lang, 'invoice_view_due')} value={payment.dueDates.map((d) => dueText(d, lang)).join('; ')} />
        <Field label={t(lang, 'invoice_view_method')} value={payment.otherMethod ?? payment.methodLabel ?? payment.method} />
        <Field
          label={t(lang, 'invoice_view_partial_payments')}
          value={payment.partialPayments
            .map((p) => `${money(p.amount)} (${formatDate(p.date, lang)}${p.methodLabel ? `, ${p.methodLabel}` : ''})`)
            .join('; ')}
        />
        <Field
          label={t(lang, 'invoice_view_early_discount')}
          value={payment.earlyPaymentDiscount && `${payment.earlyPaymentDiscount.conditions}: ${payment.earlyPaymentDiscount.amount}`}
        />
        <Field label={t(lang, 'invoice_view_payment_link')} value={payment.link} mono />
        <Field label={t(lang, 'invoice_view_payment_id')} value={payment.ksefPaymentId} mono />
      </dl>
      {payment.bankAccounts.map((account, i) => (
        <dl className="kp-inv-fields kp-inv-account" key={i}>
          <Field
            label={t(lang, account.factor ? 'invoice_view_factor_account' : 'invoice_view_bank_account')}
            value={formatAccountNumber(account.number)}
            mono
          />
          <Field label={t(lang, 'invoice_view_bank_name')} value={account.bankName} />
          <Field label={t(lang, 'invoice_view_swift')} value={account.swift} mono />
          <Field label={t(lang, 'invoice_view_account_description')} value={account.description} />
        </dl>
      ))}
    </Section>
  );
}

export function SettlementSection({ settlement, currency, lang }: { settlement: Settlement; currency: string; lang: Lang }) {
  const money = (value: string | undefined) => (value === undefined ? undefined : formatAmount(value, currency, lang));
  const list = (items: { amount: string; reason: string }[]) =>
    items.map((item) => `${item.reason}: ${formatAmount(item.amount, currency, lang)}`).join('; ');
  return (
    <Section title={t(lang, 'invoice_view_settlement')}>
      <dl className="kp-inv-fields">
        <Field label={t(lang, 'invoice_view_charges')} value={list(settlement.charges)} />
        <Field label={t(lang, 'invoice_view_deductions')} value={list(settlement.deductions)} />
        <Field label={t(lang, 'invoice_view_to_pay')} value={money(settlement.toPay)} />
        <Field label={t(lang, 'invoice_view_to_settle')} value={money(settlement.toSettle)} />
      </dl>
    </Section>
  );
}
