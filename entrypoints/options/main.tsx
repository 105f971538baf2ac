import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import '@/components/options/options.css';
import { DEFAULT_LANG, isLang, type Lang } from '@/lib/i18n';
import { createStore } from '@/lib/store';
import { App } from './App';

// The page's language is a small UI setting of this browser; profiles also keep it in their preferences.
const LANG_KEY = 'ksefPilot.lang';

function Root() {
  const stored = localStorage.getItem(LANG_KEY);
  const [lang, setLang] = useState<Lang>(isLang(stored) ? stored : DEFAULT_LANG);
  const [store] = useState(createStore);
  return (
    <App
      store={store}
      send={(message) => browser.runtime.sendMessage(message)}
      allowSimulator={import.meta.env.MODE === 'development'}
      initialProfileId={new URLSearchParams(location.search).get('profile')}
      lang={lang}
      onLang={(next) => {
        localStorage.setItem(LANG_KEY, next);
        setLang(next);
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
