// libxml2's schema messages turned into problems a bookkeeper can act on: each XSD error becomes one
// XSD_INVALID with its line, the element path (resolved in the xmldom tree by libxml2's node path) and a
// `data.rule` naming the common cases (missing element, unexpected element, wrong date, amount, list value,
// pattern, length); the raw message stays in `detail`. Only the message formats of xmlschemas.c are parsed
// here; anything else falls back to the generic wording with the raw message shown.
import type { Document } from '@xmldom/xmldom';
import { elementAtNodePath, elementPath } from './paths';
import type { SendProblem } from './types';
import type { XsdIssue } from './xsd-engine';

/** Shown one by one; the rest are counted in one closing problem. */
export const MAX_XSD_PROBLEMS = 20;
const MAX_LISTED = 6;

/** `{http://…}P_1` → `P_1` */
function local(name: string): string {
  return name.replace(/\{[^}]*\}/g, '').trim();
}

function listOf(raw: string): string {
  const names = raw.split(',').map((n) => local(n)).filter(Boolean);
  return names.length > MAX_LISTED
    ? `${names.slice(0, MAX_LISTED).join(', ')}, … (+${names.length - MAX_LISTED})`
    : names.join(', ');
}

const DATE_TYPES = /^(TData|TDataT|TDataU)$/;
const NUMBER_TYPES = /^(TKwotowy|TKwotowy2|TIlosci|TProcentowy|TKwota2|TKwotaC|TNaturalny|TCalkowity|TRzeczywisty)$/;

/** The wording case and its values, from one libxml2 message. */
export function classifyXsdMessage(message: string): Record<string, string> {
  const subject = /^Element '([^']+)'(?:, attribute '([^']+)')?:\s*/.exec(message);
  const element = subject ? local(subject[1]!) : '';
  const attribute = subject?.[2];
  const rest = subject ? message.slice(subject[0].length) : message;
  const base: Record<string, string> = attribute ? { element, attribute } : { element };
  let m: RegExpExecArray | null;
  if ((m = /^Missing child element\(s\)\. Expected is (?:one of )?\( (.+) \)\.?$/s.exec(rest))) {
    return { rule: 'missing', ...base, expected: listOf(m[1]!) };
  }
  if ((m = /^This element is not expected\. Expected is (?:one of )?\( (.+) \)\.?$/s.exec(rest))) {
    return { rule: 'unexpected', ...base, expected: listOf(m[1]!) };
  }
  if (/^This element is not expected\.?$/.test(rest)) return { rule: 'unexpectedEnd', ...base };
  if ((m = /^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.?$/s.exec(rest))) {
    return { rule: 'enumeration', ...base, value: m[1]!, allowed: listOf(m[2]!.replace(/'/g, '')) };
  }
  if ((m = /^\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.?$/s.exec(rest))) {
    return { rule: element === 'NIP' && !attribute ? 'nip' : 'pattern', ...base, value: m[1]!, pattern: m[2]! };
  }
  if ((m = /^\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'/.exec(rest))) {
    return { rule: 'tooLong', ...base, length: m[1]!, max: m[2]! };
  }
  if ((m = /^\[facet '(?:minLength|length)'\] The value has a length of '(\d+)'; this (?:underruns|differs from) the allowed (?:minimum )?length of '(\d+)'/.exec(rest))) {
    return { rule: 'tooShort', ...base, length: m[1]!, min: m[2]! };
  }
  if ((m = /^'(.*)' is not a valid value of the (?:local )?(?:atomic|union|list) type(?: '(?:\{[^}]*\})?([^']*)')?/s.exec(rest))) {
    // An element's own (local) type has no name; in FA(3) the one such date is DataWytworzeniaFa (a date-time).
    const type = m[2] ?? (element === 'DataWytworzeniaFa' ? 'TDataCzas' : '');
    if (DATE_TYPES.test(type)) return { rule: 'date', ...base, value: m[1]! };
    if (type === 'TDataCzas') return { rule: 'dateTime', ...base, value: m[1]! };
    if (NUMBER_TYPES.test(type)) return { rule: 'number', ...base, value: m[1]! };
    return { rule: 'value', ...base, value: m[1]! };
  }
  if ((m = /^\[facet '\w+'\] The value '(.*?)'/s.exec(rest))) return { rule: 'value', ...base, value: m[1]! };
  return { rule: 'generic', ...base };
}

export function xsdProblems(issues: XsdIssue[], doc: Document | undefined): SendProblem[] {
  const out: SendProblem[] = issues.slice(0, MAX_XSD_PROBLEMS).map((issue) => {
    const el = doc && issue.nodePath ? elementAtNodePath(doc, issue.nodePath) : undefined;
    const data = classifyXsdMessage(issue.message);
    const problem: SendProblem = { code: 'XSD_INVALID', line: issue.line, detail: issue.message, data };
    if (el) problem.path = elementPath(el);
    return problem;
  });
  if (issues.length > MAX_XSD_PROBLEMS) {
    const count = String(issues.length - MAX_XSD_PROBLEMS);
    out.push({ code: 'XSD_INVALID', line: out.at(-1)?.line, data: { rule: 'more', count, shown: String(MAX_XSD_PROBLEMS) } });
  }
  return out;
}
