// Issue 16 on the options page, in Chromium against the simulator: the set-up as a guided flow (organisation →
// certificate → check → done), the first-sync day asked and seen before the first sync, the done state with
// "Otwórz faktury (3 nowe)" and the pin hint, settings folded away (page heights measured), older invoices
// fetched later without being announced, the activity log view, and the file-picker race (review B11).
// Screenshots, light and dark, 1280 and 400 px, each checked with axe, go to /tmp/options-shots.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { longDay } from '../../lib/setup/steps';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, type LaunchedExtension } from './launch';
import { chooseFiles, expected, fillOrganisation, openOptions, PKI, SHOTS, shootBoth, toCertificateStep, unfold } from './options-page';

const BUYER = expected.nips.person;
const SELLER = expected.nips.seal;
const DAY_MS = 86_400_000;

let ext: LaunchedExtension;
let sim: Simulator;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sim = await startSimulator({ port: 0, seed: 'options-flow-e2e', rateLimits: false });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

const metadataQueries = () => sim.admin.requests().filter((r) => r.path.startsWith('/v2/invoices/query/metadata')).length;

async function storeFacts(profileName: string) {
  return ext.sw.evaluate(async (name) => {
    const { store } = (globalThis as any).__ksefPilotDev;
    const s = store.createStore();
    const profile = (await s.listProfiles()).find((p: { name: string }) => p.name === name);
    const out = profile
      ? { id: profile.id as string, firstSyncFrom: profile.preferences.firstSyncFrom as string, counts: await s.countByState(profile.id), unannounced: (await s.unnotifiedSummary(profile.id, 10)).count as number }
      : null;
    s.close();
    return out;
  }, profileName);
}

describe('options page: the guided set-up', () => {
  it('organisation → certificate (first-sync day seen first) → check → done, then older invoices and the log', async () => {
    const now = Date.now();
    for (const [i, name] of ['Alfa Papier', 'Beta Biuro', 'Gamma Druk'].entries()) {
      sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: name, permanentStorageDate: new Date(now - 3_600_000 + i * 1000).toISOString() } as never);
    }
    for (const [i, name] of ['Stara Delta', 'Stara Epsilon'].entries()) {
      sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: name, permanentStorageDate: new Date(now - 40 * DAY_MS + i * 1000).toISOString() } as never);
    }
    sim.admin.clearRequests();

    const page = await openOptions(ext);
    expect(await page.locator('[aria-current="step"]').getAttribute('data-step')).toBe('organisation');
    await shootBoth(page, 'empty');
    await fillOrganisation(page, { name: 'Biuro Przewodnik', nip: BUYER, baseUrl: sim.baseUrl });
    await toCertificateStep(page);
    await chooseFiles(page, { certificate: 'person-tinpl-ec.crt', key: 'person-tinpl-ec.key' }, expected.password);
    await page.getByTestId('local-ok').waitFor();

    // The first-sync day is on screen, above the one save button, and says what it means; nothing synced yet.
    const day = await page.getByLabel('Pobierz faktury od dnia').inputValue();
    expect(await page.getByTestId('first-sync').textContent()).toContain(`Pobierzemy faktury od ${longDay('pl', day)}; starsze możesz pobrać później.`);
    const above = await page.evaluate(() => {
      const date = document.querySelector('[data-testid="first-sync"]')!;
      const save = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Zapisz certyfikat')!;
      return !!(date.compareDocumentPosition(save) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    await shootBoth(page, 'files-ok');
    expect(metadataQueries()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zapisz ustawienia' }).count()).toBe(0); // one save flow

    await page.getByRole('button', { name: 'Zapisz certyfikat' }).click();
    await expect.poll(metadataQueries).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Weryfikuj certyfikat' }).click();
    await page.locator('[data-step="done"][aria-current="step"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('open-inbox').textContent()).toBe('Otwórz faktury (3 nowe)');
    expect(await page.getByTestId('open-inbox').getAttribute('href')).toBe('inbox.html');
    expect(await page.getByTestId('pin-hint').textContent()).toContain('ikonę puzzla (Rozszerzenia)');
    expect(await page.getByTestId('done').textContent()).toContain(`Pobieramy faktury od ${longDay('pl', day)}.`);
    // Settings and the certificate pickers are folded away: the page is a fraction of today's 2 600–4 300 px.
    expect(await page.getByLabel('Certyfikat (.crt)').isVisible()).toBe(false);
    const done = await shootBoth(page, 'done');
    console.log(`options page height when done: ${done.wide} px at 1280 px, ${done.narrow} px at 400 px`);
    expect(done.wide).toBeLessThan(1800);
    expect(done.narrow).toBeLessThan(3200);
    await unfold(page, 'settings');
    await shootBoth(page, 'settings-unfolded');
    await page.getByTestId('settings').locator('summary').click(); // folded again

    // Older invoices later: stored, not announced, not counted as new.
    const facts = (await storeFacts('Biuro Przewodnik'))!;
    expect(facts).toMatchObject({ firstSyncFrom: day, counts: { new: 3 }, unannounced: 0 });
    const from = new Date(now - 60 * DAY_MS).toISOString().slice(0, 10);
    await unfold(page, 'older-invoices');
    await page.getByLabel('Pobierz starsze faktury od dnia').fill(from);
    await page.getByRole('button', { name: 'Pobierz starsze faktury' }).click();
    await expect.poll(() => page.getByTestId('older-result').textContent()).toBe(`Pobrano starsze faktury: 2. Teraz pobieramy faktury od ${longDay('pl', from)}.`);
    expect(await storeFacts('Biuro Przewodnik')).toMatchObject({ firstSyncFrom: from, counts: { new: 3, seen: 2 }, unannounced: 0 });
    expect(await page.getByTestId('open-inbox').textContent()).toBe('Otwórz faktury (3 nowe)');

    // The activity log: newest first, plain words, Polish time.
    const log = await openOptions(ext, `?profile=${encodeURIComponent(facts.id)}&view=log`);
    const view = log.getByTestId('log-view');
    await expect.poll(() => view.locator('li').count()).toBeGreaterThan(2);
    const codes = await view.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
    expect(codes[0]).toBe('OLDER_INVOICES_FETCHED');
    expect(codes).toContain('VERIFY_OK');
    expect(await view.textContent()).toContain('Sprawdzono KSeF. Zapisano nowych faktur: 3.');
    expect(await view.locator('li time').first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(await view.textContent()).not.toContain(expected.password);
    await shootBoth(log, 'log');
    await log.close();
    await page.close();
  });

  it('keeps both files when they are picked ~0 ms apart (review B11)', async () => {
    const page = await openOptions(ext);
    await page.getByRole('button', { name: /Dodaj organizację/ }).click();
    await fillOrganisation(page, { name: 'Szybkie wybieranie', nip: BUYER, baseUrl: sim.baseUrl });
    await toCertificateStep(page);
    const files = ['person-tinpl-ec.crt', 'person-tinpl-ec.key'].map((f) => ({ name: f, bytes: [...readFileSync(path.join(PKI, f))] }));
    // Both change events in one task: the second pick starts before the first one's read has finished.
    await page.evaluate((list) => {
      const inputs = [document.querySelector<HTMLInputElement>('input[name="certificate"]')!, document.querySelector<HTMLInputElement>('input[name="key"]')!];
      list.forEach((f, i) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
        inputs[i]!.files = dt.files;
      });
      for (const input of inputs) input.dispatchEvent(new Event('change', { bubbles: true }));
    }, files);
    await page.getByText('Wybrano: person-tinpl-ec.crt').waitFor();
    await page.getByText('Wybrano: person-tinpl-ec.key').waitFor();
    await page.getByLabel('Hasło do klucza prywatnego').fill(expected.password);
    await page.getByTestId('local-ok').waitFor();
    await page.close();
  });
});
