// What "Sprawdź teraz" needs: the request to the worker (lib/messages.ts and its schemas) and the words for
// its answer. Loaded on the first click, so the popup's first render carries none of it (issue 15: popup
// JavaScript ≤ 350 KB, first render ≤ 100 ms).
export { sendRequest } from '@/lib/messages';
export { syncResultText } from '@/lib/views/sync-result';
