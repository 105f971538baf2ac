// The sending strings (issue 12): the local check's problems, send errors, KSeF's rejection reasons and the
// batch-end notification, with the shared strings. lib/send/** takes `t` from here: the worker (lib/i18n/worker.ts)
// and the pages (lib/i18n/index.ts) load the send catalog too, the popup (lib/i18n/popup.ts) never does, so the
// popup carries none of these strings. New keys: scripts/add-i18n.py (prefix `send_`).
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import sendPl from './catalog/send.pl.json';
import sendEn from './catalog/send.en.json';
import { mergeCatalogs, pluralTranslator, translator } from './translate';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof sendPl;
const catalogs = /* @__PURE__ */ mergeCatalogs([{ pl: sharedPl, en: sharedEn }, { pl: sendPl, en: sendEn }]);
export const t = /* @__PURE__ */ translator<MessageKey>(catalogs);
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>(catalogs);
