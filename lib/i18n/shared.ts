// The strings the worker and every page show: the profile status (lib/views), sync and message errors.
// Modules both the worker and the popup load take `t` from here, so neither drags in the other's strings.
import pl from './catalog/shared.pl.json';
import en from './catalog/shared.en.json';
import { translate, translatePlural, type Catalog, type PluralKeyOf } from './translate';
import type { Lang, Params } from './lang';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof pl;
export type PluralKey = PluralKeyOf<MessageKey>;

const catalogs: Record<Lang, Catalog> = { pl, en };

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return translate(catalogs, lang, key, params);
}

/** A counted phrase: the plural form of `base` for `count` (`{count}` is available in the message). */
export function tp(lang: Lang, base: PluralKey, count: number, params?: Params): string {
  return translatePlural(catalogs, lang, base, count, params);
}
