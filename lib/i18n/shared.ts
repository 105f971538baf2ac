// The strings the worker and every page show: the profile status (lib/views), sync and message errors.
// Modules both the worker and the popup load take `t` from here, so neither drags in the other's strings.
import pl from './catalog/shared.pl.json';
import en from './catalog/shared.en.json';
import { pluralTranslator, translator } from './translate';

export { DEFAULT_LANG, LANGS, isLang, pluralCategory, pluralPl, type Lang, type Params } from './lang';

export type MessageKey = keyof typeof pl;
export const t = /* @__PURE__ */ translator<MessageKey>({ pl, en });
export const tp = /* @__PURE__ */ pluralTranslator<MessageKey>({ pl, en });
