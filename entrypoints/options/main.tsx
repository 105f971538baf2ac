import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import '@/components/options/options.css';
import { useUiLanguage } from '@/components/ui';
import { createStore } from '@/lib/store';
import { LEGACY_PAGE_LANGUAGE_KEY } from '@/lib/views/ui-language';
import { App } from './App';

function Root() {
  const [store] = useState(createStore);
  // The one page-language setting (lib/views/ui-language.ts); the switch here changes every open page.
  const language = useUiLanguage(browser.storage.local, {
    pageValue: () => localStorage.getItem(LEGACY_PAGE_LANGUAGE_KEY),
    profiles: () => store.listProfiles(),
  });
  // Nothing until the language is known: no flash of Polish before English.
  if (!language.ready) return <main className="kp-options" data-ready={false} aria-busy />;
  return (
    <App
      store={store}
      send={(message) => browser.runtime.sendMessage(message)}
      allowSimulator={import.meta.env.MODE === 'development'}
      initialProfileId={new URLSearchParams(location.search).get('profile')}
      lang={language.lang}
      onLang={language.setLang}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
