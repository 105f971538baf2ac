import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import '@/components/inbox/inbox.css';
import { useUiLanguage } from '@/components/ui/useUiLanguage';
import { createStore } from '@/lib/store';
import { LEGACY_PAGE_LANGUAGE_KEY } from '@/lib/views/ui-language';
import { App } from './App';

function Root() {
  const [store] = useState(createStore);
  // The one page-language setting (lib/views/ui-language.ts): its switch here and on the options page change every open page.
  const language = useUiLanguage(browser.storage.local, {
    pageValue: () => localStorage.getItem(LEGACY_PAGE_LANGUAGE_KEY),
    profiles: () => store.listProfiles(),
  });
  if (!language.ready) return <main className="kp-inbox" aria-busy="true" />;
  return (
    <App
      store={store}
      send={(message) => browser.runtime.sendMessage(message)}
      search={location.search}
      openOptions={() => void browser.runtime.openOptionsPage()}
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
