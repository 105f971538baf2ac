// Demo data for the popup and inbox end-to-end tests and the browser bench: Polish sellers, realistic amounts
// and dates, KSeF-shaped numbers, and the sample FA(3) files as XML. Seeded through the development build's
// service-worker hooks (lib/dev/hooks.ts). Not a test file: imported by tests/e2e/{popup,inbox}*.e2e.ts and
// scripts/bench-browser.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import type { InvoiceMetadata } from '../../lib/store/invoice-record';
import type { ProfileInput } from '../../lib/store/records';

export const BUYER_NIP = '5265877635';

const SELLERS: [string, string][] = [
  ['5213017228', 'Hurtownia Papieru ŚWIT Sp. z o.o.'],
  ['7740001454', 'Orlen Paliwa Sp. z o.o.'],
  ['5260250995', 'Orange Polska S.A.'],
  ['5270103391', 'PGNiG Obrót Detaliczny Sp. z o.o.'],
  ['1132853869', 'Biuro Rachunkowe „Bilans” s.c. Anna Nowak, Jan Wiśniewski'],
  ['6462933516', 'Drukarnia Łódzka Józef Żak'],
  ['9542751368', 'Kancelaria Radcy Prawnego Małgorzata Kęsik'],
  ['5252344078', 'Allegro.pl Sp. z o.o.'],
  ['8992689516', 'Wrocławskie Przedsiębiorstwo Wodociągów S.A.'],
  ['6761013717', 'Księgarnia Naukowa im. Kopernika'],
  ['5222680297', 'Żabka Polska Sp. z o.o.'],
  ['7792433421', 'Poznańska Spółdzielnia Mieszkaniowa'],
];

/** The sample invoices, each with metadata that matches its content. */
export const FIXTURES = [
  { file: 'ksef/sample-fa3-invoice-pdfgen.xml', number: 'FA/YUCFO-4342344706/03/2026', issueDate: '2025-10-31', seller: ['5265877635', 'Bartkowiak, Dróżdż and Górecki'], gross: 33569.5, net: 27292.28, currency: 'PLN' },
  { file: 'invoice/fa3-correction.xml', number: 'KOR/2025/11/0001', issueDate: '2025-11-05', seller: ['5265877635', 'Bartkowiak, Dróżdż and Górecki'], gross: 82.9, net: 67.4, currency: 'PLN' },
  { file: 'invoice/fa3-advance.xml', number: 'ZAL/2026/01/7', issueDate: '2026-01-10', seller: ['5265877635', 'Bartkowiak, Dróżdż and Górecki'], gross: 1230, net: 1000, currency: 'EUR' },
  { file: 'invoice/fa3-final.xml', number: 'ROZ/2026/02/1', issueDate: '2026-02-20', seller: ['5265877635', 'Bartkowiak, Dróżdż and Górecki'], gross: 11070, net: 9000, currency: 'EUR' },
] as const;

export function fixtureXml(file: string): string {
  return readFileSync(path.resolve('tests/fixtures', file), 'utf8');
}

export function ksefNumber(nip: string, date: string, i: number): string {
  const hex = (i * 2654435761 % 0xffffffffffff).toString(16).toUpperCase().padStart(12, '0');
  return `${nip}-${date.replace(/-/g, '')}-${hex}-${(i % 256).toString(16).toUpperCase().padStart(2, '0')}`;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

async function sha256(text: string): Promise<string> {
  return base64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

export function metadataOf(input: {
  ksefNumber: string; number: string; issueDate: string; seller: readonly [string, string | null]; gross: number; net: number;
  currency: string; storedAt: Date; hash: string;
}): InvoiceMetadata {
  const stored = input.storedAt.toISOString();
  return {
    ksefNumber: input.ksefNumber,
    invoiceNumber: input.number,
    issueDate: input.issueDate,
    invoicingDate: stored,
    acquisitionDate: stored,
    permanentStorageDate: stored,
    seller: { nip: input.seller[0], name: input.seller[1] },
    buyer: { identifier: { type: 'Nip', value: BUYER_NIP }, name: 'Fundacja Otwarte Drzwi' },
    netAmount: input.net,
    grossAmount: input.gross,
    vatAmount: Math.round((input.gross - input.net) * 100) / 100,
    currency: input.currency,
    invoiceType: 'Vat',
    invoiceHash: input.hash,
  };
}

/**
 * `count` invoices issued over the months before `now`, newest stored last; the first ones are the
 * sample files (with their XML). Deterministic: the same count gives the same data.
 */
export async function demoInvoices(count: number, now: Date): Promise<{ metadata: InvoiceMetadata[]; xml: Record<string, string> }> {
  const metadata: InvoiceMetadata[] = [];
  const xml: Record<string, string> = {};
  const fixtures = FIXTURES.slice(0, Math.min(count, FIXTURES.length));
  for (const [i, f] of fixtures.entries()) {
    const text = fixtureXml(f.file);
    const n = ksefNumber(f.seller[0], f.issueDate, i + 1);
    metadata.push(metadataOf({ ksefNumber: n, number: f.number, issueDate: f.issueDate, seller: f.seller, gross: f.gross, net: f.net, currency: f.currency, storedAt: new Date(now.getTime() - (count - i) * 3_600_000), hash: await sha256(text) }));
    xml[n] = text;
  }
  for (let i = fixtures.length; i < count; i++) {
    const [nip, name] = SELLERS[(i * 7) % SELLERS.length]!;
    const storedAt = new Date(now.getTime() - (count - i) * 1_800_000);
    const issued = new Date(storedAt.getTime() - ((i % 5) + 1) * 86_400_000).toISOString().slice(0, 10);
    const net = Math.round(((i * 9301 + 49297) % 233280) / 233280 * 9_000_00 + 1_999) / 100;
    const gross = Math.round(net * 123) / 100;
    metadata.push(
      metadataOf({ ksefNumber: ksefNumber(nip, issued, i + 1), number: `FV/${String(i).padStart(5, '0')}/${issued.slice(0, 4)}`, issueDate: issued, seller: [nip, name], gross, net, currency: 'PLN', storedAt, hash: 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=' }),
    );
  }
  return { metadata, xml };
}

/** A profile of the buyer; against the simulator when `simulatorUrl` is given (its /v2 base). */
export function profileInput(id: string, name: string, simulatorUrl?: string): ProfileInput {
  return {
    id,
    name,
    nip: BUYER_NIP,
    ...(simulatorUrl ? { environment: 'simulator' as const, baseUrl: simulatorUrl } : { environment: 'test' as const }),
    preferences: {
      autoSync: true, intervalMinutes: 15, subjectTypes: ['Subject2'], firstSyncFrom: '2025-01-01', notifications: true, language: 'pl',
    },
  };
}

/** Writes profiles, invoices (in batches) and XML through the service worker's store. */
export async function seed(
  sw: Worker,
  data: { profile: ProfileInput; metadata: InvoiceMetadata[]; xml?: Record<string, string>; states?: Record<string, 'seen' | 'booked'> },
): Promise<void> {
  await sw.evaluate(async ({ profile, metadata, xml, states }) => {
    const dev = (globalThis as unknown as { __ksefPilotDev: { store: typeof import('../../lib/store') } }).__ksefPilotDev;
    const store = dev.store.createStore();
    await store.saveProfile(profile);
    for (let i = 0; i < metadata.length; i += 5000) {
      await store.putNewInvoices(profile.id, 'Subject2', metadata.slice(i, i + 5000));
    }
    await store.markNotified(metadata.map((m) => ({ profileId: profile.id, ksefNumber: m.ksefNumber })).slice(0, 10_000));
    for (const [n, text] of Object.entries(xml ?? {})) await store.saveInvoiceXml(profile.id, n, { xml: text });
    for (const state of ['seen', 'booked'] as const) {
      const keys = Object.entries(states ?? {}).filter(([, s]) => s === state).map(([n]) => ({ profileId: profile.id, ksefNumber: n }));
      if (keys.length > 0) await store.setInvoiceState(keys, state);
    }
    store.close();
  }, { profile: data.profile, metadata: data.metadata, xml: data.xml ?? {}, states: data.states ?? {} });
}

/** The person certificate of tests/fixtures/pki (NIP 5265877635, an Owner in the simulator) as the profile's credentials. */
export async function saveFixtureCredentials(sw: Worker, profileId: string): Promise<void> {
  const dir = path.resolve('tests/fixtures/pki');
  const password: string = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')).password;
  await sw.evaluate(
    async (input) => {
      const dev = (globalThis as unknown as {
        __ksefPilotDev: { pki: typeof import('../../lib/pki'); store: typeof import('../../lib/store') };
      }).__ksefPilotDev;
      const { certificate, privateKey } = await dev.pki.loadCredentials(input.files);
      const store = dev.store.createStore();
      await store.saveCredentials(input.profileId, { certificate, privateKey });
      store.close();
    },
    {
      profileId,
      files: {
        certificate: readFileSync(path.join(dir, 'person-tinpl-ec.crt'), 'utf8'),
        privateKey: readFileSync(path.join(dir, 'person-tinpl-ec.key'), 'utf8'),
        password,
      },
    },
  );
}
