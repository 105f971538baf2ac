// Structural FA(3) checks for when xmllint is not installed (or xsdValidation is 'off'): the required elements
// and fixed values of schemat_FA(3)_v1-0E.xsd that an invoicing program most often gets wrong. A subset of the
// XSD, never stricter than it, so an invoice xmllint accepts passes here too (fa3.test.ts, sending.test.ts).
import { FA3_NAMESPACE, parseXmlStrict } from './fa3';

/** Root children in the order of the XSD sequence (Faktura). */
const ROOT_ORDER = ['Naglowek', 'Podmiot1', 'Podmiot2', 'Podmiot3', 'PodmiotUpowazniony', 'Fa', 'Stopka', 'Zalacznik'];
const REQUIRED_ROOT = ['Naglowek', 'Podmiot1', 'Podmiot2', 'Fa'];

/** Required descendants (XSD minOccurs ≥ 1) with a value rule where the XSD fixes one. */
const REQUIRED: readonly [path: string, rule?: RegExp, expected?: string][] = [
  ['Naglowek/KodFormularza', /^FA$/, 'FA'],
  ['Naglowek/WariantFormularza', /^3$/, '3'],
  ['Naglowek/DataWytworzeniaFa', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/, 'data i czas'],
  ['Podmiot1/DaneIdentyfikacyjne/NIP', /^\d{10}$/, '10 cyfr'],
  ['Podmiot1/DaneIdentyfikacyjne/Nazwa'],
  ['Podmiot1/Adres/KodKraju', /^[A-Z]{2}$/, 'kod kraju'],
  ['Podmiot1/Adres/AdresL1'],
  ['Podmiot2/DaneIdentyfikacyjne'],
  ['Podmiot2/JST', /^[12]$/, '1 lub 2'],
  ['Podmiot2/GV', /^[12]$/, '1 lub 2'],
  ['Fa/KodWaluty', /^[A-Z]{3}$/, 'kod waluty'],
  ['Fa/P_1', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'data RRRR-MM-DD'],
  ['Fa/P_2'],
  ['Fa/P_15', /^-?\d{1,16}(\.\d{1,2})?$/, 'kwota'],
  ['Fa/Adnotacje/P_16', /^[12]$/, '1 lub 2'],
  ['Fa/Adnotacje/P_17', /^[12]$/, '1 lub 2'],
  ['Fa/Adnotacje/P_18', /^[12]$/, '1 lub 2'],
  ['Fa/Adnotacje/P_18A', /^[12]$/, '1 lub 2'],
  ['Fa/Adnotacje/Zwolnienie'],
  ['Fa/Adnotacje/NoweSrodkiTransportu'],
  ['Fa/Adnotacje/P_23', /^[12]$/, '1 lub 2'],
  ['Fa/Adnotacje/PMarzy'],
  ['Fa/RodzajFaktury', /^(VAT|KOR|ZAL|ROZ|UPR|KOR_ZAL|KOR_ROZ)$/, 'VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL lub KOR_ROZ'],
];

const elementsOf = (parent: Element): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};

function find(root: Element, path: string): Element | null {
  let current: Element | null = root;
  for (const name of path.split('/')) {
    current = current ? (elementsOf(current).find((e) => e.localName === name && e.namespaceURI === FA3_NAMESPACE) ?? null) : null;
  }
  return current;
}

/** Problems in KSeF's 430 style (one text per problem, naming the element); [] when none were found. */
export function checkFa3Structure(xml: Uint8Array): string[] {
  const parsed = parseXmlStrict(new TextDecoder().decode(xml));
  if ('error' in parsed) return [parsed.error];
  const root = parsed.doc.documentElement as Element;
  const problems: string[] = [];
  let last = -1;
  for (const child of elementsOf(root)) {
    const index = child.namespaceURI === FA3_NAMESPACE ? ROOT_ORDER.indexOf(child.localName ?? '') : -1;
    if (index < 0) problems.push(`Element ${child.localName} nie jest dozwolony w elemencie Faktura.`);
    else if (index < last) problems.push(`Element ${child.localName} występuje w niewłaściwym miejscu (kolejność: ${ROOT_ORDER.join(', ')}).`);
    else last = index;
  }
  for (const name of REQUIRED_ROOT) if (!find(root, name)) problems.push(`Brak wymaganego elementu ${name}.`);
  for (const [path, rule, expected] of REQUIRED) {
    if (problems.some((p) => p.includes(`elementu ${path.split('/')[0]}.`))) continue;
    const el = find(root, path);
    if (!el) {
      problems.push(`Brak wymaganego elementu ${path}.`);
      continue;
    }
    const value = (el.textContent ?? '').trim();
    if (rule && !rule.test(value)) problems.push(`Element ${path}: wartość '${value.slice(0, 100)}' jest nieprawidłowa (oczekiwano: ${expected}).`);
  }
  const kod = find(root, 'Naglowek/KodFormularza');
  if (kod && (kod.getAttribute('kodSystemowy') !== 'FA (3)' || kod.getAttribute('wersjaSchemy') !== '1-0E')) {
    problems.push(`Element Naglowek/KodFormularza: atrybuty kodSystemowy="FA (3)" i wersjaSchemy="1-0E" są wymagane.`);
  }
  return problems.slice(0, 10);
}
