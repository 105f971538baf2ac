// Issue 14 point 3 end to end: a profile set up from files syncs, is switched to "Pytaj o hasło" in the options
// page (LockSetting), and its refresh token expires (the simulator's clock moved past it): the worker raises ONE
// unlock notification and signs nothing; its click opens the unlock page, which counts and names a wrong password,
// takes the right one, logs in, and the sync resumes (the new invoice arrives). Screenshots go to /tmp/lock-shots.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../ksef-sim';
import { expectNoAxeViolations } from './axe';
import { launchExtension, settled, type LaunchedExtension } from './launch';

const SHOTS = process.env.KSEF_LOCK_SHOTS_DIR ?? '/tmp/lock-shots';
const PKI = path.resolve('tests/fixtures/pki');
const expected = JSON.parse(readFileSync(path.join(PKI, 'expected.json'), 'utf8')) as { password: string; nips: { person: string; seal: string } };
const BUYER = expected.nips.person;
const SELLER = expected.nips.seal;
const LAG_MS = 300;
const UNLOCK_ID = 'notice|org|unlock';
const EIGHT_DAYS = 8 * 24 * 3_600_000;

let sim: Simulator;
let ext: LaunchedExtension;
let page: Page;


async function send(message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

const created = () => ext.sw.evaluate(() => [...((globalThis as any).__createdNotifications as string[])]);
const signatures = () => sim.admin.requests().filter((r) => r.path.endsWith('/auth/xades-signature'));
const invoiceCount = () => ext.sw.evaluate(async () => (await (globalThis as any).__ksefPilotDev.store.createStore().countByState('org')).new as number);
const credentials = () => ext.sw.evaluate(async () => {
  const c = await (globalThis as any).__ksefPilotDev.store.createStore().getCredentials('org');
  return { custody: c.custody, hasKey: c.privateKey !== undefined, sealed: c.sealedKey !== undefined, failedUnlocks: c.failedUnlocks, waiting: c.unlockRequestedAt !== undefined };
});

async function purchase(name: string): Promise<void> {
  const at = Date.parse(sim.admin.now());
  sim.admin.addInvoice({ sellerNip: SELLER, buyerNip: BUYER, sellerName: name, permanentStorageDate: at + 50 });
  await new Promise((r) => setTimeout(r, 50 + LAG_MS + 100));
}

/** A page (full) or one part of it (a locator), once the page has settled. */
async function shoot(target: Page | Locator, name: string): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  if ('goto' in target) {
    await settled(target);
    await target.screenshot({ path: file, fullPage: true });
  } else {
    await settled(target.page());
    await target.screenshot({ path: file });
  }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sim = await startSimulator({ port: 0, seed: 'e2e-locked', rateLimits: false, hwmLagMs: LAG_MS });
  ext = await launchExtension();
  page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  // Every notification the worker creates, counted (chrome.notifications.getAll shows only what is on screen).
  await ext.sw.evaluate(() => {
    const g = globalThis as any;
    g.__createdNotifications = [];
    const original = g.chrome.notifications.create.bind(g.chrome.notifications);
    g.chrome.notifications.create = (id: string, ...rest: unknown[]) => {
      g.__createdNotifications.push(id);
      return original(id, ...rest);
    };
  });
  await purchase('Hurtownia Papieru Sp. z o.o.');
  await ext.sw.evaluate(async (a) => {
    const d = (globalThis as any).__ksefPilotDev;
    const store = d.store.createStore();
    const today = new Date().toISOString().slice(0, 10);
    await store.saveProfile({
      id: 'org', name: 'Fundacja Zamknięta', nip: a.nip, environment: 'simulator', baseUrl: a.baseUrl,
      preferences: { ...d.store.defaultPreferences(new Date()), intervalMinutes: 60, firstSyncFrom: today },
    });
    await store.saveCredentials('org', await d.pki.loadCredentials({ certificate: a.certificate, privateKey: a.privateKey, password: a.password }));
    store.close();
  }, {
    nip: BUYER, baseUrl: sim.baseUrl, password: expected.password,
    certificate: readFileSync(path.join(PKI, 'person-tinpl-ec.crt'), 'utf8'),
    privateKey: readFileSync(path.join(PKI, 'person-tinpl-ec.key'), 'utf8'),
  });
  expect(await send({ type: 'profileSaved', profileId: 'org' })).toMatchObject({ ok: true });
}, 90_000);

afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

describe('locked mode in Chromium', () => {
  it('LockSetting locks the profile: only the sealed key is kept', async () => {
    await expect.poll(invoiceCount).toBe(1); // the first sync, on the key from the file
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.goto(`chrome-extension://${ext.extensionId}/options.html?profile=org`);
    await options.locator('main[data-ready="true"]').waitFor();
    // The custody panel sits in the organisation's folded settings.
    await options.getByText('Ustawienia organizacji', { exact: true }).click();
    const setting = options.getByTestId('lock-setting');
    await setting.waitFor();
    await expect.poll(() => setting.getAttribute('data-custody')).toBe('file');
    await shoot(setting, 'lock-setting-file');
    await setting.getByLabel('Plik klucza (.key lub .p12)').setInputFiles(path.join(PKI, 'person-tinpl-ec.key'));
    await setting.getByLabel('Hasło do klucza').fill('zle-haslo');
    await setting.getByRole('button', { name: 'Włącz „Pytaj o hasło”' }).click();
    await setting.locator('[role="alert"][data-code="WRONG_PASSWORD"]').waitFor();
    await setting.getByLabel('Hasło do klucza').fill(expected.password);
    await setting.getByRole('button', { name: 'Włącz „Pytaj o hasło”' }).click();
    await setting.getByText('Włączono „Pytaj o hasło”').waitFor();
    await expect.poll(() => setting.getAttribute('data-custody')).toBe('locked');
    expect(await credentials()).toMatchObject({ custody: 'locked', hasKey: false, sealed: true });
    await expectNoAxeViolations(options, { include: ['[data-testid="lock-setting"]'], label: 'lock setting' });
    await shoot(setting, 'lock-setting-locked');
    await shoot(options, 'options-locked');
    await options.close();
  });

  it('an expired refresh token raises one unlock notification and signs nothing; the unlock page resumes the sync', async () => {
    // Within the tokens' life the locked profile syncs as any other.
    expect((await send({ type: 'syncNow', profileId: 'org' })).result.results[0]).toMatchObject({ outcome: 'ok' });
    sim.admin.advanceClock(EIGHT_DAYS); // the 7-day refresh token has ended at KSeF
    sim.admin.clearRequests();
    for (let i = 0; i < 3; i += 1) await ext.sw.evaluate(() => (globalThis as any).__ksefPilotDev.worker.onAlarm({ name: 'sync:org' }));
    expect(signatures()).toEqual([]);
    expect((await created()).filter((id) => id === UNLOCK_ID)).toHaveLength(1);
    expect(await credentials()).toMatchObject({ waiting: true, hasKey: false });
    const status = await ext.sw.evaluate(() => {
      const d = (globalThis as any).__ksefPilotDev;
      return d.getProfileStatus(d.store.createStore(), 'org', new Date());
    });
    expect(status).toMatchObject({ state: 'locked', problem: { code: 'LOCKED' } });

    sim.admin.advanceClock(-EIGHT_DAYS); // back to now, so the new login's signing time is current
    await purchase('Drukarnia Nowa S.A.');
    const opened = ext.context.waitForEvent('page');
    await ext.sw.evaluate((id) => (globalThis as any).__ksefPilotDev.worker.onNotificationClicked(id), UNLOCK_ID);
    const unlock = await opened;
    expect(new URL(unlock.url()).pathname).toBe('/unlock.html');
    await unlock.setViewportSize({ width: 560, height: 640 });
    await unlock.locator('main[data-ready="true"]').waitFor();
    await unlock.getByRole('heading', { name: 'Fundacja Zamknięta' }).waitFor();
    await shoot(unlock, 'unlock-page');
    await expectNoAxeViolations(unlock, { label: 'unlock page' });

    await unlock.getByLabel('Hasło do klucza').fill('zle-haslo');
    await unlock.getByRole('button', { name: 'Odblokuj' }).click();
    await unlock.getByRole('alert').getByText('Nieprawidłowe hasło (1. próba)', { exact: false }).waitFor();
    expect(await credentials()).toMatchObject({ failedUnlocks: 1, waiting: true });
    expect(signatures()).toEqual([]);
    await shoot(unlock, 'unlock-page-wrong');
    await expectNoAxeViolations(unlock, { label: 'unlock page, wrong password' });

    await unlock.getByLabel('Hasło do klucza').fill(expected.password);
    await unlock.getByRole('button', { name: 'Odblokuj' }).click();
    await unlock.getByText('Odblokowano — synchronizacja wznowiona').waitFor();
    await shoot(unlock, 'unlock-page-done');
    expect(signatures()).toHaveLength(1);
    expect(await credentials()).toMatchObject({ custody: 'locked', hasKey: false, failedUnlocks: 0, waiting: false });
    await expect.poll(invoiceCount).toBe(2);
    expect((await created()).filter((id) => id === UNLOCK_ID)).toHaveLength(1);
    await unlock.close();
  });
});
