// Where the set-up stands: organisation → certificate → check in KSeF → done, the current step marked for the
// eye (filled, bold) and for screen readers (aria-current="step"), the steps behind it ticked.
import { t, type Lang } from '@/lib/i18n';
import { SETUP_STEPS, type SetupStep } from '@/lib/setup';

export function SetupStepper({ lang, current }: { lang: Lang; current: SetupStep }) {
  const at = SETUP_STEPS.indexOf(current);
  return (
    <ol className="kp-stepper" aria-label={t(lang, 'options_steps_label')} data-testid="stepper">
      {SETUP_STEPS.map((step, i) => {
        const state = i < at || current === 'done' ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li key={step} className={`kp-stepper-step kp-stepper-step--${state}`} data-step={step} aria-current={i === at ? 'step' : undefined}>
            <span className="kp-stepper-num" aria-hidden="true">{state === 'done' ? '✓' : i + 1}</span>
            <span>{t(lang, `options_step_${step}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
