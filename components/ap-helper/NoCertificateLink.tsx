// "Nie masz jeszcze certyfikatu?" on the options page and the popup (issue 13): opens Aplikacja Podatnika of the
// chosen environment, where the helper (entrypoints/ap-helper.content) guides the user through both tasks.
// The simulator stands in for TEST (lib/domain/environments.ts actsAs), so it opens TEST's AP.
import { AP_START_URLS } from '@/lib/ap-helper/hosts';
import { actsAs, type Environment } from '@/lib/domain/environments';
import { t, type Lang, type MessageKey } from '@/lib/i18n/popup';

export interface NoCertificateLinkProps {
  lang: Lang;
  environment: Environment;
}

export function NoCertificateLink({ lang, environment }: NoCertificateLinkProps) {
  const env = actsAs(environment);
  return (
    <p className="kp-no-certificate" data-testid="no-certificate">
      <a href={AP_START_URLS[env]} target="_blank" rel="noopener noreferrer" data-environment={env}>
        {t(lang, 'popup_no_certificate')}
      </a>{' '}
      <span className="kp-muted">{t(lang, 'popup_no_certificate_hint', { env: t(lang, `popup_env_${env}` as MessageKey) })}</span>
    </p>
  );
}
