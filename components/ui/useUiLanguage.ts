// The page language as React state: lib/views/ui-language.ts reads, stores and watches the one setting; this
// hook only adapts it. `ready` is false until the setting has been read, so a page can wait instead of
// flashing Polish before switching to English.
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_LANG, type Lang } from '@/lib/i18n/lang';
import { readUiLanguage, saveUiLanguage, watchUiLanguage, type LegacyLanguage, type SettingsArea } from '@/lib/views/ui-language';

export interface UiLanguage {
  lang: Lang;
  ready: boolean;
  /** Stores the choice; every open page (this one included) follows through the change event. */
  setLang: (lang: Lang) => void;
}

export function useUiLanguage(area: SettingsArea, legacy: LegacyLanguage = {}): UiLanguage {
  const [lang, setState] = useState<Lang>(DEFAULT_LANG);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    const stop = watchUiLanguage(area, (next) => live && setState(next));
    void readUiLanguage(area, legacy).then((read) => {
      if (!live) return;
      setState(read);
      setReady(true);
    });
    return () => {
      live = false;
      stop();
    };
  }, [area]); // eslint-disable-line react-hooks/exhaustive-deps -- the legacy places are read once

  // The document's language follows, for screen readers and hyphenation.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      setState(next); // at once on this page; a failed write only loses the memory of the choice
      void saveUiLanguage(area, next).catch(() => undefined);
    },
    [area],
  );

  return { lang, ready, setLang };
}
