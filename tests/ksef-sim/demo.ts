// `npm run sim -- --demo`: a small organisation with purchase and sales invoices, so the extension has
// something to show at once. The NIPs are those of tests/fixtures/pki (person TINPL-5265877635, seal
// VATPL-7680002466), so the fixture certificates log in as their Owners.
import type { AdminApi } from './admin';
import { randomNip } from './ids';
import { SAMPLE_SELLERS } from './invoice-templates';
import { createRng } from './random';

export const DEMO_ORGANISATIONS = [
  { nip: '5265877635', name: 'Anna Nowak Biuro Rachunkowe' },
  { nip: '7680002466', name: 'Fundacja Przykładowa' },
] as const;

/** Invented seller NIPs (valid checksums, the same on every run) paired with SAMPLE_SELLERS by position. */
const sellerRng = createRng('demo-sellers');
const SELLER_NIPS = SAMPLE_SELLERS.map(() => randomNip(sellerRng));

const DAY = 86_400_000;

export function seedDemo(admin: AdminApi, nowMs: number): { purchase: number; sales: number } {
  let purchase = 0;
  let sales = 0;
  for (const org of DEMO_ORGANISATIONS) {
    for (let i = 0; i < 6; i++) {
      const when = nowMs - (25 - i * 4) * DAY;
      admin.addInvoice({
        sellerNip: SELLER_NIPS[i] as string,
        sellerName: SAMPLE_SELLERS[i]?.name,
        buyerNip: org.nip,
        buyerName: org.name,
        issueDate: new Date(when - DAY).toISOString().slice(0, 10),
        permanentStorageDate: when,
      });
      purchase += 1;
    }
    for (let i = 0; i < 2; i++) {
      const when = nowMs - (20 - i * 10) * DAY;
      admin.addInvoice({
        sellerNip: org.nip,
        sellerName: org.name,
        buyerNip: SELLER_NIPS[7 - i] as string,
        buyerName: SAMPLE_SELLERS[7 - i]?.name,
        issueDate: new Date(when).toISOString().slice(0, 10),
        permanentStorageDate: when,
      });
      sales += 1;
    }
  }
  // Someone else (the "other-nip" fixture person) may read the first organisation's invoices.
  admin.setGrants({ context: DEMO_ORGANISATIONS[0].nip, identity: { type: 'Nip', value: '1111111111' }, permissions: ['InvoiceRead'] });
  return { purchase, sales };
}
