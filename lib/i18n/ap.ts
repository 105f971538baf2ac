// The Aplikacja Podatnika helper's catalog (issue 13): only the ap_ strings, so the content script, which runs on
// a page that is not ours and must stay under 60 KB, carries nothing else. New keys: scripts/add-i18n.py (ap_).
import pl from './catalog/ap.pl.json';
import en from './catalog/ap.en.json';
import { translator } from './translate';

export { DEFAULT_LANG, isLang, type Lang } from './lang';

export type MessageKey = keyof typeof pl;
export const t = /* @__PURE__ */ translator<MessageKey>({ pl, en });
