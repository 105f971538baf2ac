// lib/send/engine: the worker side of sending (issue 12 steps 3–4). Everything it touches is injected
// (SendDeps); the worker builds the deps from the browser. The phases stay private: sendPending is the loop.
export { sendPending } from './run';
export { createSessionKey, encryptInvoice } from './crypto';
export type { SessionKey } from './crypto';
export { patchForStatus, rejectionText, ksefStatusOf } from './outcome';
export { FA3_FORM_CODE, MAX_SESSIONS_PER_RUN } from './session';
export { MAX_ATTEMPTS, DEFAULT_MAX_INLINE_WAIT_MS } from './waits';
