// KSeF's X-System-Warning notices, each in plain words with KSeF's code (lib/diagnostics systemWarningVerdict)
// and, when it came from the log, when it was last seen. Shown on the options page and in the verify report.
import { VerdictView } from '@/components/ui';
import { warsawDateTime } from '@/lib/core/time';
import type { LoggedSystemWarning } from '@/lib/diagnostics/system-warnings';
import { systemWarningVerdict } from '@/lib/diagnostics/warning-verdict';
import type { SystemWarning } from '@/lib/ksef';
import { t, type Lang } from '@/lib/i18n';

export function SystemWarningsView({ lang, warnings, intro }: { lang: Lang; warnings: readonly (SystemWarning | LoggedSystemWarning)[]; intro: string }) {
  if (warnings.length === 0) return null;
  return (
    <section className="kp-stack" data-testid="system-warnings" style={{ gap: 8 }}>
      <h3 style={{ margin: 0 }}>{t(lang, 'options_warnings_title')}</h3>
      <p className="kp-hint" style={{ margin: 0 }}>{intro}</p>
      {warnings.map((w) => {
        const seen = 'at' in w ? warsawDateTime(lang, w.at) : null;
        return (
          <div key={`${w.code ?? ''}|${w.message}`} className="kp-stack" data-warning-code={w.code ?? ''} style={{ gap: 4 }}>
            <VerdictView verdict={systemWarningVerdict(w)} lang={lang} headingLevel={4} />
            {seen && <p className="kp-hint" style={{ margin: 0 }}>{t(lang, 'options_warnings_seen', seen)}</p>}
          </div>
        );
      })}
    </section>
  );
}
