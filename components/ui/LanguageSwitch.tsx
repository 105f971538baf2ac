// Polski / English: each name in its own language, so a reader finds theirs whichever is showing. The same
// switch on every page (options header, popup, inbox header); a press stores the one setting
// (lib/views/ui-language.ts) and every open page follows at once. No catalog: the group's label is in both
// languages, so the popup does not load the pages' strings for it (issue 11 budget).
import './language-switch.css';
import type { Lang } from '@/lib/i18n/lang';

const NAMES: Record<Lang, string> = { pl: 'Polski', en: 'English' };

export function LanguageSwitch({ lang, onChange, compact = false }: { lang: Lang; onChange: (lang: Lang) => void; compact?: boolean }) {
  return (
    <div className={`kp-row kp-lang-switch${compact ? ' kp-lang-switch--compact' : ''}`} role="group" aria-label="Język / Language">
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
