// The popup's catalog: the shared strings (profile status, errors) and the popup's own. The popup loads
// nothing else, so it stays small (issue 11: popup JavaScript ≤ 350 KB); the options page shows the same
// cards and loads it too.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import popupPl from './catalog/popup.pl.json';
import popupEn from './catalog/popup.en.json';
import { mergeCatalogs, pluralTranslator, translator } from './translate';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof popupPl;
const catalogs = /* @__PURE__ */ mergeCatalogs([{ pl: sharedPl, en: sharedEn }, { pl: popupPl, en: popupEn }]);
export const t = /* @__PURE__ */ translator<MessageKey>(catalogs);
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>(catalogs);
