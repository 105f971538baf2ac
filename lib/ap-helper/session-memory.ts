// What the helper remembers in this tab's session (the page's sessionStorage: it ends with the tab, as "closed
// for the session" should): closed, collapsed, where the user moved it, and the steps done. No field value and
// nothing secret; a page that forbids storage just gets a helper that forgets.
import { STEPS, type StepId } from './steps';

const KEY = 'ksefPilot.apHelper';

export interface SessionMemory {
  closed: boolean;
  collapsed: boolean;
  position?: { x: number; y: number };
  done: StepId[];
  /** "Generuj" was clicked on this tab: the one-time key download happened. */
  generated: boolean;
}

const EMPTY: SessionMemory = { closed: false, collapsed: false, done: [], generated: false };
const STEP_IDS: ReadonlySet<string> = new Set(STEPS.map((s) => s.id));

export function readMemory(storage: Pick<Storage, 'getItem'> | undefined): SessionMemory {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<SessionMemory> | null;
    if (!raw || typeof raw !== 'object') return { ...EMPTY };
    const p = raw.position;
    return {
      closed: raw.closed === true,
      collapsed: raw.collapsed === true,
      ...(p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { position: { x: p.x, y: p.y } } : {}),
      done: Array.isArray(raw.done) ? raw.done.filter((id): id is StepId => STEP_IDS.has(id)) : [],
      generated: raw.generated === true,
    };
  } catch {
    return { ...EMPTY };
  }
}

export function writeMemory(storage: Pick<Storage, 'setItem'> | undefined, memory: SessionMemory): void {
  try {
    storage?.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Storage full or forbidden: the helper still works for this page.
  }
}
