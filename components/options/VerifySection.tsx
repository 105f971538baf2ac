// Section 3: log in to KSeF with the saved certificate and show what it may do; KSeF's own warnings meanwhile.
import type { LoggedSystemWarning } from '@/lib/diagnostics/system-warnings';
import type { VerifyReport } from '@/lib/diagnostics/verify';
import { t, type Lang } from '@/lib/i18n';
import { SystemWarningsView } from './SystemWarningsView';
import { VerifyReportView } from './VerifyReportView';

export function VerifySection(props: {
  lang: Lang;
  hasCertificate: boolean;
  running: boolean;
  disabled: boolean;
  report: VerifyReport | null;
  warnings: LoggedSystemWarning[];
  onVerify: () => void;
  /** The activity log of this organisation (options.html?profile=<id>&view=log): every attempt is there. */
  logUrl?: string;
  /** The step's intro instead of the general one (set-up: "Certyfikat zapisany. Sprawdź teraz…"). */
  intro?: string;
}) {
  const { lang, report } = props;
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-verify" aria-busy={props.running}>
      <h2 id="kp-verify">{t(lang, 'options_step_verify')}</h2>
      <p style={{ margin: 0 }}>{props.intro ?? t(lang, 'options_verify_intro')}</p>
      <div className="kp-row">
        <button type="button" className="kp-button" disabled={props.disabled} onClick={props.onVerify}>
          {t(lang, 'options_verify')}
        </button>
        {!props.hasCertificate && <span className="kp-hint">{t(lang, 'options_verify_need_cert')}</span>}
        {props.running && <span role="status">{t(lang, 'options_verify_running')}</span>}
      </div>
      {report && <VerifyReportView lang={lang} report={report} />}
      {report && !report.ok && props.logUrl && (
        <p className="kp-hint" style={{ margin: 0 }}>
          {t(lang, 'options_verify_log_hint')} <a href={props.logUrl}>{t(lang, 'options_log_link')}</a>
        </p>
      )}
      {!report?.warnings && <SystemWarningsView lang={lang} warnings={props.warnings} intro={t(lang, 'options_warnings_intro')} />}
    </section>
  );
}
