// Issue 14 points 1 and 2 in Chromium: an organisation set up from files (a KSeF certificate and its AP-style .key
// from the simulator's CA) makes a new certificate in the browser from the custody panel; the worker's key is
// non-extractable; the next sync logs in with the new certificate; the previous one is revoked from the panel and
// KSeF refuses it at login. A certificate 20 days from expiry shows "Odnów certyfikat" on the options page and in
// the popup, and renews in one click. Screenshots of each state go to /tmp/enrol-shots (and are checked by axe).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthSession } from '../../lib/auth/session';
import { createMemoryTokenStore } from '../../lib/auth/token-store';
import { createKsefClient } from '../../lib/ksef/client';
import { loadCredentials } from '../../lib/pki';
import { startSimulator, type Simulator } from '../ksef-sim';
import { expectNoAxeViolations } from './axe';
import { launchExtension, settled, type LaunchedExtension } from './launch';
import { PKI, expected, openOptions, savedProfile, unfold } from './options-page';

const SHOTS = process.env.KSEF_ENROL_SHOTS_DIR ?? '/tmp/enrol-shots';
const OWNER = expected.nips.person;
const SEAL = expected.nips.seal;

let sim: Simulator;
let ext: LaunchedExtension;
const files = mkdtempSync(path.join(tmpdir(), 'ksef-enrol-e2e-'));

/** A KSeF certificate from the simulator's CA and its AP-style encrypted .key, as files; the name relative to PKI. */
async function issued(name: string, nip: string, expiresInDays: number) {
  const cert = await sim.admin.issueCertificate({ nip, expiresInDays, password: expected.password });
  writeFileSync(path.join(files, `${name}.crt`), cert.certificatePem);
  writeFileSync(path.join(files, `${name}.key`), cert.encryptedPrivateKeyPem!);
  return { ...cert, fixture: path.relative(PKI, path.join(files, name)) };
}

async function shoot(page: Page, name: string): Promise<void> {
  await settled(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The profile's credentials as the worker reads them from IndexedDB, and what WebCrypto says of the key. */
function workerCredentials(profileId: string) {
  return ext.sw.evaluate(async (id) => {
    const c = await (globalThis as any).__ksefPilotDev.store.createStore().getCredentials(id);
    const exported = await crypto.subtle.exportKey('pkcs8', c.privateKey).then(() => 'exported', (e: Error) => e.name);
    return { custody: c.custody, extractable: c.privateKey.extractable, algorithm: c.privateKey.algorithm, fingerprint: c.certificate.fingerprintSha256, serial: c.certificate.serialNumberHex, exported };
  }, profileId);
}

async function profileIdOf(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (n) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('ksef-pilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('profiles').objectStore('profiles').getAll();
          all.onsuccess = () => resolve((all.result as { id: string; name: string }[]).find((p) => p.name === n)!.id);
          all.onerror = () => reject(all.error);
        };
      }),
    name,
  );
}

/** The custody panel of the selected organisation, unfolded and in view. */
async function custodyPanel(page: Page) {
  await unfold(page, 'settings');
  const panel = page.getByTestId('custody-panel');
  await panel.waitFor();
  await panel.scrollIntoViewIfNeeded();
  return panel;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sim = await startSimulator({ port: 0, seed: 'e2e-enrol', rateLimits: false });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

describe('a certificate made in the browser', () => {
  it('enrols from the custody panel, syncs with it, and revokes the previous one, which KSeF then refuses', async () => {
    const old = await issued('ap-cert', OWNER, 365);
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Biuro Nowak', nip: OWNER }, old.fixture);
    const profileId = await profileIdOf(page, 'Biuro Nowak');
    const panel = await custodyPanel(page);
    expect(await panel.getAttribute('data-custody')).toBe('file');
    expect(await panel.getByTestId('no-file-no-password').textContent()).toBe('Na żadnym etapie nie powstaje plik z kluczem ani hasło: nie ma czego pobierać, zapisywać ani pilnować.');
    await shoot(page, 'custody-1-file');

    await panel.getByRole('button', { name: 'Wygeneruj certyfikat KSeF w przeglądarce' }).click();
    await panel.getByTestId('enrol-progress').waitFor();
    await panel.getByTestId('enrol-done').waitFor({ timeout: 90_000 });
    expect(await panel.getAttribute('data-custody')).toBe('browser');
    expect(await panel.getByTestId('custody-text').textContent()).toContain('nie ma pliku klucza ani hasła');
    await shoot(page, 'custody-2-done-revoke-offer');

    // The key lives in the worker's IndexedDB as a non-extractable ECDSA P-256 CryptoKey; WebCrypto refuses to export it.
    const now = await workerCredentials(profileId);
    expect(now).toMatchObject({ custody: 'browser', extractable: false, algorithm: { name: 'ECDSA', namedCurve: 'P-256' }, exported: 'InvalidAccessError' });
    expect(now.fingerprint).not.toBe(old.fingerprint);

    // The next sync logs in with the new certificate: the switch dropped the old login's tokens, KSeF saw the new
    // certificate sign, and the sync runs on tokens earned with it.
    const answer = await page.evaluate((id) => (globalThis as any).chrome.runtime.sendMessage({ type: 'syncNow', profileId: id }), profileId);
    expect(answer.ok).toBe(true);
    expect(answer.result.results[0].outcome).toBe('ok');
    const logins = [...sim.state.authOperations.values()].map((op: any) => op.loginCertificate?.fingerprint);
    expect(logins).toContain(now.fingerprint);
    const tokens = await ext.sw.evaluate(async (id) => (await (globalThis as any).__ksefPilotDev.store.createStore().getTokens(id)).certificateFingerprint, profileId);
    expect(tokens).toBe(now.fingerprint);

    // "Unieważnij poprzedni certyfikat": KSeF lists it Revoked, and a login with it is refused.
    await panel.getByRole('button', { name: 'Unieważnij poprzedni certyfikat' }).click();
    await panel.getByTestId('revoked').waitFor();
    await shoot(page, 'custody-3-revoked');
    expect(sim.admin.certificates().find((c: any) => c.serialNumber === old.serialNumber)?.status).toBe('Revoked');
    const oldCredentials = await loadCredentials({ certificate: old.certificatePem, privateKey: old.encryptedPrivateKeyPem!, password: expected.password });
    const session = createAuthSession({
      client: createKsefClient({ baseUrl: sim.baseUrl }),
      tokenStore: createMemoryTokenStore(),
      credentials: oldCredentials,
      context: { type: 'Nip', value: OWNER },
      pollDelaysMs: [200, 400, 800, 1600],
    });
    const refused = await session.getAccessToken().then(() => null, (e: { name?: string; code?: string }) => e);
    expect(refused).toMatchObject({ name: 'AuthError' });
    await page.close();
  }, 180_000);

  it('a certificate 20 days from expiry: "Odnów certyfikat" on the options page and in the popup, renewed in one click', async () => {
    const expiring = await issued('expiring', SEAL, 20);
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Fundacja Wygasająca', nip: SEAL }, expiring.fixture);
    const profileId = await profileIdOf(page, 'Fundacja Wygasająca');
    const panel = await custodyPanel(page);
    const offer = panel.getByTestId('renewal-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(/^Certyfikat wygasa \d{2}\.\d{2}\.\d{4} \(jeszcze 20 dni\)\. Odnów go jednym kliknięciem/);
    await panel.getByRole('button', { name: 'Odnów certyfikat' }).waitFor();
    await shoot(page, 'custody-4-renewal-offer');

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const renewal = popup.getByTestId('popup-renewal');
    await renewal.waitFor();
    expect(await renewal.textContent()).toContain('(jeszcze 20 dni)');
    await shoot(popup, 'popup-1-renewal-offer');
    await renewal.getByRole('button', { name: 'Odnów certyfikat' }).click();
    await renewal.getByText('Certyfikat odnowiony: nowy powstał w przeglądarce.').waitFor({ timeout: 90_000 });
    await shoot(popup, 'popup-2-renewed');
    await popup.close();

    const renewed = await workerCredentials(profileId);
    expect(renewed).toMatchObject({ custody: 'browser', extractable: false });
    expect(renewed.fingerprint).not.toBe(expiring.fingerprint);
    // Opened as a certificate notification opens it: on this organisation's custody panel.
    await page.goto(`chrome-extension://${ext.extensionId}/options.html?profile=${encodeURIComponent(profileId)}&view=custody`);
    await page.locator('main[data-ready="true"]').waitFor();
    await page.locator('[data-testid="settings"][open]').waitFor();
    const after = await custodyPanel(page);
    expect(await after.getAttribute('data-custody')).toBe('browser');
    expect(await after.getByTestId('renewal-offer').count()).toBe(0);
    await after.getByTestId('revoke-offer').waitFor();
    await shoot(page, 'custody-5-renewed');
    await page.close();
  }, 180_000);
});
