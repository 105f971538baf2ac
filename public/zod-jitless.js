// Runs before the page's modules: zod 4 probes `new Function('')` when its first object schema is built, which
// the extension's Content Security Policy forbids and reports as a violation. Jitless mode skips the probe.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
