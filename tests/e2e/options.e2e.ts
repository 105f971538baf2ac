// Issue 6, the options page in Chromium through the real page: real file uploads (setInputFiles) and a drop,
// the local diagnostics with their fixes, saving (non-extractable key, no password stored), two profiles,
// preferences, the language switch and keyboard order. The KSeF behind it is the simulator (tests/ksef-sim).
// Screenshots of every state at 1280 px and 400 px go to test-results/screenshots/options-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../ksef-sim';
import { launchExtension, screenshotPath, type LaunchedExtension } from './launch';
import { chooseFiles, expected, fillOrganisation, openOptions, PKI, savedProfile, shoot, toCertificateStep, unfold } from './options-page';

/** Waits until the local checks settled and returns the verdict codes shown. */
async function localVerdicts(page: Page): Promise<string[]> {
  const checks = page.getByTestId('local-checks');
  await checks.waitFor();
  await expect.poll(() => checks.getAttribute('aria-busy')).toBe('false');
  return checks.locator('[data-verdict]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-verdict') ?? ''));
}

/** Full-page screenshots at a wide and a narrow window. */
/** What the extension's IndexedDB holds for a profile, read in the service worker through lib/store. */
async function storedProfile(ext: LaunchedExtension, profileId: string) {
  return ext.sw.evaluate(async (id) => {
    const { store } = (globalThis as any).__ksefPilotDev;
    const s = store.createStore();
    const profile = await s.getProfile(id);
    const creds = await s.getCredentials(id);
    s.close();
    return {
      profile: profile ? { name: profile.name, nip: profile.nip, environment: profile.environment, preferences: profile.preferences } : null,
      credentials: creds
        ? { fingerprint: creds.certificate.fingerprintSha256, extractable: creds.privateKey.extractable, type: creds.privateKey.type, keyAlgorithm: creds.keyAlgorithm }
        : null,
    };
  }, profileId);
}

async function profileIds(ext: LaunchedExtension): Promise<{ id: string; name: string }[]> {
  return ext.sw.evaluate(async () => {
    const { store } = (globalThis as any).__ksefPilotDev;
    const s = store.createStore();
    const list = await s.listProfiles();
    s.close();
    return list.map((p: { id: string; name: string }) => ({ id: p.id, name: p.name }));
  });
}

const OWNER = expected.nips.person;
const SEAL = expected.nips.seal;
const OTHER = expected.nips.other;

let ext: LaunchedExtension;
let sim: Simulator;

beforeAll(async () => {
  mkdirSync(path.dirname(screenshotPath('x')), { recursive: true });
  sim = await startSimulator({ port: 0, seed: 'options-e2e', rateLimits: false });
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await sim?.stop();
});

async function newProfilePage(org: { name: string; nip: string; environment?: string }): Promise<Page> {
  const page = await openOptions(ext);
  await page.getByRole('button', { name: /Dodaj organizację/ }).click();
  await fillOrganisation(page, { ...org, baseUrl: org.environment && org.environment !== 'simulator' ? undefined : sim.baseUrl });
  await toCertificateStep(page);
  return page;
}

describe('options page: set-up', () => {
  it('starts empty, in Polish, with the NIP checked as typed', async () => {
    const page = await openOptions(ext);
    expect(await page.textContent('h1')).toBe('KSeF Pilot – ustawienia');
    await expect.poll(() => page.textContent('nav')).toContain('Nie dodano jeszcze żadnej organizacji.');
    const nip = page.getByLabel('NIP organizacji');
    await nip.fill('526-587-76-36');
    await page.getByText('Ten NIP ma błędną cyfrę kontrolną – sprawdź, czy nie ma literówki.').waitFor();
    expect(await nip.getAttribute('aria-invalid')).toBe('true');
    await nip.fill('526-587-76-35');
    await page.getByText('NIP poprawny.').waitFor();
    // Step 1 of 4 asks only for the organisation; it may be saved once named (review B10).
    expect(await page.locator('[aria-current="step"]').getAttribute('data-step')).toBe('organisation');
    expect(await page.getByRole('button', { name: 'Zapisz i przejdź dalej' }).isDisabled()).toBe(true);
    await page.getByLabel('Nazwa organizacji').fill('Biuro');
    expect(await page.getByRole('button', { name: 'Zapisz i przejdź dalej' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Zapisz certyfikat' }).count()).toBe(0);
    await shoot(page, 'options-empty');
    await page.close();
  });

  it.each([
    ['EC (AP-style .key)', 'person-tinpl-ec', 'ECDSA P-256', 'EC P-256'],
    ['RSA 2048', 'person-rsa2048', 'RSASSA-PKCS1-v1_5 SHA-256', 'RSA 2048'],
  ])('sets up an %s certificate and keeps the key non-extractable', async (_label, name, keyAlgorithm, cardKey) => {
    const page = await newProfilePage({ name: `Biuro ${name}`, nip: OWNER });
    await chooseFiles(page, { certificate: `${name}.crt`, key: `${name}.key` }, expected.password);
    expect(await localVerdicts(page)).toEqual([]);
    await page.getByTestId('local-ok').waitFor();
    const card = page.getByTestId('certificate-card');
    expect(await card.textContent()).toContain('Anna Nowak');
    expect(await card.textContent()).toContain(`NIP ${OWNER}`);
    expect(await card.textContent()).toContain('uwierzytelniający (do logowania)');
    expect(await card.textContent()).toContain('TEST CCK KSeF');
    expect(await card.textContent()).toContain(cardKey);
    await shoot(page, `options-ready-${name}`);
    await page.getByRole('button', { name: 'Zapisz certyfikat' }).click();
    await page.getByTestId('notice').getByText('Certyfikat zapisany', { exact: false }).waitFor();
    expect(await page.getByLabel('Hasło do klucza prywatnego').inputValue()).toBe('');
    await unfold(page, 'replace-certificate');
    await page.getByRole('heading', { name: 'Zapisany certyfikat' }).waitFor();
    await shoot(page, `options-saved-${name}`);
    const saved = (await profileIds(ext)).find((p) => p.name === `Biuro ${name}`);
    expect(saved).toBeDefined();
    const stored = await storedProfile(ext, saved!.id);
    expect(stored.profile).toMatchObject({ nip: OWNER, environment: 'simulator' });
    expect(stored.credentials).toMatchObject({ extractable: false, type: 'private', keyAlgorithm });
    // The password is nowhere in the extension's IndexedDB.
    const leaked = await ext.sw.evaluate(async (pw) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('ksef-pilot');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const dump: string[] = [];
      for (const name of Array.from(db.objectStoreNames)) {
        const all: unknown[] = await new Promise((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
        });
        dump.push(JSON.stringify(all, (_k, v) => (v instanceof CryptoKey ? 'CryptoKey' : v)));
      }
      db.close();
      return dump.join('\n').includes(pw);
    }, expected.password);
    expect(leaked).toBe(false);
    await page.close();
  });

  it('accepts one .p12 file', async () => {
    const page = await newProfilePage({ name: 'Z pliku p12', nip: OWNER });
    await chooseFiles(page, { p12: 'ec-bundle.p12' }, expected.password);
    expect(await localVerdicts(page)).toEqual([]);
    await page.getByTestId('local-ok').waitFor();
    expect(await page.getByRole('button', { name: 'Zapisz certyfikat' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Wyczyść wybór' }).click();
    await expect.poll(() => page.getByTestId('local-checks').count()).toBe(0);
    expect(await page.getByTestId('certificate-card').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zapisz certyfikat' }).isDisabled()).toBe(true);
    await page.close();
  });

  it('recognises dropped files by themselves, even in the wrong order', async () => {
    const page = await newProfilePage({ name: 'Przeciągnięte', nip: OWNER });
    const files = ['person-tinpl-ec.key', 'person-tinpl-ec.crt'].map((f) => ({ name: f, bytes: [...readFileSync(path.join(PKI, f))] }));
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, files);
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByText('Wybrano: person-tinpl-ec.crt').waitFor();
    await page.getByText('Wybrano: person-tinpl-ec.key').waitFor();
    await page.getByLabel('Hasło do klucza prywatnego').fill(expected.password);
    expect(await localVerdicts(page)).toEqual([]);
    await page.getByTestId('local-ok').waitFor();
    await page.close();
  });
});

describe('options page: local diagnostics, each with its fix', () => {
  it.each([
    ['wrong-password', { certificate: 'person-tinpl-ec.crt', key: 'person-tinpl-ec.key' }, 'zle-haslo', OWNER, 'simulator', 'WRONG_PASSWORD', 'Nieprawidłowe hasło do klucza prywatnego', true],
    ['swapped-files', { certificate: 'person-tinpl-ec.key', key: 'person-tinpl-ec.crt' }, expected.password, OWNER, 'simulator', 'FILES_SWAPPED', 'Pliki certyfikatu i klucza są zamienione miejscami', true],
    ['another-key', { certificate: 'person-tinpl-ec.crt', key: 'other-nip-ec.key' }, expected.password, OWNER, 'simulator', 'KEY_MISMATCH', 'Klucz prywatny należy do innego certyfikatu', true],
    ['nip-mismatch', { certificate: 'other-nip-ec.crt', key: 'other-nip-ec.key' }, expected.password, OWNER, 'simulator', 'NIP_MISMATCH', `Certyfikat wystawiono na NIP ${OTHER}, a organizacja ma NIP ${OWNER}`, false],
    ['not-yet-valid', { certificate: 'not-yet-valid-ec.crt', key: 'not-yet-valid-ec.key' }, expected.password, OWNER, 'simulator', 'NOT_YET_VALID', 'Certyfikat zacznie działać dopiero 01.01.2099 o godz. 01:00', true],
    ['expired', { certificate: 'expired-ec.crt', key: 'expired-ec.key' }, expected.password, OWNER, 'simulator', 'EXPIRED', 'Certyfikat wygasł', true],
    ['offline', { certificate: 'offline-ec.crt', key: 'offline-ec.key' }, expected.password, OWNER, 'simulator', 'OFFLINE_CERTIFICATE', 'To certyfikat typu Offline – nie służy do logowania', true],
    ['test-cert-for-production', { certificate: 'person-tinpl-ec.crt', key: 'person-tinpl-ec.key' }, expected.password, OWNER, 'production', 'ENVIRONMENT_MISMATCH', 'Certyfikat pochodzi z innego środowiska KSeF', true],
    ['production-cert-for-test', { certificate: 'person-tinpl-prod-ec.crt', key: 'person-tinpl-prod-ec.key' }, expected.password, OWNER, 'test', 'ENVIRONMENT_MISMATCH', 'Certyfikat pochodzi z innego środowiska KSeF', true],
  ] as const)('%s', async (name, files, password, nip, environment, code, title, blocksSave) => {
    const page = await newProfilePage({ name: `Diagnoza ${name}`, nip, environment });
    await chooseFiles(page, files, password);
    const codes = await localVerdicts(page);
    expect(codes).toContain(code);
    const verdict = page.locator(`[data-testid="local-checks"] [data-verdict="${code}"]`);
    expect(await verdict.locator('h4').textContent()).toContain(title);
    expect(await verdict.textContent()).toContain('Co zrobić');
    expect(await page.getByRole('button', { name: 'Zapisz certyfikat' }).isDisabled()).toBe(blocksSave);
    await shoot(page, `options-diag-${name}`);
    await page.close();
  });

  it('swaps swapped files with one click', async () => {
    const page = await newProfilePage({ name: 'Zamienione', nip: OWNER });
    await chooseFiles(page, { certificate: 'person-tinpl-ec.key', key: 'person-tinpl-ec.crt' }, expected.password);
    expect(await localVerdicts(page)).toEqual(['FILES_SWAPPED']);
    await page.getByRole('button', { name: 'Zamień pliki miejscami' }).click();
    await page.getByTestId('local-ok').waitFor();
    expect(await localVerdicts(page)).toEqual([]);
    await page.close();
  });

  it('asks for the password before checking an encrypted key', async () => {
    const page = await newProfilePage({ name: 'Bez hasła', nip: OWNER });
    await chooseFiles(page, { certificate: 'person-tinpl-ec.crt', key: 'person-tinpl-ec.key' });
    await page.getByText('Wpisz hasło do klucza prywatnego.').waitFor();
    await page.getByRole('button', { name: 'Pokaż' }).click();
    expect(await page.getByLabel('Hasło do klucza prywatnego').getAttribute('type')).toBe('text');
    await page.close();
  });
});

describe('options page: several organisations and languages', () => {
  it('keeps two profiles apart and switches between them', async () => {
    const page = await newProfilePage({ name: 'Fundacja Druga', nip: SEAL });
    await chooseFiles(page, { certificate: 'seal-vatpl-ec.crt', key: 'seal-vatpl-ec.key' }, expected.password);
    await page.getByTestId('local-ok').waitFor();
    await page.getByRole('button', { name: 'Zapisz certyfikat' }).click();
    await page.getByTestId('notice').getByText('Certyfikat zapisany', { exact: false }).waitFor();
    const nav = page.getByRole('navigation');
    await nav.getByRole('button', { name: /Fundacja Druga/ }).waitFor();
    await nav.getByRole('button', { name: /Biuro person-tinpl-ec/ }).click();
    await expect.poll(() => page.getByLabel('NIP organizacji').inputValue()).toBe(OWNER);
    expect(await page.getByLabel('Nazwa organizacji').inputValue()).toBe('Biuro person-tinpl-ec');
    await nav.getByRole('button', { name: /Fundacja Druga/ }).click();
    await expect.poll(() => page.getByLabel('NIP organizacji').inputValue()).toBe(SEAL);
    expect(await page.getByTestId('certificate-card').textContent()).toContain('Fundacja Przykładowa');
    expect(await nav.getByRole('button', { name: /Fundacja Druga/ }).getAttribute('aria-current')).toBe('true');
    await shoot(page, 'options-two-profiles');
    // Edit: rename and change preferences (folded away once set up); the store follows.
    await unfold(page, 'settings');
    await page.getByLabel('Nazwa organizacji').fill('Fundacja Druga (zmieniona)');
    await page.getByLabel('Sprawdzaj co (minut)').fill('30');
    await page.getByLabel('Powiadamiaj o nowych fakturach').uncheck();
    await page.getByRole('button', { name: 'Zapisz ustawienia' }).click();
    await page.getByText('Ustawienia zapisane.').waitFor();
    const id = (await profileIds(ext)).find((p) => p.name === 'Fundacja Druga (zmieniona)')!.id;
    expect((await storedProfile(ext, id)).profile).toMatchObject({ nip: SEAL, preferences: { intervalMinutes: 30, notifications: false } });
    // The popup's link (?profile=) opens that organisation.
    const direct = await openOptions(ext, `?profile=${encodeURIComponent(id)}`);
    await expect.poll(() => direct.getByLabel('NIP organizacji').inputValue()).toBe(SEAL);
    await direct.close();
    await page.close();
  });

  it('switches to English and remembers it', async () => {
    const page = await openOptions(ext);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('KSeF Pilot – settings');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: /Add organisation/ }).click();
    await page.getByRole('button', { name: 'Save and continue' }).waitFor();
    await shoot(page, 'options-english');
    await page.reload();
    await expect.poll(() => page.textContent('h1')).toBe('KSeF Pilot – settings');
    await page.getByRole('button', { name: 'Polski' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('KSeF Pilot – ustawienia');
    await page.close();
  });

  it('is usable with the keyboard alone: tab order follows the form', async () => {
    const page = await openOptions(ext);
    await page.getByRole('button', { name: /Dodaj organizację/ }).click();
    await page.locator('[data-step="organisation"][aria-current="step"]').waitFor();
    await page.getByRole('button', { name: /Dodaj organizację/ }).focus();
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const id = document.activeElement?.id;
        return id ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '') : '';
      }));
    }
    expect(order).toEqual(['Nazwa organizacji', 'NIP organizacji', 'Środowisko KSeF']);
    await page.close();
  });
});

/** Sets up a simulator profile through the page and saves its certificate. */
describe('options page: removal', () => {
  it('removes the key, tokens and invoices only after confirmation', async () => {
    const page = await savedProfile(ext, sim.baseUrl, { name: 'Do usunięcia', nip: OWNER }, 'person-tinpl-ec');
    const id = (await profileIds(ext)).find((p) => p.name === 'Do usunięcia')!.id;
    await unfold(page, 'settings');
    await page.getByRole('button', { name: 'Usuń certyfikat i dane' }).click();
    const dialog = page.getByRole('dialog', { name: 'Usunąć organizację Do usunięcia?' });
    await dialog.waitFor();
    await shoot(page, 'options-delete-confirm');
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    expect((await storedProfile(ext, id)).credentials).not.toBeNull();
    await page.getByRole('button', { name: 'Usuń certyfikat i dane' }).click();
    await dialog.getByRole('button', { name: 'Tak, usuń' }).click();
    await page.getByText('Organizacja Do usunięcia i jej dane zostały usunięte.').waitFor();
    expect(await storedProfile(ext, id)).toEqual({ profile: null, credentials: null });
    expect(await page.getByRole('navigation').textContent()).not.toContain('Do usunięcia');
    await shoot(page, 'options-deleted');
    await page.close();
  });
});
