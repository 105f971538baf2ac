// The small page the unlock notification opens (issue 14 point 3): the organisation, one password field,
// "Odblokuj". The password goes to lib/custody in this page and nowhere else; it is not kept in any state after
// the attempt. Renders only; lib/custody/locked-unlock.ts does the work.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { LanguageSwitch } from '@/components/ui/LanguageSwitch';
import { failureText } from '@/lib/custody/locked-view';
import type { UnlockDeps } from '@/lib/custody/locked-unlock';
import { t, type Lang } from '@/lib/i18n';
import { useUnlock } from './useUnlock';

export interface UnlockPageProps extends UnlockDeps {
  lang: Lang;
  onLang: (lang: Lang) => void;
  profileId: string | null;
}

export function UnlockPage({ lang, onLang, profileId, ...deps }: UnlockPageProps) {
  const { view, phase, failure, unlock } = useUnlock(deps, profileId);
  const [password, setPassword] = useState('');
  const passwordId = useId();
  const hintId = useId();

  useEffect(() => {
    document.title = t(lang, 'unlock_title');
  }, [lang]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = password;
    setPassword(''); // not kept on screen or in state after the attempt
    await unlock(typed);
  }

  const header = (
    <header className="kp-unlock-header kp-apart">
      <h1>{t(lang, 'unlock_title')}</h1>
      <LanguageSwitch lang={lang} onChange={onLang} compact />
    </header>
  );
  if (view === undefined) return <main className="kp-unlock" data-ready={false} aria-busy="true">{header}</main>;
  if (view === null || view.custody !== 'locked') {
    const key = view === null ? 'unlock_no_profile' : view.custody === undefined ? 'unlock_no_certificate' : 'unlock_not_locked';
    return (
      <main className="kp-unlock" data-ready>
        {header}
        <section className="kp-card kp-stack">
          <p className="kp-alert kp-alert--info" role="status">{t(lang, key)}</p>
          <p><a href={`options.html${view ? `?profile=${encodeURIComponent(view.profileId)}` : ''}`}>{t(lang, 'unlock_open_settings')}</a></p>
        </section>
      </main>
    );
  }

  const code = (failure as { code?: string } | null)?.code;
  return (
    <main className="kp-unlock" data-ready>
      {header}
      <section className="kp-card kp-stack" aria-labelledby="kp-unlock-org">
        <div>
          <h2 id="kp-unlock-org" className="kp-unlock-org">{view.name}</h2>
          <p className="kp-muted">{t(lang, 'unlock_nip', { nip: view.nip })}</p>
        </div>
        {phase === 'done' ? (
          <p className="kp-alert kp-alert--ok" role="status" data-testid="unlock-done">{t(lang, 'unlock_done')}</p>
        ) : (
          <>
            <p>{t(lang, view.waiting ? 'unlock_waiting' : 'unlock_not_waiting')}</p>
            <form className="kp-stack" onSubmit={(e) => void submit(e)}>
              <div className="kp-field">
                <label className="kp-label" htmlFor={passwordId}>{t(lang, 'unlock_password')}</label>
                <input id={passwordId} className="kp-input" type="password" autoComplete="off" value={password}
                  aria-describedby={hintId} aria-invalid={code === 'WRONG_PASSWORD' ? true : undefined}
                  onChange={(e) => setPassword(e.currentTarget.value)} />
                <span id={hintId} className="kp-hint">{t(lang, 'unlock_password_hint')}</span>
              </div>
              <div className="kp-row">
                <button type="submit" className="kp-button" disabled={phase === 'working' || password === ''}>
                  {phase === 'working' ? t(lang, 'unlock_working') : t(lang, 'unlock_button')}
                </button>
              </div>
            </form>
          </>
        )}
        {failure ? (
          <p className="kp-alert kp-alert--error" role="alert" data-code={code ?? 'UNEXPECTED'}>{failureText(failure, lang)}</p>
        ) : null}
        {view.manyWrong && phase !== 'done' ? (
          <p className="kp-alert kp-alert--warning" data-testid="unlock-many-wrong">
            {t(lang, 'unlock_many_wrong')}{' '}
            <a href={`options.html?profile=${encodeURIComponent(view.profileId)}`}>{t(lang, 'unlock_open_settings')}</a>
          </p>
        ) : null}
      </section>
    </main>
  );
}
