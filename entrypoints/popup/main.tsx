import '@/components/ui/theme.css';
import '@/components/popup/popup.css';
import { mountPage } from '@/components/ui/mountPage';
import { createStore, requestPersistentStorage } from '@/lib/store';
import { loadPopupRows } from '@/lib/views/popup-view';
import { withLanguageReadAhead } from '@/lib/views/ui-language';
import { App } from './App';

function openPage(path: string): void {
  // Paths carry a query (?profile=…), which WXT's typed PublicPath union does not list.
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  void browser.tabs.create({ url });
  window.close();
}

// The cards' data and the language are both read from here, at module start, side by side (issue 15: the
// first render waits for the slower of the two, not for the React mount and then both one after the other).
const store = createStore();
const settings = withLanguageReadAhead(browser.storage.local);
const firstAt = new Date();
const first = { at: firstAt, rows: loadPopupRows(store, firstAt) };
first.rows.catch(() => undefined); // App reports a failure; this only keeps it from being an unhandled rejection

// One language setting for every page (lib/views/ui-language.ts): a switch here, on the options page or in
// the inbox shows on all of them at once.
mountPage('kp-popup', { browser: { storage: { local: settings }, runtime: browser.runtime }, createStore: () => store }, ({ send, lang, onLang }) => (
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
