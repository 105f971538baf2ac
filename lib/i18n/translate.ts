// `t` and `tp` over one catalog per language. Each context's file (lib/i18n/{shared,worker,popup,index}.ts)
// makes its own with `translator`/`pluralTranslator` over its catalogs only, typed by its keys, so the service
// worker does not ship the pages' strings (issue 11). Nothing here runs at import, and the contexts call these
// under /* @__PURE__ */: a module that only passes through a graph (a barrel) leaves no catalog behind.
import { DEFAULT_LANG, pluralCategory, type Lang, type Params } from './lang';

export type Catalog = Record<string, { message: string; description?: string }>;
export type PluralKeyOf<K extends string> = K extends `${infer B}_one` ? B : never;

function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(catalogs: Record<Lang, Catalog>, lang: Lang, key: string, params?: Params): string {
  const entry = catalogs[lang][key] ?? catalogs[DEFAULT_LANG][key];
  if (!entry) throw new TypeError(`"key" must be a message of the catalog, got ${String(key)}`);
  return interpolate(entry.message, params);
}

/** A counted phrase: the plural form of `base` for `count`; `{count}` is always available in the message. */
export function translatePlural(catalogs: Record<Lang, Catalog>, lang: Lang, base: string, count: number, params?: Params): string {
  const category = pluralCategory(lang, count);
  const catalog = catalogs[lang];
  const key = [`${base}_${category}`, `${base}_other`, `${base}_many`].find((k) => k in catalog);
  if (!key) throw new TypeError(`"base" must name a plural message, got ${base}`);
  return interpolate(catalog[key]!.message, { count, ...params });
}

/** Both languages' catalogs joined, worker keys first. */
export function mergeCatalogs(parts: readonly Record<Lang, Catalog>[]): Record<Lang, Catalog> {
  return {
    pl: Object.assign({}, ...parts.map((p) => p.pl)) as Catalog,
    en: Object.assign({}, ...parts.map((p) => p.en)) as Catalog,
  };
}

/** `t` of one context: the message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translator<K extends string>(catalogs: Record<Lang, Catalog>) {
  return (lang: Lang, key: K, params?: Params): string => translate(catalogs, lang, key, params);
}

/** `tp` of one context: the plural form of `base` for `count` (Polish 5 reads `<base>_many`). */
export function pluralTranslator<K extends string>(catalogs: Record<Lang, Catalog>) {
  return (lang: Lang, base: PluralKeyOf<K>, count: number, params?: Params): string =>
    translatePlural(catalogs, lang, base, count, params);
}
