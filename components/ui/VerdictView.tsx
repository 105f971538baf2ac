// One verdict as an alert: what happened (heading), the cause and what to do. React text only: verdicts can
// quote KSeF's words and certificate fields, which are never rendered as HTML.
import type { Verdict } from '@/lib/diagnostics/verdict';
import { t, type Lang } from '@/lib/i18n';

const ALERT_CLASS = { error: 'kp-alert--error', warning: 'kp-alert--warning', info: 'kp-alert--info' } as const;

export function VerdictView({ verdict, lang, headingLevel = 3 }: { verdict: Verdict; lang: Lang; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className={`kp-alert kp-verdict ${ALERT_CLASS[verdict.severity]}`} data-verdict={verdict.code}>
      <Heading>{verdict.title[lang]}</Heading>
      <dl>
        <dt>{t(lang, 'ui_cause')}</dt>
        <dd>{verdict.cause[lang]}</dd>
        <dt>{t(lang, 'ui_fix')}</dt>
        <dd>{verdict.fix[lang]}</dd>
      </dl>
    </div>
  );
}
