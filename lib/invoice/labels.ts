// Labels for FA(3) codes, from the catalog (prefix `invoice_`). The code lists are the enumerations of
// schemat_FA(3)_v1-0E.xsd: TRodzajFaktury, TStawkaPodatku, TFormaPlatnosci, TRolaPodmiotu3, TTypKorekty.
// An unknown code has no label (undefined): the page then shows the code as written.
import { t, type Lang, type MessageKey } from '../i18n';

export const INVOICE_KINDS = ['VAT', 'KOR', 'ZAL', 'ROZ', 'UPR', 'KOR_ZAL', 'KOR_ROZ'] as const;
const PERCENT_RATES = ['23', '22', '8', '7', '5', '4', '3'];
const NAMED_RATES = ['0 KR', '0 WDT', '0 EX', 'zw', 'oo', 'np I', 'np II'];
const VAT_GROUPS = ['basic', 'reduced1', 'reduced2', 'taxi', 'oss', 'margin'];
const PAYMENT_METHODS = ['1', '2', '3', '4', '5', '6', '7'];
const THIRD_PARTY_ROLES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'other'];
const CORRECTION_TYPES = ['1', '2', '3'];
export const ANNOTATION_CODES = [
  'P_16',
  'P_17',
  'P_18',
  'P_18A',
  'P_19',
  'P_22',
  'P_23',
  'P_PMarzy',
  'P_PMarzy_2',
  'P_PMarzy_3_1',
  'P_PMarzy_3_2',
  'P_PMarzy_3_3',
] as const;

function checkLang(lang: Lang): void {
  if (lang !== 'pl' && lang !== 'en') throw new TypeError('"lang" must be "pl" or "en"');
}

function label(lang: Lang, known: readonly string[], code: string, prefix: string): string | undefined {
  checkLang(lang);
  if (typeof code !== 'string') throw new TypeError('"code" must be a string');
  return known.includes(code) ? t(lang, `${prefix}${code.replace(/ /g, '_')}` as MessageKey) : undefined;
}

/** "Faktura korygująca" for KOR; undefined for a kind the schema does not define. */
export function invoiceKindLabel(kind: string, lang: Lang): string | undefined {
  return label(lang, INVOICE_KINDS, kind, 'invoice_kind_');
}

/** "23%" for 23, "zw (zwolnione)" for zw, "0% (eksport)" for 0 EX. */
export function vatRateLabel(rate: string, lang: Lang): string | undefined {
  checkLang(lang);
  if (PERCENT_RATES.includes(rate)) return t(lang, 'invoice_vat_rate_percent' as MessageKey, { rate });
  return label(lang, NAMED_RATES, rate, 'invoice_vat_rate_');
}

/** Label of a VAT summary group: a rate ("0% (kraj)") or a group of rates ("23% lub 22%"). */
export function vatGroupLabel(group: string, lang: Lang): string | undefined {
  return label(lang, VAT_GROUPS, group, 'invoice_vat_group_') ?? vatRateLabel(group, lang);
}

/** "Przelew" for 6. */
export function paymentMethodLabel(code: string, lang: Lang): string | undefined {
  return label(lang, PAYMENT_METHODS, code, 'invoice_payment_method_');
}

/** Role of a third party (Podmiot3 Rola 1–11, or `other` for RolaInna): "Faktor", "Dodatkowy nabywca", … */
export function thirdPartyRoleLabel(code: string, lang: Lang): string | undefined {
  return label(lang, THIRD_PARTY_ROLES, code, 'invoice_role_');
}

/** When a correction takes effect for VAT (TypKorekty 1–3). */
export function correctionTypeLabel(code: string, lang: Lang): string | undefined {
  return label(lang, CORRECTION_TYPES, code, 'invoice_correction_type_');
}

/** Label of an annotation flag (Adnotacje): "Mechanizm podzielonej płatności" for P_18A, … */
export function annotationLabel(code: string, lang: Lang): string | undefined {
  return label(lang, ANNOTATION_CODES, code, 'invoice_annotation_');
}
