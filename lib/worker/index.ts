// lib/worker: everything the service worker does, behind platform seams (the entrypoint adapts browser.*).
// Only entrypoints/background.ts imports it (the pages' read models are in lib/views). The runtime cache,
// notifier and id helpers are exported for tests and the e2e dev hooks; the sync rules are in lib/sync.
export { createWorker } from './worker';
export { clickTarget, MAX_LINKED_INVOICES } from './click-target';
export type { Worker, WorkerDeps, VerifyProfileFn } from './worker';
export type { AlarmsApi, AlarmInfo, NotificationsApi, NotificationContent, BadgeApi, OpenTab } from './platform';
export { alarmName, profileIdOfAlarm, intervalMinutes, ensureAlarm, ALARM_PREFIX, MIN_ALARM_MINUTES } from './schedule';
export { createStoreTokenStore } from './token-store';
export { createLoginGuard, ownerOf } from './login-guard';
export type { LoginGuard, LoginGuardDeps, EndReason } from './login-guard';
export { createClientFor, createSessionFor, SIMULATOR_BUDGETS } from './profile-runtime';
export type { FetchFn, ProfileRuntime } from './profile-runtime';
export {
  newInvoicesNotificationId,
  noticeNotificationId,
  parseNotificationId,
  batchPrefix,
} from './notification-ids';
export type { ParsedNotificationId } from './notification-ids';
export { newInvoicesText, noticeText, SELLERS_SHOWN } from './notification-text';
export { createBrowserNotifier, ICON_URL } from './notifier';
export { backgroundXmlAllowed, BACKGROUND_XML_PER_HOUR } from './xml-budget';
export { WorkerError, WORKER_ERROR_CODES } from './errors';
export type { WorkerErrorCode } from './errors';
