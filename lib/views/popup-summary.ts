// The popup's summary line (review B8): what a glance should tell with several organisations, above their
// cards: "4 nowe faktury w 2 organizacjach".
import { t, tp, type Lang } from '../i18n/popup';

export interface SummaryRow {
  newCount: number;
}

/** How many newest invoices each card lists: four for one organisation, the two newest new ones each when there are more. */
export function newestShown(organisations: number): number {
  return organisations <= 1 ? 4 : 2;
}

export function popupSummary(rows: readonly SummaryRow[], lang: Lang): string {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  const total = rows.reduce((sum, row) => sum + row.newCount, 0);
  const withNew = rows.filter((row) => row.newCount > 0).length;
  const invoices = total === 0 ? t(lang, 'popup_no_new') : tp(lang, 'popup_new_count', total, { count: total.toLocaleString(locale) });
  // One line: the cards below show which organisation needs the user, in their state's colour.
  return rows.length > 1 && withNew > 0 ? t(lang, 'popup_summary', { invoices, organisations: tp(lang, 'popup_summary_orgs', withNew) }) : invoices;
}
