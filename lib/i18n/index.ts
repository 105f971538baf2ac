// The pages' catalog: every key (shared, worker, send, popup and the pages' own: options, inbox, the invoice view).
// lib reads the JSON directly so the language can be switched at run time and so messages can be produced
// in Node (tests, the simulator) exactly as the pages show them. public/_locales holds only the manifest's
// strings, for the browser (__MSG_extName__). The worker imports lib/i18n/worker.ts and the popup
// lib/i18n/popup.ts instead; nothing here runs at import, so a barrel passing through leaves no catalog.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import workerPl from './catalog/worker.pl.json';
import workerEn from './catalog/worker.en.json';
import sendPl from './catalog/send.pl.json';
import sendEn from './catalog/send.en.json';
import popupPl from './catalog/popup.pl.json';
import popupEn from './catalog/popup.en.json';
import pagesPl from './catalog/pages.pl.json';
import pagesEn from './catalog/pages.en.json';
import { mergeCatalogs, pluralTranslator, translator, type Catalog, type PluralKeyOf } from './translate';
import type { Lang } from './lang';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof workerPl | keyof typeof sendPl | keyof typeof popupPl | keyof typeof pagesPl;
export type PluralKey = PluralKeyOf<MessageKey>;

/** Every message, by language (tests check both languages hold the same keys and placeholders). */
export const CATALOGS: Record<Lang, Catalog> = /* @__PURE__ */ mergeCatalogs([
  { pl: sharedPl, en: sharedEn },
  { pl: workerPl, en: workerEn },
  { pl: sendPl, en: sendEn },
  { pl: popupPl, en: popupEn },
  { pl: pagesPl, en: pagesEn },
]);

export const t = /* @__PURE__ */ translator<MessageKey>(CATALOGS);
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>(CATALOGS);
