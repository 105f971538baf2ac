// One catalog for the whole extension: public/_locales/<lang>/messages.json. The browser uses it for the
// manifest (__MSG_extName__); lib reads it directly so the language can be switched at run time and so
// messages can be produced in Node (tests, the simulator) exactly as the pages show them.
import pl from '../../public/_locales/pl/messages.json';
import en from '../../public/_locales/en/messages.json';

export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];
export const DEFAULT_LANG: Lang = 'pl';

type Catalog = Record<string, { message: string; description?: string }>;
export type MessageKey = keyof typeof pl;
export type Params = Record<string, string | number>;

const catalogs: Record<Lang, Catalog> = { pl, en };

function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const entry = catalogs[lang][key] ?? catalogs[DEFAULT_LANG][key];
  if (!entry) throw new TypeError(`"key" must be a message of the catalog, got ${String(key)}`);
  return interpolate(entry.message, params);
}

/** Plural category of `n` in `lang`: Polish has one (1), few (2–4, 22–24…), many (5–21, 25…), other (fractions). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang).select(n);
}

type PluralBase<K extends string> = K extends `${infer B}_one` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

/**
 * A counted phrase: `tp('pl', 'invoice_count', 5)` reads `invoice_count_many` ("5 faktur").
 * `{count}` is always available in the message.
 */
export function tp(lang: Lang, base: PluralKey, count: number, params?: Params): string {
  const category = pluralCategory(lang, count);
  const catalog = catalogs[lang];
  const key = [`${base}_${category}`, `${base}_other`, `${base}_many`].find((k) => k in catalog);
  if (!key) throw new TypeError(`"base" must name a plural message, got ${base}`);
  return interpolate(catalog[key]!.message, { count, ...params });
}

/** Polish plural form chosen from three words: pluralPl(3, 'faktura', 'faktury', 'faktur') === 'faktury'. */
export function pluralPl(n: number, one: string, few: string, many: string): string {
  const c = pluralCategory('pl', n);
  return c === 'one' ? one : c === 'few' ? few : c === 'many' ? many : few;
}

export function isLang(value: unknown): value is Lang {
  return value === 'pl' || value === 'en';
}
