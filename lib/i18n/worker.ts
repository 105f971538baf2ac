// The service worker's catalog: the shared strings (lib/i18n/shared.ts) and the keys only code reachable
// from entrypoints/background.ts names (notifications, sync/KSeF/login/certificate messages, diagnostics).
// Modules the worker imports take `t` from here (or from shared.ts), so a page-only key fails to compile;
// tests/i18n/context-keys.test.ts checks the keys built from templates. New keys: /work/tools/add-i18n.py.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import workerPl from './catalog/worker.pl.json';
import workerEn from './catalog/worker.en.json';
import { mergeCatalogs, pluralTranslator, translator } from './translate';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof workerPl;
const catalogs = /* @__PURE__ */ mergeCatalogs([{ pl: sharedPl, en: sharedEn }, { pl: workerPl, en: workerEn }]);
export const t = /* @__PURE__ */ translator<MessageKey>(catalogs);
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>(catalogs);
