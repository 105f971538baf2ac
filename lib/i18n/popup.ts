// The popup's catalog: the shared strings (profile status, errors) and the popup's own. The popup loads
// nothing else, so it stays small (issue 11: popup JavaScript ≤ 350 KB); the options page shows the same
// cards and loads it too.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import popupPl from './catalog/popup.pl.json';
import popupEn from './catalog/popup.en.json';
import { mergeCatalogs, translate, translatePlural, type Catalog, type PluralKeyOf } from './translate';
import type { Lang, Params } from './lang';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof popupPl;
export type PluralKey = PluralKeyOf<MessageKey>;

const catalogs: Record<Lang, Catalog> = /* @__PURE__ */ mergeCatalogs([
  { pl: sharedPl, en: sharedEn },
  { pl: popupPl, en: popupEn },
]);

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return translate(catalogs, lang, key, params);
}

/** A counted phrase: `tp('pl', 'popup_new_count', 5)` reads `popup_new_count_many`. */
export function tp(lang: Lang, base: PluralKey, count: number, params?: Params): string {
  return translatePlural(catalogs, lang, base, count, params);
}
