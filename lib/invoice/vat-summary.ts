// The VAT summary of Fa: P_13_x (net), P_14_x (VAT), P_14_xW (VAT in PLN for foreign-currency invoices)
// per rate group, as schemat_FA(3)_v1-0E.xsd defines them.
import type { Lang } from '../i18n';
import { addDecimals } from './decimal';
import { vatGroupLabel, vatRateLabel } from './labels';
import type { FaNode } from './reader';
import type { Totals, VatSummaryRow } from './types';

interface Group {
  group: string;
  net: string;
  vat?: string;
  vatPln?: string;
  /** P_12 values that belong to the group: a line with one of them tells which rate the group had. */
  rates?: readonly string[];
}

const GROUPS: readonly Group[] = [
  { group: 'basic', net: 'P_13_1', vat: 'P_14_1', vatPln: 'P_14_1W', rates: ['23', '22'] },
  { group: 'reduced1', net: 'P_13_2', vat: 'P_14_2', vatPln: 'P_14_2W', rates: ['8', '7'] },
  { group: 'reduced2', net: 'P_13_3', vat: 'P_14_3', vatPln: 'P_14_3W', rates: ['5'] },
  { group: 'taxi', net: 'P_13_4', vat: 'P_14_4', vatPln: 'P_14_4W', rates: ['4', '3'] },
  { group: 'oss', net: 'P_13_5', vat: 'P_14_5' },
  { group: '0 KR', net: 'P_13_6_1' },
  { group: '0 WDT', net: 'P_13_6_2' },
  { group: '0 EX', net: 'P_13_6_3' },
  { group: 'zw', net: 'P_13_7' },
  { group: 'np I', net: 'P_13_8' },
  { group: 'np II', net: 'P_13_9' },
  { group: 'oo', net: 'P_13_10' },
  { group: 'margin', net: 'P_13_11' },
];

function rowLabel(g: Group, lineRates: readonly (string | undefined)[], lang: Lang): string {
  const used = new Set(lineRates.filter((r): r is string => !!r && !!g.rates?.includes(r)));
  const [only] = used;
  return (used.size === 1 && only ? vatRateLabel(only, lang) : undefined) ?? vatGroupLabel(g.group, lang) ?? g.group;
}

/**
 * One row per rate group present in `fa`, in the order of the schema. `lineRates` are the P_12 (or P_12Z)
 * rates of the lines: when a group's lines all use one rate, the row is labelled with it ("23%").
 */
export function readVatSummary(fa: FaNode, lineRates: readonly (string | undefined)[], lang: Lang): VatSummaryRow[] {
  const rows: VatSummaryRow[] = [];
  for (const g of GROUPS) {
    const net = fa.text(g.net);
    const vat = g.vat ? fa.text(g.vat) : undefined;
    if (net === undefined && vat === undefined) continue;
    rows.push({ group: g.group, rateLabel: rowLabel(g, lineRates, lang), net, vat, vatPln: g.vatPln ? fa.text(g.vatPln) : undefined });
  }
  return rows;
}

/** Net and VAT summed exactly from the summary; gross is P_15 as written. */
export function totalsOf(rows: readonly VatSummaryRow[], gross: string): Totals {
  const nets = rows.map((r) => r.net).filter((v): v is string => v !== undefined);
  const vats = rows.map((r) => r.vat).filter((v): v is string => v !== undefined);
  return { net: addDecimals(nets), vat: addDecimals(vats), gross };
}
