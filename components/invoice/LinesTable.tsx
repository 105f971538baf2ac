import { t, type Lang } from '@/lib/i18n';
import { formatQuantity, type InvoiceLine, type OrderLine } from '@/lib/invoice';
import { amountText, TableHead } from './TableHead';

type Line = Partial<InvoiceLine> & Pick<OrderLine, 'before'>;

/**
 * Line items (FaWiersz) or order lines (Zamowienie); lines "before the correction" are marked. The table is
 * named by the heading just above it (`labelledBy`), not by a caption repeating it: screen readers and the
 * PDF's text layer read the title once (issue 16, B14).
 */
export function LinesTable({ lines, currency, lang, labelledBy }: { lines: Line[]; currency: string; lang: Lang; labelledBy: string }) {
  if (lines.length === 0) return <p className="kp-muted">{t(lang, 'invoice_view_no_lines')}</p>;
  const money = (value?: string) => amountText(value, currency, lang);
  const hasGross = lines.some((l) => l.gross !== undefined || l.unitGrossPrice !== undefined);
  const hasDiscount = lines.some((l) => l.discount !== undefined);
  return (
    // A wide table scrolls inside its frame on a narrow screen: the frame takes focus so the keyboard can scroll it.
    <div className="kp-inv-table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="kp-inv-table" aria-labelledby={labelledBy}>
        <TableHead
          lang={lang}
          columns={[
            { title: 'invoice_view_col_no' },
            { title: 'invoice_view_col_name' },
            { title: 'invoice_view_col_quantity', num: true },
            { title: 'invoice_view_col_unit' },
            {
              title: hasGross && !lines.some((l) => l.unitNetPrice) ? 'invoice_view_col_unit_gross' : 'invoice_view_col_unit_price',
              num: true,
            },
            { title: 'invoice_view_col_discount', num: true, shown: hasDiscount },
            { title: 'invoice_view_col_rate', num: true },
            { title: 'invoice_view_col_net', num: true },
            { title: 'invoice_view_col_gross', num: true, shown: hasGross },
          ]}
        />
        <tbody>
          {lines.map((line, i) => (
            <tr key={i} className={line.before ? 'kp-inv-before' : undefined}>
              <td>{line.number ?? i + 1}</td>
              <td className="kp-inv-name">
                {line.name}
                {line.before ? <span className="kp-inv-tag">{t(lang, 'invoice_view_before')}</span> : null}
                {line.index || line.gtin || line.pkwiu || line.cn ? (
                  <span className="kp-inv-sub">{[line.index, line.gtin, line.pkwiu, line.cn].filter(Boolean).join(' · ')}</span>
                ) : null}
              </td>
              <td className="num">{line.quantity === undefined ? '' : formatQuantity(line.quantity, lang)}</td>
              <td>{line.unit}</td>
              <td className="num">{money(line.unitNetPrice ?? line.unitGrossPrice)}</td>
              {hasDiscount ? <td className="num">{money(line.discount)}</td> : null}
              <td className="num">{line.rateLabel ?? line.rate ?? ''}</td>
              <td className="num">{money(line.net)}</td>
              {hasGross ? <td className="num">{money(line.gross)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
