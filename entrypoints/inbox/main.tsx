import '@/components/ui/theme.css';
import '@/components/inbox/inbox.css';
import { mountPage } from '@/components/ui/mountPage';
import { createStore } from '@/lib/store';
import { withLanguageReadAhead } from '@/lib/views/ui-language';
import { App } from './App';

// The language switch here and on the options page changes every open page (lib/views/ui-language.ts). It is
// read from module start, beside the store's opening, not after React's first mount (issue 15).
const settings = withLanguageReadAhead(browser.storage.local);
mountPage('kp-inbox', { browser: { storage: { local: settings }, runtime: browser.runtime }, createStore }, (basics) => (
  <App {...basics} search={location.search} openOptions={() => void browser.runtime.openOptionsPage()} />
));
