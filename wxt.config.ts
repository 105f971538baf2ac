import { defineConfig } from 'wxt';

// KSeF API hosts (NOTES §1) and Aplikacja Podatnika hosts (NOTES §1.1). Nothing else is reachable.
const KSEF_API_HOSTS = [
  'https://api-test.ksef.mf.gov.pl/*',
  'https://api-demo.ksef.mf.gov.pl/*',
  'https://api.ksef.mf.gov.pl/*',
];
// Loopback is only for the simulator (tests/ksef-sim); production builds never ask for it.
const SIMULATOR_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The worker bundles pkijs, xadesjs and xmldom (TOOLCHAIN.md §3: background.js about 0.99 MB); each context's
  // JavaScript is measured by npm run bench (scripts/bundle-size.mjs → bench-results/size.json).
  vite: () => ({ build: { chunkSizeWarningLimit: 1500 } }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pl',
    // IndexedDB needs no permission. "storage" holds one setting, the page language (lib/views/ui-language.ts):
    // no secret goes there (DESIGN.md), and the permission shows no install warning.
    permissions: ['alarms', 'notifications', 'storage'],
    host_permissions: mode === 'development' ? [...KSEF_API_HOSTS, ...SIMULATOR_HOSTS] : KSEF_API_HOSTS,
    action: { default_title: '__MSG_extName__' },
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
