// The popup's catalog: the shared strings (profile status, errors) in both languages, which errors need
// (they carry a Polish and an English message), and the popup's own strings in the reader's language only:
// each language is a chunk of its own, loaded before the first render (issue 15: popup JavaScript ≤ 350 KB).
// The options page and the inbox show the same cards and texts: components/ui/mountPage.tsx loads the
// page's language with loadPopupCatalog before any page renders, and again before a switch shows.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import type popupPl from './catalog/popup.pl.json';
import { pluralTranslator, translator, type Catalog } from './translate';
import type { Lang } from './lang';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof popupPl;

const SHARED: Record<Lang, Catalog> = { pl: sharedPl, en: sharedEn };
/** The languages loaded so far: the shared strings with the popup's own. */
const loaded: Partial<Record<Lang, Catalog>> = {};
const pending: Partial<Record<Lang, Promise<void>>> = {};

/** One language's popup strings, a chunk of its own in the build. */
const LOADERS: Record<Lang, () => Promise<{ default: Catalog }>> = {
  pl: () => import('./catalog/popup-pl'),
  en: () => import('./catalog/popup-en'),
};

/** Loads the popup strings of `lang` (once); `t(lang, …)` needs them for the popup's own keys. */
export function loadPopupCatalog(lang: Lang): Promise<void> {
  if (lang !== 'pl' && lang !== 'en') return Promise.reject(new TypeError(`"lang" must be pl or en, got ${String(lang)}`));
  pending[lang] ??= LOADERS[lang]().then(
    (module) => {
      loaded[lang] = { ...SHARED[lang], ...module.default };
    },
    (error: unknown) => {
      delete pending[lang]; // a later call tries again
      throw error;
    },
  );
  return pending[lang];
}

/** Both languages: the shared strings always, the popup's own once loaded. */
const catalogs: Record<Lang, Catalog> = {
  get pl() {
    return loaded.pl ?? SHARED.pl;
  },
  get en() {
    return loaded.en ?? SHARED.en;
  },
};
export const t = /* @__PURE__ */ translator<MessageKey>(catalogs);
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>(catalogs);
