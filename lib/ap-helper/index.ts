// lib/ap-helper: the Aplikacja Podatnika helper (issue 13). The content script, the worker and the options page
// import the files they need directly: hosts.ts and handoff.ts are pure data and formatting that lib/messages.ts,
// wxt.config.ts and the pages load without the DOM-reading modules, and the content script's graph stays small
// (tests/ap-helper/light.test.ts).
export { AP_HOSTS, AP_MATCH_PATTERNS, AP_START_URLS, apEnvironmentOf, type ApHost } from './hosts';
export { formatHandoffPath, parseHandoff, type Handoff } from './handoff';
export { createApHelper, SCAN_GAP_MS, type ApHelper, type HelperDeps, type PanelActions, type PanelUi } from './helper';
export { locate, type PageSnapshot, type Whereabouts } from './progress';
export { STEPS, TASKS, type Step, type StepId, type TaskId } from './steps';
export { isFutureValidFrom, isOfflinePurpose, keyNotDownloaded, type ApWarning } from './warnings';
export { formatNip, nipShownOnPage } from './page-nip';
export { panelView, type PanelView, type HandoffState } from './view';
