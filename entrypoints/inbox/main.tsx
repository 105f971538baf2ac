import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import '@/components/inbox/inbox.css';
import { createStore } from '@/lib/store';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      store={createStore()}
      send={(message) => browser.runtime.sendMessage(message)}
      search={location.search}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />
  </StrictMode>,
);
