// The two UI languages and the rules every catalog shares: plural categories and `{name}` placeholders.
export type Lang = 'pl' | 'en';
export const LANGS: readonly Lang[] = ['pl', 'en'];
export const DEFAULT_LANG: Lang = 'pl';
export type Params = Record<string, string | number>;

export function isLang(value: unknown): value is Lang {
  return value === 'pl' || value === 'en';
}

/** Plural category of `n` in `lang`: Polish has one (1), few (2–4, 22–24…), many (5–21, 25…), other (fractions). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang).select(n);
}

/** Polish plural form chosen from three words: pluralPl(3, 'faktura', 'faktury', 'faktur') === 'faktury'. */
export function pluralPl(n: number, one: string, few: string, many: string): string {
  const c = pluralCategory('pl', n);
  return c === 'one' ? one : c === 'few' ? few : c === 'many' ? many : few;
}
