// What the panel shows, as plain data (components/ap-helper render it): the two tasks with each step done, current
// or to do, the warnings, and the hand-off's state. Pure, so the order and marking rules are unit-tested.
import type { KsefEnvironment } from '../domain/environments';
import type { Lang } from '../i18n/lang';
import type { Whereabouts } from './progress';
import { TASKS, stepsOf, type StepId, type TaskId } from './steps';
import type { ApWarning } from './warnings';

export type StepState = 'done' | 'current' | 'todo';

export type HandoffState =
  | { phase: 'idle' }
  | { phase: 'confirm'; nip: string }
  | { phase: 'sending' }
  | { phase: 'sent' }
  | { phase: 'failed'; code: string };

export interface PanelView {
  lang: Lang;
  environment: KsefEnvironment;
  /** guided: the helper sees the page; plain: the labels are not there, the list is plain instructions. */
  mode: 'guided' | 'plain';
  collapsed: boolean;
  tasks: { id: TaskId; active: boolean; steps: { id: StepId; state: StepState; onScreen: boolean }[] }[];
  warnings: ApWarning[];
  handoff: HandoffState;
}

export interface ViewInput {
  lang: Lang;
  environment: KsefEnvironment;
  where: Whereabouts;
  collapsed: boolean;
  warnings: ReadonlySet<ApWarning>;
  handoff: HandoffState;
}

const WARNING_ORDER: readonly ApWarning[] = ['key_not_downloaded', 'offline_purpose', 'future_valid_from'];

export function panelView({ lang, environment, where, collapsed, warnings, handoff }: ViewInput): PanelView {
  return {
    lang,
    environment,
    mode: where.found === 'labels' ? 'guided' : 'plain',
    collapsed,
    tasks: TASKS.map((task) => ({
      id: task,
      active: where.task === task,
      steps: stepsOf(task).map(({ id }) => ({
        id: id as StepId,
        state: where.done.has(id as StepId) ? 'done' : where.current === id ? 'current' : 'todo',
        onScreen: where.onScreen.includes(id as StepId),
      })),
    })),
    warnings: WARNING_ORDER.filter((w) => warnings.has(w)),
    handoff,
  };
}
