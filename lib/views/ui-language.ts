// The language of every page, one stored setting of this browser (issue 11): the options page, the popup and
// the inbox read it, and a switch on any page changes all open pages at once through the area's change event.
// Where: chrome.storage.local (the page passes browser.storage.local). It is not a secret (DESIGN "Security
// rules" keep secrets out of chrome.storage, not settings), every extension context can read it, the service
// worker included (localStorage is not there), and its onChanged event reaches every open page without an
// IndexedDB schema change. Before this setting the options page kept the language in localStorage and the
// popup and inbox took the first profile's preferences.language: both are read once, when the setting is
// missing, and the answer is stored (migration on read; STYLE rule 18).
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/lang';
import type { Preferences } from '../store';

export const UI_LANGUAGE_KEY = 'uiLanguage';
/** The options page's old localStorage key (before issue 11). */
export const LEGACY_PAGE_LANGUAGE_KEY = 'ksefPilot.lang';

export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** The part of chrome.storage's StorageArea used here; a Map-backed fake in tests. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  onChanged: {
    addListener(listener: (changes: StorageChanges) => void): void;
    removeListener(listener: (changes: StorageChanges) => void): void;
  };
}

/** Where the language was kept before the setting existed. */
export interface LegacyLanguage {
  /** The options page's localStorage value, if any. */
  pageValue?: () => string | null | undefined;
  /** The profiles, oldest first as the store lists them: the first one's preference was the popup's language. */
  profiles?: () => Promise<readonly { preferences: Pick<Preferences, 'language'> }[]>;
}

async function legacyLanguage(legacy: LegacyLanguage): Promise<Lang | undefined> {
  // The options page's switch was the user's latest explicit choice; a profile only copied it when saved.
  const page = legacy.pageValue?.();
  if (isLang(page)) return page;
  const first = (await legacy.profiles?.().catch(() => []))?.[0]?.preferences.language;
  return isLang(first) ? first : undefined;
}

/** The page language: the stored setting, else the legacy places (then stored), else Polish. */
export async function readUiLanguage(area: SettingsArea, legacy: LegacyLanguage = {}): Promise<Lang> {
  const stored = (await area.get(UI_LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>))[UI_LANGUAGE_KEY];
  if (isLang(stored)) return stored;
  const migrated = await legacyLanguage(legacy);
  if (!migrated) return DEFAULT_LANG;
  await area.set({ [UI_LANGUAGE_KEY]: migrated }).catch(() => undefined); // read again next time; still shown now
  return migrated;
}

export async function saveUiLanguage(area: SettingsArea, lang: Lang): Promise<void> {
  if (!isLang(lang)) throw new TypeError(`"lang" must be pl or en, got ${String(lang)}`);
  await area.set({ [UI_LANGUAGE_KEY]: lang });
}

/** Calls `onLang` whenever any page stores a new language; returns the function that stops watching. */
export function watchUiLanguage(area: SettingsArea, onLang: (lang: Lang) => void): () => void {
  const listener = (changes: StorageChanges) => {
    const next = changes[UI_LANGUAGE_KEY]?.newValue;
    if (isLang(next)) onLang(next);
  };
  area.onChanged.addListener(listener);
  return () => area.onChanged.removeListener(listener);
}

/**
 * `area` with the language read started now, before the page's first render asks for it: the popup starts
 * its store reads and this one side by side at module start (issue 15, first render ≤ 100 ms). The first
 * get of the setting answers from that read; every later get reads the area again.
 */
export function withLanguageReadAhead(area: SettingsArea): SettingsArea {
  let ahead: Promise<Record<string, unknown>> | undefined = area.get(UI_LANGUAGE_KEY);
  ahead.catch(() => undefined); // read by readUiLanguage, which handles a failure; never unhandled meanwhile
  return {
    get(key) {
      if (key !== UI_LANGUAGE_KEY || !ahead) return area.get(key);
      const answer = ahead;
      ahead = undefined;
      return answer;
    },
    set: (items) => area.set(items),
    onChanged: area.onChanged,
  };
}
