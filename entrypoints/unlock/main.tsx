// The unlock page (issue 14 point 3), opened by the worker's unlock notification: unlock.html?profile=<id>.
import '@/components/ui/theme.css';
import '@/components/unlock/unlock.css';
import { mountPage } from '@/components/ui/mountPage';
import { UnlockPage } from '@/components/unlock/UnlockPage';
import { createStore } from '@/lib/store';

mountPage('kp-unlock', { browser, createStore }, ({ store, send, lang, onLang }) => (
  <UnlockPage
    store={store}
    send={send}
    fetch={(input, init) => fetch(input, init)}
    lang={lang}
    onLang={onLang}
    profileId={new URLSearchParams(location.search).get('profile')}
  />
));
