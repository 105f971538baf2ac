// Polski / English: each name in its own language, so a reader finds theirs whichever is showing.
import { t, type Lang } from '@/lib/i18n';

const NAMES: Record<Lang, string> = { pl: 'Polski', en: 'English' };

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <div className="kp-row" role="group" aria-label={`${t(lang, 'ui_language')} / Language`}>
      {(['pl', 'en'] as const).map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={`kp-button ${code === lang ? '' : 'kp-button--secondary'}`}
          aria-pressed={code === lang}
          onClick={() => onChange(code)}
        >
          {NAMES[code]}
        </button>
      ))}
    </div>
  );
}
