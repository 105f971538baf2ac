// Which view of the inbox page is shown: `#send` opens sending (the worker's notification links there), any
// other address the received invoices. Follows the hash, so the tabs are plain links and Back works.
import { useEffect, useState } from 'react';
import type { InboxTab } from '@/components/send/SendTabs';

export const tabOfHash = (hash: string): InboxTab => (hash === '#send' ? 'send' : 'received');

export function useHashTab(win: Pick<Window, 'location' | 'addEventListener' | 'removeEventListener'> = window): InboxTab {
  const [tab, setTab] = useState(() => tabOfHash(win.location.hash));
  useEffect(() => {
    const onHash = () => setTab(tabOfHash(win.location.hash));
    win.addEventListener('hashchange', onHash);
    return () => win.removeEventListener('hashchange', onHash);
  }, [win]);
  return tab;
}
