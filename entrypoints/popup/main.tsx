import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import '@/components/popup/popup.css';
import { useUiLanguage } from '@/components/ui/useUiLanguage';
import { createStore, requestPersistentStorage } from '@/lib/store';
import { listProfileStatuses } from '@/lib/views';
import { LEGACY_PAGE_LANGUAGE_KEY } from '@/lib/views/ui-language';
import { App } from './App';

function openPage(path: string): void {
  // Paths carry a query (?profile=…), which WXT's typed PublicPath union does not list.
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  void browser.tabs.create({ url });
  window.close();
}

function Root() {
  const [store] = useState(createStore);
  // The one page-language setting (lib/views/ui-language.ts): a switch on the options page or the inbox shows here at once.
  const language = useUiLanguage(browser.storage.local, {
    pageValue: () => localStorage.getItem(LEGACY_PAGE_LANGUAGE_KEY),
    profiles: () => store.listProfiles(),
  });
  if (!language.ready) return <main className="kp-popup" aria-busy="true" />;
  return (
    <App
      store={store}
      send={(message) => browser.runtime.sendMessage(message)}
      loadStatuses={listProfileStatuses}
      openOptions={(search) => (search ? openPage(`/options.html${search}`) : void browser.runtime.openOptionsPage())}
      openPage={openPage}
      requestPersistence={() => requestPersistentStorage(navigator.storage)}
      lang={language.lang}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
