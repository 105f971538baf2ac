// The result of the checks made on this computer: what is still missing, each problem with its fix, or "all good".
import { VerdictView } from '@/components/ui';
import { t, type Lang } from '@/lib/i18n';
import { checkPassed, type LocalCheck } from '@/lib/setup';

const NEED_KEY = { certificate: 'options_checks_need_cert', key: 'options_checks_need_key', password: 'options_checks_need_password' } as const;

export function LocalChecks({ lang, check, running }: { lang: Lang; check: LocalCheck | null; running: boolean }) {
  if (!check && !running) return null;
  const good = checkPassed(check);
  const clean = good && check.verdicts.length === 0;
  return (
    <section className="kp-stack" data-testid="local-checks" aria-live="polite" aria-busy={running}>
      <h3 style={{ margin: 0 }}>{t(lang, 'options_checks_title')}</h3>
      {running && <p className="kp-muted">{t(lang, 'options_checks_running')}</p>}
      {check?.need && <div className="kp-alert kp-alert--info">{t(lang, NEED_KEY[check.need])}</div>}
      {check?.verdicts.map((verdict) => <VerdictView key={verdict.code} verdict={verdict} lang={lang} headingLevel={4} />)}
      {good && <div className="kp-alert kp-alert--ok" data-testid="local-ok">{t(lang, clean ? 'options_checks_ok' : 'options_checks_ok_warnings')}</div>}
    </section>
  );
}
