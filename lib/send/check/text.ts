// A problem in words, Polish or English, with where it is first ("Wiersz 45, element Faktura/Fa/P_1: …").
// Catalog keys live in the send catalog, which the worker (it re-checks the rules) and the pages load.
import { warsawDateTime } from '../../core/time';
import { t, type MessageKey } from '../../i18n/send';
import type { SendProblem } from './types';

type Lang = 'pl' | 'en';
type Data = Record<string, string>;

const XSD_KEYS: Record<string, MessageKey> = {
  missing: 'send_check_xsd_missing',
  unexpected: 'send_check_xsd_unexpected',
  unexpectedEnd: 'send_check_xsd_unexpected_end',
  enumeration: 'send_check_xsd_enumeration',
  pattern: 'send_check_xsd_pattern',
  nip: 'send_check_xsd_nip',
  tooLong: 'send_check_xsd_too_long',
  tooShort: 'send_check_xsd_too_short',
  date: 'send_check_xsd_date',
  dateTime: 'send_check_xsd_date_time',
  number: 'send_check_xsd_number',
  value: 'send_check_xsd_value',
  more: 'send_check_xsd_more',
  unavailable: 'send_check_xsd_unavailable',
};
/** Cases whose plain words cannot name the fix: the technical message is shown after them. */
const WITH_DETAIL = new Set(['generic', 'value', 'pattern', 'unavailable']);

function count(lang: Lang, digits: string | undefined): string {
  const n = Number(digits);
  return Number.isFinite(n) ? new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB').format(n) : String(digits ?? '');
}

function xsdMessage(data: Data, lang: Lang): { key: MessageKey; params: Data; detail: boolean } {
  const rule = data.rule ?? 'generic';
  const element = data.attribute
    ? t(lang, 'send_check_attribute', { element: data.element ?? '', attribute: data.attribute })
    : (data.element ?? '');
  return { key: XSD_KEYS[rule] ?? 'send_check_xsd_generic', params: { ...data, element }, detail: WITH_DETAIL.has(rule) };
}

function message(p: SendProblem, lang: Lang): { key: MessageKey; params: Data; detail: boolean } {
  const data = p.data ?? {};
  const plain = (key: MessageKey, params: Data = data) => ({ key, params, detail: false });
  switch (p.code) {
    case 'EMPTY_FILE': return plain('send_check_empty_file');
    case 'TOO_LARGE': return plain('send_check_too_large', { size: count(lang, data.size), max: count(lang, data.max) });
    case 'HAS_BOM': return plain('send_check_has_bom');
    case 'NOT_UTF8':
      if (data.rule === 'utf16') return plain('send_check_not_utf8_utf16');
      return plain(data.rule === 'declared' ? 'send_check_not_utf8_declared' : 'send_check_not_utf8');
    case 'NOT_XML':
      if (data.rule === 'dtd') return plain('send_check_not_xml_dtd');
      if (data.rule === 'deep') return plain('send_check_not_xml_deep');
      if (data.rule === 'pi') return plain('send_check_not_xml_pi');
      if (data.rule === 'char') return plain('send_check_not_xml_char');
      return { key: 'send_check_not_xml', params: data, detail: true };
    case 'NOT_FA3': return plain(data.rule === 'form' ? 'send_check_not_fa3_form' : 'send_check_not_fa3_root');
    case 'XSD_INVALID': return xsdMessage(data, lang);
    case 'NO_ORGANISATION':
      if (data.rule === 'noSellerNip') return plain('send_check_no_org_no_seller_nip');
      return plain(data.rule === 'unknownProfile' ? 'send_check_no_org_unknown_profile' : 'send_check_no_org');
    case 'SELLER_NOT_ORGANISATION': return plain('send_check_seller_not_org');
    case 'ISSUE_DATE_IN_FUTURE': return plain('send_check_issue_date_future');
    case 'ALREADY_SENT': {
      const at = data.at ? warsawDateTime(lang, data.at) : { date: '', time: '' };
      return plain(data.ksefNumber ? 'send_check_already_sent' : 'send_check_already_queued', { ...data, ...at });
    }
    case 'DUPLICATE_IN_BATCH': return plain('send_check_duplicate_in_batch');
  }
}

function where(p: SendProblem, lang: Lang): string {
  if (p.line !== undefined && p.path) return t(lang, 'send_check_where_line_path', { line: p.line, path: p.path });
  if (p.line !== undefined) return t(lang, 'send_check_where_line', { line: p.line });
  if (p.path) return t(lang, 'send_check_where_path', { path: p.path });
  return '';
}

/** The problem for people: where it is, what is wrong, what to do (and the technical detail where it helps). */
export function sendProblemText(p: SendProblem, lang: Lang): string {
  const { key, params, detail } = message(p, lang);
  const text = where(p, lang) + t(lang, key, params);
  if (!detail || !p.detail) return text;
  // libxml2 names elements with their namespace ({http://crd.gov.pl/…}P_1): the local name says enough.
  return `${text} ${t(lang, 'send_check_detail', { detail: p.detail.replace(/\{[^}]*\}/g, '') })}`;
}
