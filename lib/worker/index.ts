// lib/worker: everything the service worker does, behind platform seams (the entrypoint adapts browser.*).
// Only entrypoints/background.ts imports it (the pages' read models are in lib/views); tests import the files.
export { createWorker } from './worker';
export { answerContentScript } from './ap-handoff';
