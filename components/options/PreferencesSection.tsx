// Section 4: automatic fetching and notifications, saved on their own ("Zapisz ustawienia").
import { t, type Lang } from '@/lib/i18n';
import type { Environment, Preferences } from '@/lib/store';
import { PreferencesFields } from './PreferencesFields';

export function PreferencesSection(props: {
  lang: Lang;
  preferences: Preferences;
  environment: Environment;
  onChange: (preferences: Preferences) => void;
  hasProfile: boolean;
  canSave: boolean;
  onSave: () => void;
}) {
  const { lang } = props;
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-prefs">
      <h2 id="kp-prefs">{t(lang, 'options_section_prefs')}</h2>
      <PreferencesFields lang={lang} preferences={props.preferences} environment={props.environment} onChange={props.onChange} />
      <div className="kp-row">
        <button type="button" className="kp-button kp-button--secondary" disabled={!props.canSave} onClick={props.onSave}>
          {t(lang, 'options_save_prefs')}
        </button>
        {!props.hasProfile && <span className="kp-hint">{t(lang, 'options_prefs_need_profile')}</span>}
      </div>
    </section>
  );
}
