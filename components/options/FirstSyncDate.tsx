// The first-sync day, asked before the first sync (review B9): the certificate's save starts it, so the day
// sits right above that button, with what it means.
import { useId } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { longDay } from '@/lib/setup';

export function FirstSyncDate({ lang, day, onChange }: { lang: Lang; day: string; onChange: (day: string) => void }) {
  const id = useId();
  const meansId = useId();
  return (
    <fieldset className="kp-stack kp-options-first-sync" data-testid="first-sync">
      <legend className="kp-label">{t(lang, 'options_first_sync_title')}</legend>
      <div className="kp-field">
        <label htmlFor={id}>{t(lang, 'options_pref_first_sync')}</label>
        <input id={id} className="kp-input" style={{ maxWidth: '12rem' }} type="date" value={day} aria-describedby={meansId}
          onChange={(e) => e.currentTarget.value && onChange(e.currentTarget.value)} />
      </div>
      <p id={meansId} style={{ margin: 0 }} aria-live="polite">{t(lang, 'options_first_sync_means', { date: longDay(lang, day) })}</p>
    </fieldset>
  );
}
