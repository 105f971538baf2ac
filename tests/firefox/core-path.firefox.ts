// Issue 16 finding 8: the core path in Debian's Firefox ESR with the Firefox development build (tests/firefox/
// launch.ts): set-up with the fixture certificate on the options page, "Weryfikuj certyfikat" against the
// simulator, the first sync storing the invoices and raising a notification, then the popup (opened as a tab).
// Screenshots: test-results/screenshots/firefox-*.png (and /tmp/firefox-shots when FIREFOX_SHOTS is set).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchFirefox, type LaunchedFirefox } from './launch';
import { capturedNotifications, captureNotifications } from './notifications';
import { click, field, shoot, storedInvoices, typeInto } from './pages';

const PKI = path.resolve('tests/fixtures/pki');
const expected = JSON.parse(readFileSync(path.join(PKI, 'expected.json'), 'utf8')) as { password: string; nips: { person: string; seal: string } };
const BUYER = expected.nips.person;
const SELLER = expected.nips.seal;
const ORG_NAME = 'Fundacja Firefox';
const INVOICES = 3;

let sim: Simulator;
let ff: LaunchedFirefox;
const invoiceNumbers: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'firefox-e2e', rateLimits: false });
  // Stored a few minutes ago: inside the first sync's default window (this month) and below the high-water mark.
  const now = Date.now();
  for (let i = 0; i < INVOICES; i++) {
    const stored = sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: 'Hurtownia Papieru Sp. z o.o.', permanentStorageDate: now - (i + 1) * 60_000 });
    invoiceNumbers.push(String(stored.invoiceNumber));
  }
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await sim?.stop();
});

describe('the core path in Firefox ESR', () => {
  it('sets up an organisation, verifies it, syncs with a notification, and shows it in the popup', async () => {
    const options = await ff.openPage('options.html');
    await options.waitForSelector('main[data-ready="true"]');
    await captureNotifications(options);
    await shoot(options, 'firefox-options-empty');

    // With no organisation yet the page opens on the new-organisation form.
    await typeInto(options, 'Nazwa organizacji', ORG_NAME);
    await typeInto(options, 'NIP organizacji', BUYER);
    await (await field(options, 'Środowisko KSeF')).select('simulator');
    const address = await field(options, 'Adres symulatora (API)');
    await address.evaluate((input) => input.select()); // replaces the default address
    await address.type(sim.baseUrl);
    // Step 1 saved alone; the certificate step follows (as tests/e2e/options-page.ts toCertificateStep).
    await click(options, 'Zapisz i przejdź dalej');
    await options.waitForSelector('[data-step="certificate"][aria-current="step"]');
    await (await field(options, 'Certyfikat (.crt)')).uploadFile(path.join(PKI, 'person-tinpl-ec.crt'));
    await (await field(options, 'Klucz prywatny (.key)')).uploadFile(path.join(PKI, 'person-tinpl-ec.key'));
    await typeInto(options, 'Hasło do klucza prywatnego', expected.password);
    await options.waitForSelector('[data-testid="local-ok"]');
    await click(options, 'Zapisz certyfikat');
    await options.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('Certyfikat zapisany'));

    await click(options, 'Weryfikuj certyfikat');
    await options.waitForSelector('[data-testid="verify-report"] [data-step="read"]:not([data-status="running"])');
    const steps = await options.$$eval('[data-testid="verify-report"] [data-step]', (nodes) =>
      Object.fromEntries(nodes.map((n) => [n.getAttribute('data-step'), n.getAttribute('data-status')])));
    expect(steps).toMatchObject({ certificate: 'ok', login: 'ok', read: 'ok' });
    expect(Object.entries(steps).filter(([, status]) => status !== 'ok')).toEqual([]);
    await shoot(options, 'firefox-options-verified');

    // The first sync ran after the save: the invoices are stored and one notification announces them.
    await expect.poll(() => storedInvoices(options)).toBe(INVOICES);
    await expect.poll(() => capturedNotifications(options)).toEqual([
      expect.objectContaining({ id: expect.stringMatching(new RegExp(`^new\\|.+\\|${INVOICES}$`)), title: expect.stringContaining(ORG_NAME) }),
    ]);

    const popup = await ff.openPage('popup.html', { width: 380, height: 600 });
    await popup.waitForFunction((name) => document.body.innerText.includes(name), {}, ORG_NAME);
    const popupText = await popup.evaluate(() => document.body.innerText);
    for (const number of invoiceNumbers) expect(popupText).toContain(number);
    await shoot(popup, 'firefox-popup');
  });
});
