// npm start (scripts/start.sh): three FA(3) files of the demo organisation to try "Wysyłka do KSeF" with, written
// into the folder given as the only argument, replacing what an earlier run left there. Two are valid; the third
// has an amount with a decimal comma ("300,00"), which the FA(3) schema refuses (TKwotowy is xsd:decimal), so the
// local check stops it with the line and element. Issue date: today in Poland; the numbers carry the date and
// time, so every run can send again without "already sent" (KSeF's duplicate key: seller NIP + kind + P_2, NOTES §8.4).
// Usage: node --import tsx scripts/demo-invoices.ts .demo/faktury-do-wyslania
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ORGANISATIONS } from '../tests/ksef-sim/demo';
import { randomNip } from '../tests/ksef-sim/ids';
import { generateInvoiceXml, SAMPLE_BUYERS, SAMPLE_SELLERS, type InvoiceLine, type Party } from '../tests/ksef-sim/invoice-templates';
import { createRng, type Rng } from '../tests/ksef-sim/random';
import { warsawIso } from '../tests/ksef-sim/time';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node --import tsx scripts/demo-invoices.ts <folder>');

const [org, fundacja] = DEMO_ORGANISATIONS; // the seller; a known subject of the simulator as the first buyer
const office: Party = { name: org.name, street: 'ul. Marszałkowska 84/92 lok. 12', city: '00-514 Warszawa' };
const buyers = {
  fundacja: { nip: fundacja.nip, party: SAMPLE_BUYERS[0]! },
  stowarzyszenie: { nip: randomNip(createRng('demo-invoices-buyer')), party: SAMPLE_BUYERS[1]! },
};

/** The generator picks addresses at random; here each party keeps its own, the same on every run. */
function fixedParties(buyer: Party): Rng {
  const base = createRng('demo-invoices');
  const pick = <T>(items: readonly T[]): T =>
    (items === (SAMPLE_SELLERS as readonly unknown[]) ? office : items === (SAMPLE_BUYERS as readonly unknown[]) ? buyer : base.pick(items)) as T;
  return { ...base, pick };
}

const nowIso = warsawIso(Date.now()); // 2026-03-02T14:30:12.345+01:00
const today = nowIso.slice(0, 10);
const stamp = `${today.replaceAll('-', '')}-${nowIso.slice(11, 19).replaceAll(':', '')}`;
const createdAt = `${new Date().toISOString().slice(0, 19)}Z`;

const invoices: { file: string; buyer: keyof typeof buyers; lines: InvoiceLine[]; mistake?: [string, string] }[] = [
  {
    file: 'faktura-1-fundacja-przykladowa.xml',
    buyer: 'fundacja',
    lines: [{ name: 'Usługa prowadzenia ksiąg rachunkowych', unit: 'mies.', quantity: 1, unitNetPrice: 850, vatRate: 23 }],
  },
  {
    file: 'faktura-2-stowarzyszenie.xml',
    buyer: 'stowarzyszenie',
    lines: [
      { name: 'Sporządzenie sprawozdania finansowego', unit: 'usł.', quantity: 1, unitNetPrice: 1200, vatRate: 23 },
      { name: 'Konsultacje księgowe', unit: 'godz.', quantity: 3, unitNetPrice: 150, vatRate: 23 },
    ],
  },
  {
    file: 'faktura-3-z-bledem.xml',
    buyer: 'fundacja',
    lines: [{ name: 'Przygotowanie deklaracji VAT', unit: 'usł.', quantity: 2, unitNetPrice: 150, vatRate: 23 }],
    // As if typed by hand in a Polish program: a decimal comma in the net amount.
    mistake: ['<P_13_1>300.00</P_13_1>', '<P_13_1>300,00</P_13_1>'],
  },
];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
invoices.forEach(({ file, buyer, lines, mistake }, i) => {
  const { nip, party } = buyers[buyer];
  let xml = generateInvoiceXml(
    { sellerNip: org.nip, sellerName: org.name, buyerNip: nip, buyerName: party.name, invoiceNumber: `FV/${stamp}/${i + 1}`, issueDate: today, lines },
    fixedParties(party),
    today,
  ).replace(`<DataWytworzeniaFa>${today}T08:00:00Z</DataWytworzeniaFa>`, `<DataWytworzeniaFa>${createdAt}</DataWytworzeniaFa>`);
  if (mistake) {
    if (!xml.includes(mistake[0])) throw new Error(`demo invoice ${file}: ${mistake[0]} not found`);
    xml = xml.replace(mistake[0], mistake[1]);
  }
  writeFileSync(path.join(outDir, file), xml);
});
console.log(`› wrote ${readdirSync(outDir).length} demo invoices (FV/${stamp}/1–3) into ${outDir}`);
