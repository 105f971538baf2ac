// When the helper looks at the page again (issue 13: "never slows the page's own navigation"): a MutationObserver
// that only asks for a scan, the scan itself when the browser is idle and at most every `gapMs`, plus the in-page
// navigation signals (popstate, hashchange, the Navigation API's navigatesuccess) without patching history.

export interface PageWatch {
  /** Ask for a scan (coalesced, throttled, run when idle). */
  schedule(): void;
  /** Stop observing (the helper was closed); the signal stops everything too. */
  stop(): void;
}

export interface PageWatchOptions {
  doc: Document;
  signal: AbortSignal;
  gapMs: number;
  scan: () => void;
  /** Runs work when the page is idle: requestIdleCallback where there is one. */
  idle?: (run: () => void) => void;
}

export function watchPage({ doc, signal, gapMs, scan, idle }: PageWatchOptions): PageWatch {
  const win = doc.defaultView!;
  const whenIdle = idle ?? ((run: () => void) => (win.requestIdleCallback ? win.requestIdleCallback(run, { timeout: 1500 }) : win.setTimeout(run, 50)));
  let pending = false;
  let stopped = false;
  let last = 0;
  const run = () => {
    pending = false;
    if (stopped || signal.aborted) return;
    last = Date.now();
    scan();
  };
  const schedule = () => {
    if (pending || stopped || signal.aborted) return;
    pending = true;
    win.setTimeout(() => whenIdle(run), Math.max(0, last + gapMs - Date.now()));
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const listen = (target: EventTarget) => (type: string) => target.addEventListener(type, schedule, { passive: true, signal });
  ['popstate', 'hashchange'].forEach(listen(win));
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation) listen(navigation)('navigatesuccess');
  const stop = () => {
    stopped = true;
    observer.disconnect();
  };
  signal.addEventListener('abort', stop);
  return { schedule, stop };
}
