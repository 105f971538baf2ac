// components/popup: what the toolbar popup renders; the page loads the data.
export { ProfileCard } from './ProfileCard';
export type { ProfileCardProps } from './ProfileCard';
export { SyncStatus } from './SyncStatus';
export type { SyncStatusProps, PersistView } from './SyncStatus';
