// The service worker's catalog: the shared strings (lib/i18n/shared.ts) and the keys only code reachable
// from entrypoints/background.ts names (notifications, sync/KSeF/login/certificate messages, diagnostics).
// Modules the worker imports take `t` from here (or from shared.ts), so a page-only key fails to compile;
// tests/i18n/context-keys.test.ts checks the keys built from templates. New keys: /work/tools/add-i18n.py.
import sharedPl from './catalog/shared.pl.json';
import sharedEn from './catalog/shared.en.json';
import workerPl from './catalog/worker.pl.json';
import workerEn from './catalog/worker.en.json';
import { mergeCatalogs, translate, translatePlural, type Catalog, type PluralKeyOf } from './translate';
import type { Lang, Params } from './lang';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof sharedPl | keyof typeof workerPl;
export type PluralKey = PluralKeyOf<MessageKey>;

const catalogs: Record<Lang, Catalog> = /* @__PURE__ */ mergeCatalogs([
  { pl: sharedPl, en: sharedEn },
  { pl: workerPl, en: workerEn },
]);

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return translate(catalogs, lang, key, params);
}

/** A counted phrase: `tp('pl', 'invoice_count', 5)` reads `invoice_count_many` ("5 faktur"). */
export function tp(lang: Lang, base: PluralKey, count: number, params?: Params): string {
  return translatePlural(catalogs, lang, base, count, params);
}
