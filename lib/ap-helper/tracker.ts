// The checklist's memory of what the user did on this tab and the warnings that stand (issue 13): fed with each
// look at the page (scan-page.ts) and with the clicks and changes the helper observes. It reads only the two
// choices it warns about (choices.ts), and of every other field only that it changed, never its value.
import { readChoiceText, readDateValue } from './choices';
import { normalizeLabel } from './labels';
import { locate, type Whereabouts } from './progress';
import { locateTarget, type PageScan } from './scan-page';
import type { SessionMemory } from './session-memory';
import { STEPS, stepById, type StepId } from './steps';
import { isFutureValidFrom, isOfflinePurpose, keyNotDownloaded, type ApWarning, type CertificateMove } from './warnings';

const BUTTON_STEPS = new Map(STEPS.filter((s) => s.target.kind === 'button').map((s) => [normalizeLabel(s.target.label), s.id as StepId]));

export function createTracker(memory: SessionMemory, now: () => Date) {
  const warnings = new Set<ApWarning>();
  let where: Whereabouts | null = null;
  let controls = new Map<StepId, Element>();

  const markDone = (id: StepId) => void (memory.done.includes(id) || memory.done.push(id));

  function moveOn(move: CertificateMove): void {
    const started = memory.done.includes('c_name') || memory.done.includes('c_password');
    if (keyNotDownloaded(move, memory.generated, started)) warnings.add('key_not_downloaded');
  }

  /** The two choices the helper may read, judged as they stand now. */
  function judgeChoices(): void {
    const judge = (warning: ApWarning, value: string | undefined, wrong: (v: string) => boolean) => {
      if (value === undefined) return;
      if (wrong(value)) warnings.add(warning);
      else warnings.delete(warning);
    };
    judge('offline_purpose', readChoiceText(controls.get('c_purpose') ?? null), isOfflinePurpose);
    judge('future_valid_from', readDateValue(controls.get('c_valid_from') ?? null), (v) => isFutureValidFrom(v, now()));
  }

  return {
    warnings: warnings as ReadonlySet<ApWarning>,
    get where(): Whereabouts | null {
      return where;
    },

    /** A fresh look at the page: where the user is, the controls of the fields on screen, the choices judged. */
    update(scan: PageScan, address: string): Whereabouts {
      const before = where;
      where = locate({ labels: scan.labels, address }, new Set(memory.done));
      memory.done = [...where.done];
      if (memory.generated) warnings.delete('key_not_downloaded');
      controls = new Map();
      for (const id of where.onScreen) {
        const { target } = stepById(id);
        const control = target.kind === 'button' ? null : locateTarget(scan, target);
        if (control) controls.set(id, control);
      }
      judgeChoices();
      // The certificate form was on screen and is gone: the user moved on (AP-GUIDE Task 2 step 4).
      if (before?.onScreen.includes('c_name') && !where.onScreen.includes('c_name')) moveOn('leave_form');
      return where;
    },

    /** A click on a button-like element with this (normalised) text; true when it was a step's. */
    clicked(label: string): boolean {
      const id = BUTTON_STEPS.get(label);
      if (!id) return false;
      if (id === 'c_generate') {
        memory.generated = true;
        warnings.delete('key_not_downloaded');
      }
      if (id === 'c_send') moveOn('send');
      markDone(id);
      return true;
    },

    /** A field changed; true when it was one of the steps' on screen. A wrong choice leaves its step to do. */
    changed(target: Element): boolean {
      const entry = [...controls].find(([, control]) => control === target || control.contains(target));
      if (!entry) return false;
      const [id] = entry;
      judgeChoices();
      if (id === 'c_purpose' || id === 'c_valid_from') moveOn(id === 'c_purpose' ? 'purpose' : 'valid_from');
      const wrong = (id === 'c_purpose' && warnings.has('offline_purpose')) || (id === 'c_valid_from' && warnings.has('future_valid_from'));
      if (!wrong) markDone(id);
      return true;
    },

    /** The user ticked or unticked a step in the panel. */
    tick(id: StepId, done: boolean): void {
      memory.done = done ? [...new Set([...memory.done, id])] : memory.done.filter((d) => d !== id);
    },
  };
}

export type Tracker = ReturnType<typeof createTracker>;
