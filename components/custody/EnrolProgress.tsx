// The enrolment step by step, as the worker writes it (lib/custody/enrol.ts `pendingEnrolment.step`).
import { t, type Lang } from '@/lib/i18n';
import type { EnrolmentStep } from '@/lib/store';

const STEPS = ['prepare', 'send', 'wait', 'check', 'login'] as const;

/** Which of STEPS is in progress for a stored step (none stored yet: the first). */
function currentIndex(step: EnrolmentStep | undefined): number {
  switch (step) {
    case 'key': case 'submitting': return 1;
    case 'submitted': return 2;
    case 'issued': return 3;
    case 'retrieved': return 4;
    case 'switched': return STEPS.length;
    default: return 0;
  }
}

export function EnrolProgress({ lang, step, running }: { lang: Lang; step: EnrolmentStep | undefined; running: boolean }) {
  const current = currentIndex(step);
  return (
    <ol className="kp-custody-steps" aria-label={t(lang, 'options_custody_progress')} data-testid="enrol-progress">
      {STEPS.map((name, i) => {
        const state = i < current ? 'done' : i === current && running ? 'current' : 'todo';
        return (
          <li key={name} data-step={name} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="kp-custody-mark" aria-hidden="true">{state === 'done' ? '✓' : state === 'current' ? '…' : '○'}</span>
            <span>{t(lang, `options_custody_step_${name}`)}</span>
            <span className="kp-visually-hidden"> ({t(lang, `options_custody_state_${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}
