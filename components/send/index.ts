// components/send: the "Wysyłka do KSeF" view and one sent invoice. Sections stay private; the page renders these.
export { SendView } from './SendView';
export type { SendViewProps, SendNotice } from './SendView';
export { SentItemDetail } from './SentItemDetail';
export type { SentItemDetailProps } from './SentItemDetail';
export { SendTabs } from './SendTabs';
export type { InboxTab } from './SendTabs';
