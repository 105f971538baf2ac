// The Aplikacja Podatnika helper as a factory over its seams (STYLE rules 5, 6): it watches the page for its
// labels, keeps the checklist's progress, judges the two choices it warns about, and runs the hand-off. The
// content script wires the document, the session storage, the language setting, the worker and the panel.
// Light on a page that is not ours (issue 13): page-watch.ts decides when to look; nothing is drawn until a step
// (or the address) is recognised.
import type { KsefEnvironment } from '../domain/environments';
import { DEFAULT_LANG, type Lang } from '../i18n/lang';
import type { ContentRequest } from '../messages';
import { readUiLanguage, watchUiLanguage, type SettingsArea } from '../views/ui-language';
import { nipShownOnPage } from './page-nip';
import { watchPage, type PageWatch } from './page-watch';
import { clickedLabel, locateTarget, scanPage, type PageScan } from './scan-page';
import { readMemory, writeMemory, type SessionMemory } from './session-memory';
import type { StepId } from './steps';
import { createTracker } from './tracker';
import { panelView, type HandoffState, type PanelView } from './view';

export const SCAN_GAP_MS = 300;

export interface PanelActions {
  toggleCollapsed(): void;
  close(): void;
  tick(id: StepId, done: boolean): void;
  handoff(): void;
  confirmNip(use: boolean): void;
  moved(position: { x: number; y: number }): void;
}

export interface PanelUi {
  render(view: PanelView): void;
  /** Ring the control the current step names (null: nothing to point at). */
  point(target: Element | null): void;
  remove(): void;
}

export interface HelperDeps {
  doc: Document;
  environment: KsefEnvironment;
  /** The tab's sessionStorage (session-memory.ts). */
  session: Storage | undefined;
  settings: SettingsArea;
  send: (message: ContentRequest) => Promise<unknown>;
  mountUi: (actions: PanelActions, memory: SessionMemory) => Promise<PanelUi>;
  signal: AbortSignal;
  now?: () => Date;
  idle?: (run: () => void) => void;
}

export function createApHelper(deps: HelperDeps) {
  const { doc, environment, signal } = deps;
  const win = doc.defaultView!;
  const memory = readMemory(deps.session);
  const tracker = createTracker(memory, deps.now ?? (() => new Date()));
  let lang: Lang = DEFAULT_LANG;
  let handoff: HandoffState = { phase: 'idle' };
  let scan: PageScan | null = null;
  let ui: PanelUi | null = null;
  let mounting = false;
  let watch: PageWatch | null = null;

  const save = () => writeMemory(deps.session, memory);

  function render(): void {
    const where = tracker.where;
    if (!ui || !where) return;
    ui.render(panelView({ lang, environment, where, collapsed: memory.collapsed, warnings: tracker.warnings, handoff }));
  }

  function update(): void {
    const where = tracker.where;
    if (!scan || !where) return;
    render();
    ui?.point(where.pointAt && !memory.collapsed ? locateTarget(scan, where.pointAt) : null);
  }

  async function show(): Promise<void> {
    if (ui || mounting || memory.closed) return;
    mounting = true;
    lang = await readUiLanguage(deps.settings).catch(() => DEFAULT_LANG);
    const stop = watchUiLanguage(deps.settings, (next) => {
      lang = next;
      render();
    });
    signal.addEventListener('abort', stop);
    ui = await deps.mountUi(actions, memory);
    mounting = false;
    update();
  }

  function look(): void {
    if (signal.aborted || memory.closed) return;
    scan = scanPage(doc);
    const where = tracker.update(scan, win.location.pathname + win.location.hash);
    save();
    if (ui) update();
    else if (where.found !== null) void show(); // nothing recognised yet: draw nothing
  }

  const onClick = (event: Event) => {
    if (tracker.clicked(clickedLabel(event.target))) {
      save();
      watch?.schedule();
    }
  };
  const onFieldChange = (event: Event) => {
    if (event.target instanceof Element && tracker.changed(event.target)) {
      save();
      update();
      watch?.schedule();
    }
  };

  async function sendHandoff(nip: string | undefined): Promise<void> {
    handoff = { phase: 'sending' };
    render();
    try {
      const answer = (await deps.send({ type: 'openSetup', environment, ...(nip ? { nip } : {}) })) as
        | { ok: true }
        | { ok: false; error?: { code?: string } }
        | undefined;
      handoff = answer?.ok ? { phase: 'sent' } : { phase: 'failed', code: answer?.error?.code ?? 'NO_RESPONSE' };
    } catch {
      handoff = { phase: 'failed', code: 'NO_RESPONSE' };
    }
    render();
  }

  const actions: PanelActions = {
    toggleCollapsed() {
      memory.collapsed = !memory.collapsed;
      save();
      update();
    },
    close() {
      memory.closed = true;
      watch?.stop();
      save();
      ui?.remove();
      ui = null;
    },
    tick(id, done) {
      tracker.tick(id, done);
      save();
      look();
    },
    handoff() {
      const nip = scan ? nipShownOnPage(scan.nipTexts) : undefined;
      if (nip) {
        handoff = { phase: 'confirm', nip };
        render();
      } else void sendHandoff(undefined);
    },
    confirmNip(use) {
      void sendHandoff(use && handoff.phase === 'confirm' ? handoff.nip : undefined);
    },
    moved(position) {
      memory.position = position;
      save();
    },
  };

  return {
    /** Starts watching; draws nothing until a step is recognised. Stops with `signal`. */
    start(): void {
      if (memory.closed) return;
      const listen = (type: string, handler: (e: Event) => void) => doc.addEventListener(type, handler, { capture: true, passive: true, signal });
      listen('click', onClick);
      listen('change', onFieldChange);
      listen('input', onFieldChange);
      signal.addEventListener('abort', () => ui?.remove());
      watch = watchPage({ doc, signal, gapMs: SCAN_GAP_MS, scan: look, ...(deps.idle ? { idle: deps.idle } : {}) });
      watch.schedule();
    },
  };
}

export type ApHelper = ReturnType<typeof createApHelper>;
