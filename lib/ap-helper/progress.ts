// Where the user is, from what is on screen and in the address (issue 13): the task, the step to do next, what
// is already behind them. Pure: the content script hands in the labels it saw (lib/ap-helper/scan-page.ts).
import { normalizeLabel } from './labels';
import { ADDRESS_HINTS, MENU_LABELS, STEPS, TASKS, stepsOf, type Step, type StepId, type TaskId } from './steps';

export interface PageSnapshot {
  /** Visible labels, normalised (labels.ts). */
  labels: ReadonlySet<string>;
  /** The address's path and hash. */
  address: string;
}

export interface Whereabouts {
  /** How the helper knows: labels on screen, only the address (plain checklist), or nothing yet. */
  found: 'labels' | 'address' | null;
  task: TaskId | null;
  /** The steps whose control is on screen now. */
  onScreen: StepId[];
  /** The step to do next, or null when the task is done. */
  current: StepId | null;
  /** What to point at for the current step, or null (the control is not on screen). */
  pointAt: Step['target'] | null;
  /** Progress with what the screen proves done (you cannot be on the form without having opened it). */
  done: ReadonlySet<StepId>;
}

const visible = (snapshot: PageSnapshot, label: string) => snapshot.labels.has(normalizeLabel(label));

function taskFromAddress(address: string): TaskId | null {
  return TASKS.find((task) => ADDRESS_HINTS[task].test(address)) ?? null;
}

function chooseTask(onScreen: readonly Step[], snapshot: PageSnapshot, done: ReadonlySet<StepId>): TaskId | null {
  const count = (task: TaskId) => onScreen.filter((s) => s.task === task).length;
  const [a, b] = TASKS.map(count) as [number, number];
  if (a !== b) return a > b ? 'permissions' : 'certificate';
  const hinted = taskFromAddress(snapshot.address);
  if (hinted) return hinted;
  // The start screen (only the menu): the first task not yet done, permissions first (AP-GUIDE order).
  if (TASKS.some((task) => visible(snapshot, MENU_LABELS[task]))) {
    return TASKS.find((task) => stepsOf(task).some((s) => !done.has(s.id as StepId))) ?? 'certificate';
  }
  return null;
}

export function locate(snapshot: PageSnapshot, done: ReadonlySet<StepId>): Whereabouts {
  const seen = STEPS.filter((s) => s.anchors.some((label) => visible(snapshot, label)));
  const onScreenSteps = seen.filter((s) => !(s as Step).weak || seen.some((o) => o.task === s.task && !(o as Step).weak));
  const menuSeen = TASKS.some((task) => visible(snapshot, MENU_LABELS[task]));
  const found = onScreenSteps.length > 0 || menuSeen ? 'labels' : taskFromAddress(snapshot.address) ? 'address' : null;
  const task = chooseTask(onScreenSteps, snapshot, done);
  const nextDone = new Set(done);
  let current: StepId | null = null;
  let pointAt: Step['target'] | null = null;
  const onScreen = onScreenSteps.filter((s) => s.task === task).map((s) => s.id as StepId);
  if (task) {
    const steps = stepsOf(task);
    const first = steps.findIndex((s) => onScreen.includes(s.id as StepId));
    if (first > 0) steps.slice(0, first).forEach((s) => nextDone.add(s.id as StepId));
    const next = steps.find((s) => onScreen.includes(s.id as StepId) && !nextDone.has(s.id as StepId))
      ?? steps.find((s) => !nextDone.has(s.id as StepId));
    current = (next?.id as StepId | undefined) ?? null;
    if (next && found === 'labels') {
      if (onScreen.includes(next.id as StepId)) pointAt = next.target;
      else if (next.menu && visible(snapshot, next.menu)) pointAt = { label: next.menu, kind: 'button' };
    }
  }
  return { found, task, onScreen, current, pointAt, done: nextDone };
}
