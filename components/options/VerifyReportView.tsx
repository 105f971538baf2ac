// "Weryfikuj certyfikat": each step with its outcome and, where it failed or needs attention, the verdict; a
// passing report keeps its steps folded.
import { VerdictView } from '@/components/ui';
import { warsawDateTime } from '@/lib/core/time';
import { permissionName } from '@/lib/diagnostics/format';
import type { VerifyReport } from '@/lib/diagnostics/verify';
import { t, type Lang } from '@/lib/i18n';
import { SystemWarningsView } from './SystemWarningsView';

const BADGE = { ok: 'ok', failed: 'error', warning: 'warning', skipped: 'muted' } as const;
const MARK = { ok: '✓', failed: '✗', warning: '!', skipped: '–' } as const;

export function VerifyReportView({ lang, report }: { lang: Lang; report: VerifyReport }) {
  const at = warsawDateTime(lang, report.checkedAt);
  const steps = (
    <ol className="kp-stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {report.steps.map((step) => (
        <li key={step.id} className="kp-stack" data-step={step.id} data-status={step.status} style={{ gap: 6 }}>
          <div className="kp-options-step">
            <span className={`kp-badge kp-badge--${BADGE[step.status]}`}>
              <span aria-hidden="true">{MARK[step.status]} </span>
              {t(lang, `diag_status_${step.status}`)}
            </span>
            <span>{t(lang, `diag_step_${step.id}`)}</span>
          </div>
          {step.verdict && <VerdictView verdict={step.verdict} lang={lang} headingLevel={3} />}
        </li>
      ))}
    </ol>
  );
  return (
    <div className="kp-stack" data-testid="verify-report">
      <div className={`kp-alert ${report.ok ? 'kp-alert--ok' : 'kp-alert--error'}`} role="status">
        <strong>{report.ok ? t(lang, 'options_verify_ok') : t(lang, 'options_verify_failed')}</strong>
        <p className="kp-hint">{t(lang, 'options_verify_checked_at', { at: `${at.date} ${at.time}` })}</p>
      </div>
      {report.ok ? (
        // All good: the steps stay one click away, so the page after set-up stays short (issue 16).
        <details>
          <summary>{t(lang, 'options_verify_details')}</summary>
          {steps}
        </details>
      ) : (
        steps
      )}
      {report.warnings && <SystemWarningsView lang={lang} warnings={report.warnings} intro={t(lang, 'options_verify_warnings')} />}
      {report.permissions && (
        <p className="kp-hint">
          {t(lang, 'options_verify_permissions', {
            permissions: report.permissions.permissions.map((p) => permissionName(lang, p)).join(', ') || t(lang, 'diag_perm_none'),
          })}
        </p>
      )}
    </div>
  );
}
