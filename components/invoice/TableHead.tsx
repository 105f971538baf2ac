import { t, type Lang, type MessageKey } from '@/lib/i18n';
import { formatAmount } from '@/lib/invoice';

/** A column of an invoice table: its title, whether it holds numbers (aligned right, `.num`), whether it shows. */
export interface Column {
  title: MessageKey;
  num?: boolean;
  shown?: boolean;
}

/** The header row of the invoice's tables (lines, order lines, VAT summary). */
export function TableHead({ columns, lang }: { columns: Column[]; lang: Lang }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((column) => column.shown !== false)
          .map((column) => (
            <th key={column.title} scope="col" className={column.num ? 'num' : undefined}>
              {t(lang, column.title)}
            </th>
          ))}
      </tr>
    </thead>
  );
}

/** An amount as the invoice view shows it; an absent one leaves its cell empty. */
export function amountText(value: string | undefined, currency: string, lang: Lang): string {
  return value === undefined ? '' : formatAmount(value, currency, lang);
}
