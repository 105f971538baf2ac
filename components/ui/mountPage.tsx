// How every extension page starts (popup, options, inbox): one store for the page's life, the one UI-language
// setting (lib/views/ui-language.ts; the old per-page places are read once to migrate it), and nothing shown
// until the language is known, so an English reader never sees a flash of Polish. The entrypoint hands in
// the browser's seams (the settings area, the store factory) and what its App needs besides.
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '@/lib/i18n/lang';
import { loadPopupCatalog } from '@/lib/i18n/popup';
import { LEGACY_PAGE_LANGUAGE_KEY, type LegacyLanguage, type SettingsArea } from '@/lib/views/ui-language';
import { useUiLanguage } from './useUiLanguage';

type ProfileList = NonNullable<LegacyLanguage['profiles']>;

/** The part of the browser API a page starts with: passed in by the entrypoint, never reached from here. */
export interface PageBrowser {
  storage: { local: SettingsArea };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** What every page's App receives: the store, the worker's message channel, and the UI language. */
export interface PageBasics<S> {
  store: S;
  send: (message: unknown) => Promise<unknown>;
  lang: Lang;
  onLang: (lang: Lang) => void;
}

/**
 * Renders `render(basics)` into #root once the language is known. `className` is the page's root class:
 * the placeholder shown meanwhile has it too.
 */
export function mountPage<S extends { listProfiles: ProfileList }>(
  className: string,
  seams: { browser: PageBrowser; createStore: () => S },
  render: (basics: PageBasics<S>) => ReactNode,
): void {
  const send = (message: unknown) => seams.browser.runtime.sendMessage(message);

  function Root() {
    const [store] = useState(seams.createStore);
    const language = useUiLanguage(seams.browser.storage.local, {
      pageValue: () => localStorage.getItem(LEGACY_PAGE_LANGUAGE_KEY),
      profiles: () => store.listProfiles(),
    });
    // The popup's strings come one language at a time (lib/i18n/popup.ts, issue 15): the page shows a
    // language once they are loaded, and keeps the one it shows until the next is.
    const [shown, setShown] = useState<Lang | null>(null);
    useEffect(() => {
      if (!language.ready) return;
      let live = true;
      const lang = language.lang;
      void loadPopupCatalog(lang).then(() => live && setShown(lang));
      return () => {
        live = false;
      };
    }, [language.ready, language.lang]);
    if (!language.ready || shown === null) return <main className={className} data-ready={false} aria-busy="true" />;
    return render({ store, send, lang: shown, onLang: language.setLang });
  }

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
