import '@/components/ui/theme.css';
import '@/components/popup/popup.css';
import { mountPage } from '@/components/ui/mountPage';
import { createStore, requestPersistentStorage } from '@/lib/store';
import { loadPopupRows } from '@/lib/views/popup-view';
import { App } from './App';

function openPage(path: string): void {
  // Paths carry a query (?profile=…), which WXT's typed PublicPath union does not list.
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  void browser.tabs.create({ url });
  window.close();
}

// The cards' data is read from here, while mountPage reads the language (issue 15: the popup's first render
// waits for the slower of the two, not for both one after the other).
const store = createStore();
const firstAt = new Date();
const first = { at: firstAt, rows: loadPopupRows(store, firstAt) };
first.rows.catch(() => undefined); // App reports a failure; this only keeps it from being an unhandled rejection

// One language setting for every page (lib/views/ui-language.ts): a switch here, on the options page or in
// the inbox shows on all of them at once.
mountPage('kp-popup', { browser, createStore: () => store }, ({ send, lang, onLang }) => (
  <App
    store={store}
    send={send}
    lang={lang}
    onLang={onLang}
    loadRows={loadPopupRows}
    first={first}
    openOptions={(search) => (search ? openPage(`/options.html${search}`) : void browser.runtime.openOptionsPage())}
    openPage={openPage}
    requestPersistence={() => requestPersistentStorage(navigator.storage)}
  />
));
