import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import '@/components/popup/popup.css';
import { createStore } from '@/lib/store';
import { listProfileStatuses } from '@/lib/worker';
import { App } from './App';

function openPage(path: string): void {
  // Paths carry a query (?profile=…), which WXT's typed PublicPath union does not list.
  const url = (browser.runtime.getURL as (p: string) => string)(path);
  void browser.tabs.create({ url });
  window.close();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      store={createStore()}
      send={(message) => browser.runtime.sendMessage(message)}
      loadStatuses={listProfileStatuses}
      openOptions={(search) => (search ? openPage(`/options.html${search}`) : void browser.runtime.openOptionsPage())}
      openPage={openPage}
    />
  </StrictMode>,
);
