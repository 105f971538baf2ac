// The page title, what the page is for, and the language switch.
import { LanguageSwitch } from '@/components/ui';
import { t, type Lang } from '@/lib/i18n';

export function OptionsHeader({ lang, onLang }: { lang: Lang; onLang: (lang: Lang) => void }) {
  return (
    <header className="kp-options-header kp-apart">
      <div>
        <h1>{t(lang, 'options_title')}</h1>
        <p className="kp-muted" style={{ margin: 0, maxWidth: '46rem' }}>{t(lang, 'options_intro')}</p>
      </div>
      <LanguageSwitch lang={lang} onChange={onLang} />
    </header>
  );
}
