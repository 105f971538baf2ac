// The structural FA(3) subset (used without xmllint) accepts what the XSD accepts and, for the errors it knows,
// refuses what the XSD refuses (checked against xmllint when installed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFa3Structure } from './fa3-structure';
import { generateInvoiceXml } from './invoice-templates';
import { KSEF_FIXTURES } from './kit';
import { createRng } from './random';
import { validateFa3Xsd, xmllintAvailable } from './xsd';

const bytes = (text: string) => new TextEncoder().encode(text);
const sample = (name: string) => readFileSync(`${KSEF_FIXTURES}${name}`, 'utf8');
const rng = createRng('fa3-structure');
const basic = generateInvoiceXml({ sellerNip: '7680002466', buyerNip: '5265877635', invoiceNumber: 'FV/1' }, rng, '2026-03-02');

describe('checkFa3Structure', () => {
  it.each([
    ['generated basic', basic],
    ['generated subject3', generateInvoiceXml({ template: 'subject3', sellerNip: '7680002466', buyerNip: '5265877635', thirdSubjectNip: '1111111111' }, rng, '2026-03-02')],
    ['pdf-generator sample', sample('sample-fa3-invoice-pdfgen.xml')],
    ['basic template', sample('sample-fa3-template-basic.xml').replace('#nip#', '5265877635').replace('#invoice_number#', '42')],
  ])('accepts the %s invoice', async (_name, xml) => {
    expect(checkFa3Structure(bytes(xml))).toEqual([]);
    if (xmllintAvailable()) expect((await validateFa3Xsd(bytes(xml))).errors).toEqual([]);
  });

  it.each([
    ['no GV', basic.replace(/<GV>\d<\/GV>/, ''), ['Brak wymaganego elementu Podmiot2/GV.']],
    ['no Adnotacje/P_23', basic.replace(/<P_23>\d<\/P_23>/, ''), ['Brak wymaganego elementu Fa/Adnotacje/P_23.']],
    ['a month 13', basic.replace(/<P_1>[^<]*<\/P_1>/, '<P_1>2026-13-01</P_1>'), ["Element Fa/P_1: wartość '2026-13-01' jest nieprawidłowa (oczekiwano: data RRRR-MM-DD)."]],
    ['WariantFormularza 2', basic.replace(/<WariantFormularza>3</, '<WariantFormularza>2<'), ["Element Naglowek/WariantFormularza: wartość '2' jest nieprawidłowa (oczekiwano: 3)."]],
    ['Fa before Podmiot2', basic.replace(/(<Podmiot2>[\s\S]*<\/Podmiot2>)([\s\S]*)(<Fa>[\s\S]*<\/Fa>)/, '$3$2$1'), ['Element Podmiot2 występuje w niewłaściwym miejscu (kolejność: Naglowek, Podmiot1, Podmiot2, Podmiot3, PodmiotUpowazniony, Fa, Stopka, Zalacznik).']],
    ['no Podmiot1', basic.replace(/<Podmiot1>[\s\S]*<\/Podmiot1>/, ''), ['Brak wymaganego elementu Podmiot1.']],
    ['a foreign element', basic.replace('</Faktura>', '<Uwagi>x</Uwagi></Faktura>'), ['Element Uwagi nie jest dozwolony w elemencie Faktura.']],
  ])('refuses %s, as the XSD does', async (_name, xml, problems) => {
    expect(checkFa3Structure(bytes(xml))).toEqual(problems);
    if (xmllintAvailable()) expect((await validateFa3Xsd(bytes(xml))).errors.length).toBeGreaterThan(0);
  });
});
