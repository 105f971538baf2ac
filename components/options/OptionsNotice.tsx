// The outcome of the last action, above the form. It takes focus when it changes (the App asks), so an
// outcome far above the clicked button is brought into view and read out.
import { forwardRef } from 'react';
import { VerdictView } from '@/components/ui';
import type { Verdict } from '@/lib/diagnostics/verdict';
import type { Lang } from '@/lib/i18n';

export type Notice = { kind: 'ok' | 'info'; text: string } | { kind: 'verdict'; verdict: Verdict };

export const OptionsNotice = forwardRef<HTMLDivElement, { lang: Lang; notice: Notice | null }>(function OptionsNotice({ lang, notice }, ref) {
  return (
    <div aria-live="polite" data-testid="notice" className="kp-options-notice" ref={ref} tabIndex={-1}>
      {notice?.kind === 'verdict' && <VerdictView verdict={notice.verdict} lang={lang} />}
      {notice && notice.kind !== 'verdict' && <div className={`kp-alert kp-alert--${notice.kind}`} role="status">{notice.text}</div>}
    </div>
  );
});
