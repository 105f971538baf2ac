// One page of invoices. Seller names and numbers are React text (they come from strangers). Under ~600 px the
// rows become cards (inbox.css); the table's roles are stated so a screen reader keeps the columns when CSS
// turns the rows into grids.
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import { rowAmounts } from '@/lib/inbox';
import { formatDate } from '@/lib/invoice';
import type { InvoiceRecord } from '@/lib/store';
import { keyString } from './keys';

export interface InvoiceTableProps {
  items: InvoiceRecord[];
  /** The rows answer an earlier filter while the new one loads: shown dimmed and marked busy. */
  stale?: boolean;
  selected: ReadonlySet<string>;
  lang: Lang;
  /** Profile names by id, shown when the list spans several organisations. */
  profileNames?: ReadonlyMap<string, string>;
  onToggle: (record: InvoiceRecord) => void;
  onTogglePage: (select: boolean) => void;
  onOpen: (record: InvoiceRecord) => void;
  onFilterSeller: (nip: string) => void;
}

export function InvoiceTable({ items, stale = false, selected, lang, profileNames, onToggle, onTogglePage, onOpen, onFilterSeller }: InvoiceTableProps) {
  const allSelected = items.length > 0 && items.every((r) => selected.has(keyString(r)));
  const col = (key: MessageKey) => t(lang, key);
  return (
    <div className={`kp-inbox-table-wrap${stale ? ' kp-inbox-table-wrap--stale' : ''}`} aria-busy={stale}>
      <table className="kp-inbox-table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader" className="kp-inbox-check">
              <input
                type="checkbox"
                aria-label={t(lang, 'inbox_select_page')}
                checked={allSelected}
                onChange={(e) => onTogglePage(e.target.checked)}
              />
            </th>
            <th scope="col" role="columnheader">{col('inbox_col_issue_date')}</th>
            <th scope="col" role="columnheader">{col('inbox_col_seller')}</th>
            <th scope="col" role="columnheader">{col('inbox_col_number')}</th>
            <th scope="col" role="columnheader" className="num kp-inbox-net">{col('inbox_col_net')}</th>
            <th scope="col" role="columnheader" className="num kp-inbox-vat">{col('inbox_col_vat')}</th>
            <th scope="col" role="columnheader" className="num">{col('inbox_col_gross')}</th>
            <th scope="col" role="columnheader">{col('inbox_col_state')}</th>
            <th scope="col" role="columnheader" className="kp-inbox-ksef">{col('inbox_col_ksef')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((record) => {
            const m = record.metadata;
            const key = keyString(record);
            const amounts = rowAmounts(m, lang);
            return (
              <tr key={key} role="row" data-ksef={record.ksefNumber} className={`kp-inbox-row kp-inbox-row--${record.state}`}>
                <td role="cell" className="kp-inbox-check">
                  <input
                    type="checkbox"
                    aria-label={t(lang, 'inbox_select_invoice', { number: m.invoiceNumber })}
                    checked={selected.has(key)}
                    onChange={() => onToggle(record)}
                  />
                </td>
                <td role="cell" className="kp-inbox-date">{formatDate(record.issueDate, lang)}</td>
                <td role="cell" className="kp-inbox-seller">
                  <span className="kp-inbox-seller-name">{m.seller.name ?? m.seller.nip}</span>
                  <button
                    type="button"
                    className="kp-inbox-nip"
                    title={t(lang, 'inbox_filter_by_seller')}
                    onClick={() => onFilterSeller(m.seller.nip)}
                  >
                    NIP {m.seller.nip}
                  </button>
                  {profileNames && profileNames.size > 1 ? (
                    <span className="kp-inbox-profile">{profileNames.get(record.profileId) ?? record.profileId}</span>
                  ) : null}
                </td>
                <td role="cell" className="kp-inbox-number">
                  <button type="button" className="kp-inbox-open" onClick={() => onOpen(record)}>
                    {m.invoiceNumber || record.ksefNumber}
                  </button>
                </td>
                <td role="cell" className="num kp-inbox-net" data-label={col('inbox_col_net')}>{amounts.net}</td>
                <td role="cell" className="num kp-inbox-vat" data-label={col('inbox_col_vat')}>{amounts.vat}</td>
                <td role="cell" className="num kp-inbox-gross">{amounts.gross}</td>
                <td role="cell" className="kp-inbox-state-cell">
                  <span className={`kp-inbox-state kp-inbox-state--${record.state}`}>{t(lang, `inbox_state_${record.state}`)}</span>
                </td>
                <td role="cell" className="kp-inbox-ksef kp-inbox-mono">{record.ksefNumber}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
