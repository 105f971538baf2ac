import { defineConfig } from 'wxt';
import { ENVIRONMENT_URLS } from './lib/domain/environments';
import { pageShell } from './lib/platform/page-shell';

// KSeF's API hosts (NOTES §1), from their one home; nothing else is reachable.
const KSEF_API_HOSTS = Object.values(ENVIRONMENT_URLS).map(({ apiBaseUrl }) => `${new URL(apiBaseUrl).origin}/*`);
// Loopback is only for the simulator (tests/ksef-sim); production builds never ask for it.
const SIMULATOR_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The worker bundles pkijs, xadesjs and xmldom (TOOLCHAIN.md §3: background.js about 0.99 MB); each context's
  // JavaScript is measured by npm run bench (scripts/bundle-size.mjs → bench-results/size.json).
  vite: () => ({ plugins: [pageShell()], build: { chunkSizeWarningLimit: 1500 } }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pl',
    // IndexedDB needs no permission. "storage" holds one setting, the page language (lib/views/ui-language.ts):
    // no secret goes there (DESIGN.md), and the permission shows no install warning.
    permissions: ['alarms', 'notifications', 'storage'],
    host_permissions: mode === 'development' ? [...KSEF_API_HOSTS, ...SIMULATOR_HOSTS] : KSEF_API_HOSTS,
    action: { default_title: '__MSG_extName__' },
    // The send view checks invoices against the FA(3) schema with libxml2 compiled to WebAssembly
    // (lib/send/check/xsd-engine.ts); MV3's default policy forbids compiling WebAssembly. Chrome and Firefox
    // apply this one policy to the service worker too, which loads no WebAssembly.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ksef-pilot@ksef-pilot.pl',
              strict_min_version: '128.0',
              // The extension sends the user's login signature and invoices to KSeF (and only there).
              data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
            },
          },
        }
      : {}),
  }),
});
