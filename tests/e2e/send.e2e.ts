// Issue 12 end to end: the "Wysyłka do KSeF" view of the built extension in Chromium against the simulator.
// Files are chosen and dropped as a user would; the local check stops a schema error and a duplicate with their
// reasons before any request; a valid invoice is accepted with a KSeF number and a UPO that opens and downloads;
// KSeF's 450 shows as a rejection; and a worker stopped while KSeF processes an invoice resumes without sending
// it twice. Screenshots of each state go to /tmp/h7-shots (and test-results/screenshots).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileInput, saveFixtureCredentials, seed } from '../inbox/e2e-seed';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, screenshotPath, serviceWorkerRunning, settled, stopServiceWorker, type LaunchedExtension } from './launch';

const FIXTURES = 'tests/fixtures/send/e2e';
const SHOTS = '/tmp/h7-shots';
/** Sending goes through an online session with status polls and back-off: generous on a loaded 2-core machine. */
const SLOW = { timeout: 120_000, interval: 250 };
const KSEF_NUMBER = /^5265877635-\d{8}-[0-9A-F]{12}-[0-9A-F]{2}$/;
const POST_INVOICE = 'POST /sessions/online/{referenceNumber}/invoices';
/** The requests a file reaching KSeF would need: an online session opened, the invoice posted. */
const SENDING = ['POST /sessions/online', POST_INVOICE];

let sim: Simulator;
let ext: LaunchedExtension;
let page: Page;
let url: string;

const file = (name: string) => ({ name, mimeType: 'application/xml', buffer: readFileSync(path.join(FIXTURES, name)) });

async function shot(target: Page, name: string, fullPage = true): Promise<void> {
  await settled(target);
  await target.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
  await target.screenshot({ path: screenshotPath(`send-${name}`), fullPage });
}

/** Chooses files through the picker's file input (what "Wybierz pliki…" opens). */
async function choose(names: string[]): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(names.map(file));
}

/** Drops files on the drop zone, as from a file manager: a real DataTransfer carrying File objects. */
async function drop(names: string[]): Promise<void> {
  const files = names.map((name) => ({ name, text: readFileSync(path.join(FIXTURES, name), 'utf8') }));
  await page.getByTestId('send-drop').evaluate((zone, list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/xml' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

const fileRows = () => page.getByTestId('send-file');
const outboxRow = (number: string) => page.getByTestId('outbox-row').filter({ hasText: number });
const stepOf = async (number: string) => (await outboxRow(number).count()) === 0 ? undefined : outboxRow(number).first().getAttribute('data-step');
const lastSeq = () => sim.admin.requests().reduce((max, r) => Math.max(max, r.seq), 0);
const sendButton = () => page.getByRole('button', { name: /^Wyślij \d+ faktur/ });

/** The outbox item of an invoice number, read from the extension's IndexedDB by the page (same origin as the worker). */
function storedStep(number: string): Promise<string | undefined> {
  return page.evaluate(async (n) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('ksef-pilot');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all: { step: string; facts: { number: string } }[] = await new Promise((resolve, reject) => {
      const req = db.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return all.find((item) => item.facts.number === n)?.step;
  }, number);
}

async function currentWorker() {
  const [sw] = ext.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  return sw ?? ext.context.waitForEvent('serviceworker', { timeout: 60_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  sim = await startSimulator({ port: 0, seed: 'send-e2e', rateLimits: false });
  ext = await launchExtension();
  url = `chrome-extension://${ext.extensionId}/inbox.html`;
  await seed(ext.sw, { profile: profileInput('fundacja', 'Fundacja Otwarte Drzwi', sim.baseUrl), metadata: [] });
  await saveFixtureCredentials(ext.sw, 'fundacja');
  page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${url}#send`);
}, 180_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

// Each test waits on sending through KSeF's session and polls: more than the file-wide 90 s on a loaded machine.
describe('sending invoices to KSeF from the inbox page', { timeout: 360_000 }, () => {
  it('opens the send view at #send beside the received invoices', async () => {
    await expect.poll(() => page.getByRole('link', { name: 'Wysyłka do KSeF' }).getAttribute('aria-current'), SLOW).toBe('page');
    await expect.poll(() => page.getByText('Nie wysłano jeszcze żadnej faktury.').count(), SLOW).toBe(1);
    expect(await page.getByRole('button', { name: 'Wybierz pliki…' }).isVisible()).toBe(true);
    await shot(page, '1-empty');
    // The other tab is one click away, and back.
    await page.getByRole('link', { name: 'Faktury otrzymane' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Faktury otrzymane' }).getAttribute('aria-current'), SLOW).toBe('page');
    await shot(page, '0-received-tab');
    await page.getByRole('link', { name: 'Wysyłka do KSeF' }).click();
    await expect.poll(() => page.getByText('Nie wysłano jeszcze żadnej faktury.').count(), SLOW).toBe(1);
  });

  it('sends a chosen invoice: accepted by KSeF with a KSeF number', async () => {
    await choose(['fv-2026-11-001.xml']);
    await expect.poll(() => fileRows().filter({ hasText: 'Gotowa do wysłania' }).count(), SLOW).toBe(1);
    // The organisation is preselected: the seller NIP in the file is the profile's.
    expect(await page.getByRole('combobox', { name: 'Organizacja (sprzedawca)' }).inputValue()).toBe('fundacja');
    await sendButton().click();
    await expect.poll(() => stepOf('FV/2026/11/001'), SLOW).toBe('accepted');
    expect(await outboxRow('FV/2026/11/001').locator('.kp-send-ksef').textContent()).toMatch(KSEF_NUMBER);
  });

  it('refuses an XSD error and a duplicate on the computer with their reasons and no request; sends the valid one', async () => {
    const since = lastSeq();
    await drop(['fv-2026-11-002.xml', 'fv-2026-11-003-blad.xml', 'fv-2026-11-001-ponownie.xml']);
    await expect.poll(() => fileRows().count(), SLOW).toBe(3);
    await expect.poll(() => page.locator('.kp-send-counts').textContent(), SLOW).toBe(
      '1 faktura gotowa do wysłania · 2 pliki zatrzymane na tym komputerze',
    );
    const schema = fileRows().filter({ hasText: 'fv-2026-11-003-blad.xml' });
    expect(await schema.getByText('Nie zostanie wysłana').count()).toBe(1);
    const schemaReasons = await schema.locator('.kp-send-problems li').allTextContents();
    expect(schemaReasons.join('\n')).toMatch(/Wiersz 50/);
    expect(schemaReasons.join('\n')).toContain('P_13_1');
    const duplicate = fileRows().filter({ hasText: 'fv-2026-11-001-ponownie.xml' });
    const firstNumber = (await outboxRow('FV/2026/11/001').locator('.kp-send-ksef').textContent()) ?? '';
    expect((await duplicate.locator('.kp-send-problems li').allTextContents()).join('\n')).toContain(firstNumber);
    // Checked on the computer: no session was opened and no invoice went to KSeF. (Other requests may be the
    // worker still finishing the first sending: closing its session, fetching the collective UPO.)
    expect(sim.admin.requests().filter((r) => r.seq > since && SENDING.includes(r.operation ?? ''))).toEqual([]);
    await shot(page, '2-three-checked');

    await sendButton().click();
    await expect.poll(() => stepOf('FV/2026/11/002'), SLOW).toBe('accepted');
    // The refused files stay listed with their reasons; nothing else was sent.
    expect(await fileRows().count()).toBe(2);
    expect(sim.admin.requestCounts(since)[POST_INVOICE]).toBe(1);
    await shot(page, '3-after-sending');

    const ksefNumber = (await outboxRow('FV/2026/11/002').locator('.kp-send-ksef').textContent()) ?? '';
    expect(ksefNumber).toMatch(KSEF_NUMBER);
    await page.getByRole('button', { name: 'Pokaż fakturę FV/2026/11/002' }).click();
    const upo = page.getByRole('region', { name: 'Urzędowe poświadczenie odbioru (UPO)' });
    await expect.poll(() => upo.getByText('zgodny z wysłanym plikiem').count(), SLOW).toBe(1);
    expect(await upo.getByText(ksefNumber).count()).toBe(1);
    expect(await upo.getByText('FV/2026/11/002').count()).toBe(1);
    // The readable invoice with KOD I, as a seller prints it for a buyer outside KSeF.
    expect(await page.getByRole('img', { name: 'Kod QR z linkiem weryfikacyjnym faktury' }).count()).toBe(1);
    // The session's collective UPO, once KSeF has closed the session, names this invoice too.
    const collective = page.getByRole('region', { name: 'UPO zbiorcze sesji' });
    await expect.poll(() => collective.getByRole('button', { name: 'Pobierz UPO zbiorcze (XML), strona 1' }).count(), SLOW).toBe(1);
    expect(await collective.getByText(ksefNumber).count()).toBe(1);
    await shot(page, '4-upo');
    const [download] = await Promise.all([page.waitForEvent('download'), upo.getByRole('button', { name: 'Pobierz UPO (XML)' }).click()]);
    expect(download.suggestedFilename()).toBe(`UPO-${ksefNumber}.xml`);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain('<NumerKSeFDokumentu>');
    expect(saved).toContain(ksefNumber);

    await page.setViewportSize({ width: 400, height: 900 });
    await shot(page, '5-upo-400px');
    await shot(page, '5a-upo-400px-top', false);
    await upo.scrollIntoViewIfNeeded();
    await shot(page, '5b-upo-400px-receipt', false);
    // Nothing but the invoice sheet itself may be wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await page.getByRole('button', { name: '← Wróć do wysyłki' }).first().click();
    await expect.poll(() => outboxRow('FV/2026/11/002').count(), SLOW).toBe(1);
    await shot(page, '6-list-400px');
    await outboxRow('FV/2026/11/002').scrollIntoViewIfNeeded();
    await shot(page, '6a-list-400px-rows', false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await page.setViewportSize({ width: 760, height: 900 });
    await shot(page, '7-list-760px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // English when chosen: the view and the reasons of the refused files follow the page language.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Send to KSeF' }).count(), SLOW).toBe(1);
    await expect.poll(async () => (await fileRows().locator('.kp-send-problems li').allTextContents()).join('\n'), SLOW).not.toMatch(/Wiersz|została/);
    expect(await page.getByRole('button', { name: 'Show invoice FV/2026/11/002' }).count()).toBe(1);
    await shot(page, '9-english');
    await page.getByRole('button', { name: 'Polski' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Wysyłka do KSeF' }).count(), SLOW).toBe(1);
  });

  it('shows KSeF rejecting an invoice that passed the local checks (450) with the reason, and removes it', async () => {
    sim.admin.forceInvoiceStatus({ invoiceNumber: 'FV/2026/11/004', code: 450, details: ['Data dostawy P_6 nie może być późniejsza niż data wystawienia.'] });
    await page.getByRole('button', { name: 'Wyczyść listę plików' }).click();
    await choose(['fv-2026-11-004.xml']);
    await expect.poll(() => fileRows().filter({ hasText: 'Gotowa do wysłania' }).count(), SLOW).toBe(1);
    await sendButton().click();
    await expect.poll(() => stepOf('FV/2026/11/004'), SLOW).toBe('rejected');
    const row = outboxRow('FV/2026/11/004');
    expect(await row.locator('.kp-send-badge').textContent()).toBe('Odrzucona');
    expect((await row.locator('.kp-send-reason').textContent()) ?? '').not.toBe('');
    expect(await row.locator('.kp-send-ksef').textContent()).toBe('');
    await shot(page, '8-rejected-450');
    await row.getByRole('button', { name: 'Usuń fakturę FV/2026/11/004 z listy wysłanych' }).click();
    await expect.poll(() => outboxRow('FV/2026/11/004').count(), SLOW).toBe(0);
  });

  it('exports the accepted invoices with their KSeF numbers to a sales CSV', async () => {
    const numbers = await Promise.all(['FV/2026/11/001', 'FV/2026/11/002'].map(async (n) => (await outboxRow(n).locator('.kp-send-ksef').textContent()) ?? ''));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportuj przyjęte do CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faktury-wyslane-ksef-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Data wystawienia;Numer faktury;Rodzaj faktury;Nabywca;NIP nabywcy;Netto;VAT;Brutto;Waluta;Numer KSeF;Data przyjęcia w KSeF;NIP sprzedawcy;Organizacja');
    expect(lines.slice(1).map((l) => l.split(';')[9]).sort()).toEqual([...numbers].sort());
    expect(lines.find((l) => l.includes('FV/2026/11/002'))).toMatch(/^2026-11-30;FV\/2026\/11\/002;VAT;Hurtownia Papiernicza Biurex Sp\. z o\.o\.;7680002466;1060,00;215,00;1275,00;PLN;/);
  });

  it('resumes after the worker is stopped while KSeF processes an invoice, without sending it twice', async () => {
    // KSeF answers "150 processing" for a while, so the worker is stopped with the invoice sent but not final.
    sim.admin.forceInvoiceStatus({ invoiceNumber: 'FV/2026/11/005', pendingPolls: 4 });
    const since = lastSeq();
    await choose(['fv-2026-11-005.xml']);
    await expect.poll(() => fileRows().filter({ hasText: 'Gotowa do wysłania' }).count(), SLOW).toBe(1);
    await sendButton().click();
    await expect.poll(() => storedStep('FV/2026/11/005'), SLOW).toBe('sent');
    await stopServiceWorker(ext.context, ext.extensionId);
    expect(await serviceWorkerRunning(ext.context, ext.extensionId)).toBe(false);
    // Any message wakes the worker; it resumes from the store.
    await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'ping' }));
    ext.sw = await currentWorker();
    // The resumed worker waits out its status back-off before it asks again: allow for several minutes.
    await expect.poll(() => stepOf('FV/2026/11/005'), { timeout: 300_000, interval: 500 }).toBe('accepted');
    expect(sim.admin.requestCounts(since)[POST_INVOICE]).toBe(1);
    expect(sim.admin.invoices().filter((m) => m.invoiceNumber === 'FV/2026/11/005')).toHaveLength(1);
  });
});
