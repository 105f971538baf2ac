// Automatic fetching, its interval (within KSeF's limits), subject types, first-sync date, notifications.
import { useId } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { intervalAllowed, MAX_INTERVAL_MINUTES, minIntervalMinutes } from '@/lib/domain/limits';
import { SUBJECT_TYPES, type Environment, type Preferences } from '@/lib/store';

// Purchase invoices first: they are always fetched, and what users came for.
const SHOWN_ORDER = ['Subject2', ...SUBJECT_TYPES.filter((type) => type !== 'Subject2')] as const;

export function PreferencesFields(props: {
  lang: Lang;
  preferences: Preferences;
  environment: Environment;
  onChange: (p: Preferences) => void;
  /** Once the first sync ran the day no longer applies; "Pobierz starsze faktury" reaches back instead. */
  showFirstSync?: boolean;
}) {
  const { lang, preferences: p, onChange } = props;
  const ids = { interval: useId(), intervalMsg: useId(), from: useId(), fromMsg: useId(), subjects: useId() };
  const min = minIntervalMinutes(props.environment);
  const bad = !intervalAllowed(p.intervalMinutes, props.environment);
  return (
    <div className="kp-stack">
      <label className="kp-check">
        <input type="checkbox" checked={p.autoSync} onChange={(e) => onChange({ ...p, autoSync: e.currentTarget.checked })} />
        <span>{t(lang, 'options_pref_auto')}</span>
      </label>
      <div className="kp-field">
        <label htmlFor={ids.interval}>{t(lang, 'options_pref_interval')}</label>
        <input id={ids.interval} className="kp-input" style={{ maxWidth: '8rem' }} type="number" min={min} max={MAX_INTERVAL_MINUTES} step={1}
          value={Number.isFinite(p.intervalMinutes) ? p.intervalMinutes : ''} aria-invalid={bad} aria-describedby={ids.intervalMsg}
          onChange={(e) => onChange({ ...p, intervalMinutes: e.currentTarget.valueAsNumber })} />
        <span id={ids.intervalMsg} className={bad ? 'kp-field-error' : 'kp-hint'}>
          {bad ? t(lang, 'options_pref_interval_invalid', { min }) : t(lang, 'options_pref_interval_hint', { min })}
        </span>
      </div>
      <fieldset className="kp-stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="kp-label" style={{ marginBottom: 6 }}>{t(lang, 'options_pref_subjects')}</legend>
        {SHOWN_ORDER.map((type) => (
          <label key={type} className="kp-check">
            <input type="checkbox" checked={p.subjectTypes.includes(type)} disabled={type === 'Subject2'}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange({ ...p, subjectTypes: SUBJECT_TYPES.filter((s) => (s === type ? on : p.subjectTypes.includes(s))) });
              }} />
            <span>{t(lang, `options_pref_subject_${type}`)}</span>
          </label>
        ))}
      </fieldset>
      {props.showFirstSync !== false && <div className="kp-field">
        <label htmlFor={ids.from}>{t(lang, 'options_pref_first_sync')}</label>
        <input id={ids.from} className="kp-input" style={{ maxWidth: '12rem' }} type="date" value={p.firstSyncFrom} aria-describedby={ids.fromMsg}
          onChange={(e) => e.currentTarget.value && onChange({ ...p, firstSyncFrom: e.currentTarget.value })} />
        <span id={ids.fromMsg} className="kp-hint">{t(lang, 'options_pref_first_sync_hint')}</span>
      </div>}
      <label className="kp-check">
        <input type="checkbox" checked={p.notifications} onChange={(e) => onChange({ ...p, notifications: e.currentTarget.checked })} />
        <span>{t(lang, 'options_pref_notifications')}</span>
      </label>
    </div>
  );
}
