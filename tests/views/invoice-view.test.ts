// lib/views/invoice-view.ts: which KOD I host an invoice's link uses, what the detail view shows, and that
// opening marks a new invoice seen (issue 7), in Node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_URLS } from '../../lib/domain/environments';
import type { Request } from '../../lib/messages';
import type { InvoiceRecord } from '../../lib/store/invoice-record';
import type { Profile } from '../../lib/store/records';
import { errorText, kodIEnvironment, kodILink, markOpenedSeen, showInvoice, shownSettlement } from '../../lib/views/invoice-view';

// SHA-256 of the empty string: any 32 bytes do for the link's shape.
const HASH = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
const SELLER = '5265877635';

function record(overrides: Partial<InvoiceRecord> = {}, hash: string | null = HASH): InvoiceRecord {
  return {
    profileId: 'p1',
    ksefNumber: `${SELLER}-20260115-0000000000AB-01`,
    issueDate: '2026-01-15',
    state: 'new',
    hasXml: 0,
    metadata: { ksefNumber: `${SELLER}-20260115-0000000000AB-01`, seller: { nip: SELLER }, ...(hash ? { invoiceHash: hash } : {}) },
    ...overrides,
  } as unknown as InvoiceRecord;
}
const profile = (environment: Profile['environment']) => ({ environment });

describe('KOD I', () => {
  it('points at the environment the invoice came from; the simulator and a removed profile at TEST', () => {
    expect(kodIEnvironment(profile('production'))).toBe('production');
    expect(kodIEnvironment(profile('demo'))).toBe('demo');
    expect(kodIEnvironment(profile('test'))).toBe('test');
    expect(kodIEnvironment(profile('simulator'))).toBe('test');
    expect(kodIEnvironment(undefined)).toBe('test');
  });

  it('builds the link on that host from the metadata hash (NOTES §12)', async () => {
    const link = await kodILink(record(), profile('production'), undefined);
    expect(link).toBe(`${ENVIRONMENT_URLS.production.qrBaseUrl}/invoice/${SELLER}/15-01-2026/47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU`);
    expect(await kodILink(record(), profile('simulator'), undefined)).toMatch(new RegExp(`^${ENVIRONMENT_URLS.test.qrBaseUrl}/`));
  });

  it('hashes the stored file when the metadata has no hash, and gives no link when neither is known', async () => {
    expect(await kodILink(record({}, null), profile('test'), '')).toBe(await kodILink(record(), profile('test'), undefined));
    expect(await kodILink(record({}, null), profile('test'), undefined)).toBeUndefined();
    expect(await kodILink(record({}, 'AAAA'), profile('test'), undefined)).toBeUndefined();
  });
});

describe('showInvoice', () => {
  it('parses the stored XML into the view, with the link', async () => {
    const xml = readFileSync('tests/fixtures/invoice/fa3-final.xml', 'utf8');
    const shown = await showInvoice(record({ hasXml: 1 }), { environment: 'test' } as Profile, xml, 'pl');
    expect(shown.view).toBeDefined();
    expect(shown.parseError).toBeUndefined();
    expect(shown.link).toMatch(/^https:\/\/qr-test\.ksef\.mf\.gov\.pl\/invoice\//);
  });

  it('says why an unreadable file cannot be shown, in the page language', async () => {
    const pl = await showInvoice(record(), undefined, '<nie-faktura/>', 'pl');
    const en = await showInvoice(record(), undefined, '<nie-faktura/>', 'en');
    expect(pl.view).toBeUndefined();
    expect(pl.parseError).toBeTruthy();
    expect(en.parseError).toBeTruthy();
    expect(en.parseError).not.toBe(pl.parseError);
  });

  it('takes a coded error\'s message in the page language', () => {
    const error = Object.assign(new Error('Brak odpowiedzi.'), { code: 'NO_RESPONSE', messageEn: 'No answer.' });
    expect(errorText(error, 'pl')).toBe('Brak odpowiedzi.');
    expect(errorText(error, 'en')).toBe('No answer.');
    expect(errorText(undefined, 'en')).not.toBe('');
  });
});

describe('opening marks it seen', () => {
  const worker = (ok = true) => {
    const sent: Request[] = [];
    return { sent, send: async (r: Request) => (sent.push(r), ok ? { ok: true, result: null } : { ok: false, error: { code: 'STORE_FAILED', message: 'x' } }) };
  };

  it('asks the worker to mark a new invoice seen', async () => {
    const { sent, send } = worker();
    expect(await markOpenedSeen(record(), send)).toBe(true);
    expect(sent).toEqual([{ type: 'setInvoiceState', keys: [{ profileId: 'p1', ksefNumber: record().ksefNumber }], state: 'seen' }]);
  });

  it('leaves a seen or booked invoice as it is', async () => {
    const { sent, send } = worker();
    expect(await markOpenedSeen(record({ state: 'seen' }), send)).toBe(false);
    expect(await markOpenedSeen(record({ state: 'booked' }), send)).toBe(false);
    expect(sent).toEqual([]);
  });

  it('does not fail the view when the worker refuses: the invoice stays new', async () => {
    const { send } = worker(false);
    expect(await markOpenedSeen(record(), send)).toBe(false);
  });
});

describe('shownSettlement (issue 16, B14)', () => {
  const zeroLines = { charges: [{ amount: '0.00', reason: 'Odsetki' }], chargesTotal: '0.00', deductions: [{ amount: '0', reason: 'Nadpłata' }], deductionsTotal: '0.00' };

  it('drops zero charges, deductions and totals and keeps what is to pay', () => {
    expect(shownSettlement({ ...zeroLines, toPay: '53.63' })).toEqual({ charges: [], deductions: [], toPay: '53.63' });
  });

  it('shows nothing when every amount is zero or absent', () => {
    expect(shownSettlement({ ...zeroLines, toPay: '0.00' })).toBeUndefined();
    expect(shownSettlement({ charges: [], deductions: [] })).toBeUndefined();
    expect(shownSettlement(undefined)).toBeUndefined();
  });

  it('keeps a non-zero line and text that is not a number (shown as written)', () => {
    const kept = shownSettlement({ charges: [{ amount: '12.50', reason: 'Odsetki' }, { amount: '0.00', reason: 'Opłata' }], deductions: [{ amount: 'abc', reason: 'x' }] });
    expect(kept).toEqual({ charges: [{ amount: '12.50', reason: 'Odsetki' }], deductions: [{ amount: 'abc', reason: 'x' }] });
  });
});
