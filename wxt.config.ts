import { defineConfig } from 'wxt';
import { AP_MATCH_PATTERNS } from './lib/ap-helper/hosts';
import { ENVIRONMENT_URLS } from './lib/domain/environments';
import { LATARNIA_URLS } from './lib/ksef/latarnia';
import { extensionPagesCsp } from './lib/platform/csp';
import { asciiChunks, jsonCatalogs } from './lib/platform/json-catalogs';
import { pageShell } from './lib/platform/page-shell';

// KSeF's API hosts (NOTES §1), from their one home; nothing else is reachable.
const KSEF_API_HOSTS = Object.values(ENVIRONMENT_URLS).map(({ apiBaseUrl }) => `${new URL(apiBaseUrl).origin}/*`);
// Latarnia, KSeF's public status service (NOTES §1, lib/ksef/latarnia.ts): read after a failed sync or check.
const LATARNIA_HOSTS = Object.values(LATARNIA_URLS).map((url) => `${new URL(url).origin}/*`);
// Loopback is only for the simulator (tests/ksef-sim); production builds never ask for it.
const SIMULATOR_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The worker leaves pkijs, xadesjs and xmldom to the offscreen document (Chrome) or a lazy import (Firefox):
  // issue 15, lib/worker/heavy.ts. Each context's JavaScript is measured by npm run bench
  // (scripts/bundle-size.mjs → bench-results/size.json; the worker's start: scripts/bench-worker.ts).
  vite: () => ({ plugins: [jsonCatalogs(), asciiChunks(['background.js']), pageShell()], build: { chunkSizeWarningLimit: 1500 } }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pl',
    // IndexedDB needs no permission. "storage" holds one setting, the page language (lib/views/ui-language.ts):
    // no secret goes there (DESIGN.md), and the permission shows no install warning.
    // "offscreen" (Chrome only; Firefox's event page does the same work itself): the login signature and the
    // certificate enrolment run in an offscreen document, so the service worker stays small (issue 15,
    // lib/platform/offscreen.ts). It shows no install warning.
    permissions: ['alarms', 'notifications', 'storage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Plus the Aplikacja Podatnika hosts, where the set-up helper runs (issue 13, lib/ap-helper/hosts.ts; README).
    host_permissions: [...KSEF_API_HOSTS, ...LATARNIA_HOSTS, ...AP_MATCH_PATTERNS, ...(mode === 'development' ? SIMULATOR_HOSTS : [])],
    action: { default_title: '__MSG_extName__' },
    // 'wasm-unsafe-eval' for the FA(3) schema check, connect-src naming KSeF's hosts (loopback only in a
    // development build): lib/platform/csp.ts. Chrome and Firefox apply it to the service worker too.
    content_security_policy: { extension_pages: extensionPagesCsp(mode) },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ksef-pilot@ksef-pilot.pl',
              // data_collection_permissions is read from Firefox 140 and Firefox for Android 142 on (web-ext lint's
              // KEY_FIREFOX_*_UNSUPPORTED_BY_MIN_VERSION; tests/firefox/lint.firefox.ts keeps them at zero).
              strict_min_version: '140.0',
              // The extension sends the user's login signature and invoices to KSeF (and only there).
              data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
