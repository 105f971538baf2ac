// The service worker's catalog: the shared strings (lib/i18n/shared.ts), the sending strings (lib/i18n/send.ts)
// and the keys only code reachable from entrypoints/background.ts names (notifications, sync/KSeF/login/
// certificate messages, diagnostics).
// Modules the worker imports take `t` from here (or from shared.ts), so a page-only key fails to compile;
// tests/i18n/context-keys.test.ts checks the keys built from templates. New keys: scripts/add-i18n.py.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import workerPl from './catalog/worker.pl.json';
import workerEn from './catalog/worker.en.json';
import sendPl from './catalog/send.pl.json';
import sendEn from './catalog/send.en.json';
import { mergeCatalogs, pluralTranslator, translator } from './translate';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof workerPl | keyof typeof sendPl;
const catalogs = /* @__PURE__ */ mergeCatalogs([
  { pl: sharedPl, en: sharedEn },
  { pl: workerPl, en: workerEn },
  { pl: sendPl, en: sendEn },
]);
export const t = /* @__PURE__ */ translator<MessageKey>(catalogs);
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>(catalogs);
