import '@/components/ui/theme.css';
import '@/components/inbox/inbox.css';
import { mountPage } from '@/components/ui/mountPage';
import { createStore } from '@/lib/store';
import { App } from './App';

// The language switch here and on the options page changes every open page (lib/views/ui-language.ts).
mountPage('kp-inbox', { browser, createStore }, (basics) => (
  <App {...basics} search={location.search} openOptions={() => void browser.runtime.openOptionsPage()} />
));
