// Shared steps of the options-page end-to-end tests (tests/e2e/options*.e2e.ts): open the page, fill the
// organisation and save it (step 1), choose the files (step 2), save, unfold the settings, and take the wide and
// narrow screenshots (each checked with axe).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { screenshotPath, settled, type LaunchedExtension } from './launch';

export const PKI = path.resolve('tests/fixtures/pki');
export const expected = JSON.parse(readFileSync(path.join(PKI, 'expected.json'), 'utf8')) as {
  password: string;
  nips: { person: string; seal: string; other: string };
};

export async function openOptions(ext: LaunchedExtension, search = '', width = 1280): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/options.html${search}`);
  await page.locator('main[data-ready="true"]').waitFor(); // the profiles are loaded: typing now is not overwritten
  return page;
}

export async function fillOrganisation(page: Page, org: { name: string; nip: string; baseUrl?: string; environment?: string }) {
  await page.getByLabel('Nazwa organizacji').fill(org.name);
  await page.getByLabel('NIP organizacji').fill(org.nip);
  await page.getByLabel('Środowisko KSeF').selectOption(org.environment ?? 'simulator');
  if (org.baseUrl) await page.getByLabel('Adres symulatora (API)').fill(org.baseUrl);
}

/** Step 1 → step 2: "Zapisz i przejdź dalej" saves the organisation alone; the certificate pickers appear. */
export async function toCertificateStep(page: Page) {
  await page.getByRole('button', { name: 'Zapisz i przejdź dalej' }).click();
  await page.locator('[data-step="certificate"][aria-current="step"]').waitFor();
  await page.getByLabel('Certyfikat (.crt)').waitFor({ state: 'attached' });
}

/** Unfolds a folded part of a set-up organisation ("Ustawienia organizacji", "Wymień certyfikat"). */
export async function unfold(page: Page, testId: 'settings' | 'replace-certificate' | 'older-invoices') {
  const fold = page.getByTestId(testId);
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  await page.locator(`[data-testid="${testId}"][open]`).waitFor();
}

export async function chooseFiles(page: Page, files: { certificate?: string; key?: string; p12?: string }, password?: string) {
  if (files.certificate) await page.getByLabel('Certyfikat (.crt)').setInputFiles(path.join(PKI, files.certificate));
  if (files.key) await page.getByLabel('Klucz prywatny (.key)').setInputFiles(path.join(PKI, files.key));
  if (files.p12) await page.getByLabel('albo jeden plik .p12 / .pfx').setInputFiles(path.join(PKI, files.p12));
  if (password !== undefined) await page.getByLabel('Hasło do klucza prywatnego').fill(password);
}

/** Full-page screenshots at a wide and a narrow window, after an axe check of what is shown. */
export async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await settled(page);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: screenshotPath(`${name}-wide`), fullPage: true });
  await page.setViewportSize({ width: 400, height: 900 });
  await settled(page); // the narrow layout has painted before the full-page capture
  await page.screenshot({ path: screenshotPath(`${name}-narrow`), fullPage: true });
  await page.setViewportSize(size);
}

/** A new organisation saved with the fixture certificate `cert` (its .crt and AP-style .key). */
export async function savedProfile(
  ext: LaunchedExtension,
  simulatorBaseUrl: string,
  org: { name: string; nip: string; baseUrl?: string },
  cert: string,
): Promise<Page> {
  const page = await openOptions(ext);
  await page.getByRole('button', { name: /Dodaj organizację/ }).click();
  await fillOrganisation(page, { ...org, baseUrl: org.baseUrl ?? simulatorBaseUrl });
  await toCertificateStep(page);
  await chooseFiles(page, { certificate: `${cert}.crt`, key: `${cert}.key` }, expected.password);
  await page.getByTestId('local-ok').waitFor();
  await page.getByRole('button', { name: 'Zapisz certyfikat' }).click();
  await page.getByTestId('notice').getByText('Certyfikat zapisany', { exact: false }).waitFor();
  return page;
}

/** Where the issue-16 screenshots of the options page go (light and dark, wide and narrow). */
export const SHOTS = '/tmp/options-shots';

/** Light and dark, wide and narrow, each after an axe check; returns the page heights (px) in light. */
export async function shootBoth(page: Page, name: string): Promise<{ wide: number; narrow: number }> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const heights = { wide: 0, narrow: 0 };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, width] of [['wide', 1280], ['narrow', 400]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      await expectNoAxeViolations(page, { label: `options ${name} ${scheme} ${width} px` });
      if (scheme === 'light') heights[label] = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}-${label}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(size);
  return heights;
}

