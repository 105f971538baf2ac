// The two tasks a user does in Aplikacja Podatnika before KSeF Pilot can log in, step by step, in the app's own
// labels (shared/ksef/AP-GUIDE.md, issue 13). Pure data: `anchors` are labels whose presence on screen shows the
// step's control is there; `target` is the control the helper points at. The panel's texts are ap_step_<id>.

export type TaskId = 'permissions' | 'certificate';
export type TargetKind = 'button' | 'field' | 'choice';

export interface Step {
  id: string;
  task: TaskId;
  anchors: readonly string[];
  target: { label: string; kind: TargetKind };
  /** Where to point while the step's own control is not on screen (the menu entry that leads there). */
  menu?: string;
  /** Its anchors are common words ("Odśwież", "Hasło", "PESEL"): on screen only beside a distinctive step of its task. */
  weak?: boolean;
}

export const STEPS = [
  // Task 1, "Uprawnienia" (AP-GUIDE Task 1).
  { id: 'p_open', task: 'permissions', anchors: ['Nadaj uprawnienie'], target: { label: 'Nadaj uprawnienie', kind: 'button' }, menu: 'Uprawnienia' },
  { id: 'p_kind', task: 'permissions', anchors: ['Rodzaj uprawnienia'], target: { label: 'Rodzaj uprawnienia', kind: 'field' } },
  { id: 'p_subject', task: 'permissions', anchors: ['Rodzaj podmiotu uprawnianego'], target: { label: 'Rodzaj podmiotu uprawnianego', kind: 'field' } },
  { id: 'p_person', task: 'permissions', anchors: ['PESEL', 'Imię', 'Nazwisko'], target: { label: 'PESEL', kind: 'field' }, weak: true },
  { id: 'p_scope', task: 'permissions', anchors: ['wystawianie faktur', 'przeglądanie faktur'], target: { label: 'wystawianie faktur', kind: 'choice' } },
  { id: 'p_grant', task: 'permissions', anchors: ['Nadaj uprawnienia'], target: { label: 'Nadaj uprawnienia', kind: 'button' } },
  // Task 2, "Certyfikaty" (AP-GUIDE Task 2).
  { id: 'c_open', task: 'certificate', anchors: ['Wnioskuj o certyfikat'], target: { label: 'Wnioskuj o certyfikat', kind: 'button' }, menu: 'Certyfikaty' },
  { id: 'c_name', task: 'certificate', anchors: ['Nazwa certyfikatu'], target: { label: 'Nazwa certyfikatu', kind: 'field' } },
  { id: 'c_password', task: 'certificate', anchors: ['Hasło'], target: { label: 'Hasło', kind: 'field' }, weak: true },
  { id: 'c_generate', task: 'certificate', anchors: ['Generuj'], target: { label: 'Generuj', kind: 'button' }, weak: true },
  { id: 'c_purpose', task: 'certificate', anchors: ['Przeznaczenie certyfikatu'], target: { label: 'Przeznaczenie certyfikatu', kind: 'field' } },
  { id: 'c_valid_from', task: 'certificate', anchors: ['Certyfikat ważny od'], target: { label: 'Certyfikat ważny od', kind: 'field' } },
  { id: 'c_send', task: 'certificate', anchors: ['Wyślij wniosek o wydanie certyfikatu'], target: { label: 'Wyślij wniosek o wydanie certyfikatu', kind: 'button' } },
  { id: 'c_refresh', task: 'certificate', anchors: ['Odśwież'], target: { label: 'Odśwież', kind: 'button' }, weak: true },
  { id: 'c_download', task: 'certificate', anchors: ['Pobierz certyfikat'], target: { label: 'Pobierz certyfikat', kind: 'button' } },
] as const satisfies readonly Step[];

export type StepId = (typeof STEPS)[number]['id'];
export const TASKS: readonly TaskId[] = ['permissions', 'certificate'];

/** Menu entries: on screen, they show the user is inside the app even where no step's control is. */
export const MENU_LABELS: Readonly<Record<TaskId, string>> = { permissions: 'Uprawnienia', certificate: 'Certyfikaty' };

/**
 * Words in the address that name a task, for a page whose labels changed: the checklist then still shows,
 * as plain text. Matched in the path and the hash (a single-page app may route in either).
 */
export const ADDRESS_HINTS: Readonly<Record<TaskId, RegExp>> = { permissions: /uprawnien/i, certificate: /certyfikat/i };

export function stepsOf(task: TaskId): readonly Step[] {
  return STEPS.filter((s) => s.task === task);
}

export function stepById(id: StepId): Step {
  return STEPS.find((s) => s.id === id)!;
}
