// The two views of the inbox page, side by side: received invoices and sending. Links to `#send` / `#received`, so
// a notification (or a bookmark) opens the one it names and the browser's back button works.
import { t, type Lang } from '@/lib/i18n';
import './tabs.css';

export type InboxTab = 'received' | 'send';

export function SendTabs({ tab, lang }: { tab: InboxTab; lang: Lang }) {
  return (
    <nav className="kp-send-tabs kp-no-print" aria-label={t(lang, 'sendui_tabs_label')}>
      <a href="#received" className="kp-send-tab" aria-current={tab === 'received' ? 'page' : undefined}>
        {t(lang, 'sendui_tab_received')}
      </a>
      <a href="#send" className="kp-send-tab" aria-current={tab === 'send' ? 'page' : undefined}>
        {t(lang, 'sendui_tab_send')}
      </a>
    </nav>
  );
}
