// lib/views/ui-language.ts: one stored page language, migrated on first read from where it used to live, and
// announced to every page when it changes. The area is a stand-in with chrome.storage's shape and events.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANG } from '../../lib/i18n/lang';
import { readUiLanguage, saveUiLanguage, UI_LANGUAGE_KEY, watchUiLanguage, withLanguageReadAhead, type SettingsArea, type StorageChanges } from '../../lib/views/ui-language';

function area(initial: Record<string, unknown> = {}, failing = false) {
  const data = new Map(Object.entries(initial));
  const listeners = new Set<(changes: StorageChanges) => void>();
  const writes: Record<string, unknown>[] = [];
  const fake: SettingsArea = {
    async get(key) {
      if (failing) throw new Error('storage unavailable');
      return data.has(key) ? { [key]: data.get(key) } : {};
    },
    async set(items) {
      if (failing) throw new Error('storage unavailable');
      writes.push(items);
      const changes: StorageChanges = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: v };
        data.set(k, v);
      }
      for (const l of listeners) l(changes);
    },
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return { fake, data, writes, listeners };
}
const profiles = (...langs: ('pl' | 'en')[]) => async () => langs.map((language) => ({ preferences: { language } }));

describe('readUiLanguage', () => {
  it('reads the stored setting first, whatever the legacy places say', async () => {
    const { fake, writes } = area({ [UI_LANGUAGE_KEY]: 'en' });
    expect(await readUiLanguage(fake, { pageValue: () => 'pl', profiles: profiles('pl') })).toBe('en');
    expect(writes).toEqual([]);
  });

  it('migrates the options page\'s old choice before a profile\'s preference, and stores it', async () => {
    const { fake, data } = area();
    expect(await readUiLanguage(fake, { pageValue: () => 'en', profiles: profiles('pl') })).toBe('en');
    expect(data.get(UI_LANGUAGE_KEY)).toBe('en');
  });

  it('migrates the first profile\'s preference for users who never touched the switch', async () => {
    const { fake, data } = area();
    expect(await readUiLanguage(fake, { pageValue: () => null, profiles: profiles('en', 'pl') })).toBe('en');
    expect(data.get(UI_LANGUAGE_KEY)).toBe('en');
  });

  it('falls back to Polish without storing anything, and ignores values that are no language', async () => {
    const { fake, writes } = area({ [UI_LANGUAGE_KEY]: 'de' });
    expect(await readUiLanguage(fake, { pageValue: () => 'xx', profiles: profiles() })).toBe(DEFAULT_LANG);
    expect(writes).toEqual([]);
  });

  it('still shows a language when the storage fails or the profiles cannot be read', async () => {
    const { fake } = area({}, true);
    expect(await readUiLanguage(fake, { profiles: profiles('en') })).toBe('en');
    expect(await readUiLanguage(area().fake, { profiles: () => Promise.reject(new Error('db closed')) })).toBe(DEFAULT_LANG);
  });
});

describe('saving and watching', () => {
  it('tells every watcher of a new language, and stops when asked', async () => {
    const { fake, listeners } = area();
    const seen: string[] = [];
    const stop = watchUiLanguage(fake, (lang) => seen.push(lang));
    await saveUiLanguage(fake, 'en');
    await fake.set({ unrelated: 1 });
    await saveUiLanguage(fake, 'pl');
    stop();
    await saveUiLanguage(fake, 'en');
    expect(seen).toEqual(['en', 'pl']);
    expect(listeners.size).toBe(0);
  });

  it('refuses to store what is not a language', async () => {
    await expect(saveUiLanguage(area().fake, 'de' as never)).rejects.toThrow(new TypeError('"lang" must be pl or en, got de'));
  });
});

describe('withLanguageReadAhead (issue 15: the popup reads the language and its data side by side)', () => {
  it('reads the setting at once, answers the first get from that read and later gets from the area', async () => {
    const { fake, data } = area({ [UI_LANGUAGE_KEY]: 'en' });
    let gets = 0;
    const counting: SettingsArea = { ...fake, get: (key) => (gets++, fake.get(key)) };
    const ahead = withLanguageReadAhead(counting);
    expect(gets).toBe(1);
    data.set(UI_LANGUAGE_KEY, 'pl'); // stored after the read began: the first answer is the early one
    expect(await readUiLanguage(ahead)).toBe('en');
    expect(gets).toBe(1);
    expect(await readUiLanguage(ahead)).toBe('pl');
    expect(gets).toBe(2);
  });

  it('passes writes and the change event through, and a failed early read reads as the default', async () => {
    const { fake, data } = area({}, true);
    const ahead = withLanguageReadAhead(fake);
    expect(await readUiLanguage(ahead)).toBe(DEFAULT_LANG);
    const ok = area();
    const seen: string[] = [];
    const wrapped = withLanguageReadAhead(ok.fake);
    const stop = watchUiLanguage(wrapped, (lang) => seen.push(lang));
    await saveUiLanguage(wrapped, 'en');
    stop();
    expect([ok.data.get(UI_LANGUAGE_KEY), seen, data.size]).toEqual(['en', ['en'], 0]);
  });
});
