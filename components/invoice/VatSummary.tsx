import { t, type Lang } from '@/lib/i18n';
import type { InvoiceView } from '@/lib/invoice';
import { amountText, TableHead } from './TableHead';

/** The VAT summary by rate and the totals; on a correction the total is the difference. */
export function VatSummary({ invoice, lang }: { invoice: InvoiceView; lang: Lang }) {
  const money = (value?: string) => amountText(value, invoice.currency, lang);
  const foreign = invoice.vatSummary.some((row) => row.vatPln !== undefined);
  const isCorrection = invoice.kind.startsWith('KOR');
  return (
    <div className="kp-inv-summary kp-apart">
      {invoice.vatSummary.length > 0 ? (
        <table className="kp-inv-table kp-inv-vat">
          <caption>{t(lang, 'invoice_view_vat_summary')}</caption>
          <TableHead
            lang={lang}
            columns={[
              { title: 'invoice_view_col_rate' },
              { title: 'invoice_view_col_net', num: true },
              { title: 'invoice_view_col_vat', num: true },
              { title: 'invoice_view_col_vat_pln', num: true, shown: foreign },
            ]}
          />
          <tbody>
            {invoice.vatSummary.map((row, i) => (
              <tr key={i}>
                <td>{row.rateLabel}</td>
                <td className="num">{money(row.net)}</td>
                <td className="num">{money(row.vat)}</td>
                {foreign ? <td className="num">{amountText(row.vatPln, 'PLN', lang)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <dl className="kp-inv-totals">
        {invoice.totals.net !== undefined ? (
          <div><dt>{t(lang, 'invoice_view_total_net')}</dt><dd>{money(invoice.totals.net)}</dd></div>
        ) : null}
        {invoice.totals.vat !== undefined ? (
          <div><dt>{t(lang, 'invoice_view_total_vat')}</dt><dd>{money(invoice.totals.vat)}</dd></div>
        ) : null}
        <div className="kp-inv-grand">
          <dt>{t(lang, isCorrection ? 'invoice_view_total_gross_correction' : 'invoice_view_total_gross')}</dt>
          <dd>{money(invoice.totals.gross)}</dd>
        </div>
      </dl>
    </div>
  );
}
