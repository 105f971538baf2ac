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
  // The worker bundles pkijs, xadesjs and xmldom (TOOLCHAIN.md §3: about 0.9 MB); sizes are tracked by npm run bench.
  vite: () => ({ build: { chunkSizeWarningLimit: 1500 } }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'pl',
    // IndexedDB needs no permission; nothing uses chrome.storage (DESIGN.md: no secret there, and no need).
    permissions: ['alarms', 'notifications'],
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
