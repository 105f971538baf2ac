// `t` and `tp` over one catalog per language. lib/i18n/worker.ts wraps them over the worker's keys only and
// lib/i18n/index.ts over every key, so the service worker does not ship the pages' strings (issue 11).
// Nothing here runs at import: a module that only passes through the worker's graph (a barrel) must leave
// no catalog behind in the bundle.
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
