// The service worker's twin of public/zod-jitless.js: imported first by entrypoints/background.ts so it runs
// before zod builds any schema. zod 4 otherwise probes `new Function('')`, which the extension's CSP forbids.
const target = globalThis as { __zod_globalConfig?: Record<string, unknown> };
target.__zod_globalConfig = Object.assign(target.__zod_globalConfig ?? {}, { jitless: true });
