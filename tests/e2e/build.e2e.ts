// The builds the user and the tests load: the release build asks only for the KSeF, Latarnia and Aplikacja Podatnika hosts and carries no test
// hooks; the development build adds loopback for the simulator; the Firefox MV3 build exists.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const read = (dir: string, file: string) => readFileSync(path.join('.output', dir, file), 'utf8');
const manifest = (dir: string) => JSON.parse(read(dir, 'manifest.json'));
const allJs = (dir: string): string => {
  const root = path.join('.output', dir);
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.js') ? [path.join(d, e.name)] : [],
    );
  return walk(root).map((f) => readFileSync(f, 'utf8')).join('\n');
};

const KSEF_HOSTS = [
  'https://api-test.ksef.mf.gov.pl/*', 'https://api-demo.ksef.mf.gov.pl/*', 'https://api.ksef.mf.gov.pl/*',
  // Latarnia, KSeF's status service (lib/ksef/latarnia.ts, NOTES §1).
  'https://api-latarnia-test.ksef.mf.gov.pl/*', 'https://api-latarnia.ksef.mf.gov.pl/*',
];

const KSEF_ORIGINS = KSEF_HOSTS.map((h) => h.replace('/*', '')).join(' ');

// Aplikacja Podatnika, current and earlier hosts, for the helper's content script (issue 13, NOTES §1.1).
const AP_HOSTS = [
  'https://ap-test.ksef.mf.gov.pl/*', 'https://ap-demo.ksef.mf.gov.pl/*', 'https://ap.ksef.mf.gov.pl/*',
  'https://web2te-ksef.mf.gov.pl/*', 'https://ksef-test.mf.gov.pl/*', 'https://ksef-demo.mf.gov.pl/*',
  'https://ksef.mf.gov.pl/*', 'https://mcu.mf.gov.pl/*',
];

describe('release build (Chromium MV3)', () => {
  it('asks only for the KSeF API, Latarnia and Aplikacja Podatnika hosts and the permissions it uses', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.default_locale).toBe('pl');
    expect(m.host_permissions).toEqual([...KSEF_HOSTS, ...AP_HOSTS]);
    // "offscreen": the login signature and the enrolment's X.509 work run in an offscreen document (issue 15).
    expect(m.permissions.sort()).toEqual(['alarms', 'notifications', 'offscreen', 'storage']);
    expect(m.name).toBe('__MSG_extName__');
  });

  it('lets pages and the worker connect only to the extension, KSeF and Latarnia (lib/platform/csp.ts)', () => {
    expect(manifest('chrome-mv3').content_security_policy.extension_pages).toBe(
      `script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' ${KSEF_ORIGINS};`,
    );
  });

  it('keeps the login stack out of the service worker: pkijs, xmldom and xpath load in offscreen.html only (issue 15)', () => {
    const worker = read('chrome-mv3', 'background.js');
    // Strings only those libraries' code holds (scripts/bundle-size.mjs' markers).
    for (const marker of ["Object's schema was not verified against input data for", 'DOMImplementation', 'XPathParser']) {
      expect(worker).not.toContain(marker);
    }
    expect(read('chrome-mv3', 'offscreen.html')).toContain('<script');
    expect(allJs('chrome-mv3')).toContain("Object's schema was not verified against input data for");
  });

  it('contains no test hooks', () => {
    expect(allJs('chrome-mv3')).not.toContain('__ksefPilotDev');
  });

  it('ships the Polish and English catalogs', () => {
    expect(JSON.parse(read('chrome-mv3', '_locales/pl/messages.json')).extName.message).toBe('KSeF Pilot');
    expect(JSON.parse(read('chrome-mv3', '_locales/en/messages.json')).extName.message).toBe('KSeF Pilot');
  });
});

describe('development build', () => {
  it('may also reach the simulator on loopback', () => {
    expect(manifest('chrome-mv3-dev').host_permissions).toEqual([...KSEF_HOSTS, ...AP_HOSTS, 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest('chrome-mv3-dev').content_security_policy.extension_pages).toBe(
      `script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' ${KSEF_ORIGINS} http://127.0.0.1:* http://localhost:* ws://127.0.0.1:* ws://localhost:*;`,
    );
  });
});

describe('Firefox MV3 build', () => {
  it('is built with an add-on id and a background script', () => {
    const m = manifest('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toBe('ksef-pilot@ksef-pilot.pl');
    expect(m.background.scripts).toEqual(['background.js']);
    // Its event page signs in-process: no offscreen document, no permission Firefox does not know.
    expect(m.permissions).not.toContain('offscreen');
    expect(readdirSync(path.join('.output', 'firefox-mv3'))).not.toContain('offscreen.html');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['authenticationInfo', 'financialAndPaymentInfo'],
    });
  });
});
