// "Pytaj o hasło" per organisation (issue 14 point 3), rendered by CustodyPanel: which custody the profile has
// and why, and the switch between 'file' and 'locked'. To lock, the user chooses the key file again and types its
// password (the extension keeps no key file after set-up, so this is the minimum that works); to go back, the
// password alone. A key made in the browser has no file and no password: it says so and offers nothing.
// Props: <LockSetting store={store} send={send} lang={lang} profileId={id} onChanged={reload} />.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { CustodyStore } from '@/lib/custody/locked-custody';
import { custodyView, failureText, unlockPageUrl, type CustodyView } from '@/lib/custody/locked-view';
import { t, type Lang } from '@/lib/i18n';
import { notifyProfileSaved, type Send } from '@/lib/setup/requests';
import type { Store } from '@/lib/store';

export interface LockSettingProps {
  store: CustodyStore & Pick<Store, 'getProfile'>;
  send: Send;
  lang: Lang;
  profileId: string;
  /** After a switch (the panel may re-read the credentials). */
  onChanged?: () => void;
}

export function LockSetting({ store, send, lang, profileId, onChanged }: LockSettingProps) {
  const [view, setView] = useState<CustodyView | undefined>(undefined);
  const [keyFile, setKeyFile] = useState<{ name: string; bytes: Uint8Array } | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string } | null>(null);
  const ids = useId();

  const reload = useCallback(async () => setView(await custodyView(store, profileId)), [store, profileId]);
  useEffect(() => {
    setOutcome(null);
    void reload();
  }, [reload]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!view) return;
    const typed = password;
    setPassword(''); // the password is not kept after the attempt
    setBusy(true);
    try {
      // On demand: reading a key file needs lib/pki (pkijs), which the options page loads only when used (issue 11).
      const { lockProfile, unlockToFileCustody } = await import('@/lib/custody/locked-custody');
      if (view.custody === 'locked') await unlockToFileCustody(store, profileId, typed);
      else await lockProfile(store, profileId, keyFile?.bytes, typed);
      keyFile?.bytes.fill(0);
      setKeyFile(undefined);
      // The worker forgets the session it built with the old custody (the tokens stay: same certificate).
      await notifyProfileSaved(send, profileId);
      setOutcome({ ok: true, text: t(lang, view.custody === 'locked' ? 'lock_done_file' : 'lock_done_locked') });
      onChanged?.();
    } catch (error) {
      setOutcome({ ok: false, text: failureText(error, lang), code: (error as { code?: string })?.code });
    } finally {
      setBusy(false);
      await reload();
    }
  }

  if (!view?.custody) return null;
  const custody = view.custody;
  return (
    <section className="kp-stack kp-lock-setting" aria-labelledby={`${ids}-title`} data-testid="lock-setting" data-custody={custody}>
      <h3 id={`${ids}-title`} style={{ margin: 0 }}>{t(lang, 'lock_title')}</h3>
      <p data-testid="custody-text" style={{ margin: 0 }}><strong>{t(lang, `lock_custody_${custody}`)}</strong> {t(lang, `lock_why_${custody}`)}</p>
      {view.waiting ? (
        <p className="kp-alert kp-alert--warning">
          {t(lang, 'lock_waiting')} <a href={unlockPageUrl(profileId)}>{t(lang, 'lock_unlock_now')}</a>
        </p>
      ) : null}
      {custody === 'browser' ? null : (
        <form className="kp-stack" onSubmit={(e) => void submit(e)}>
          <p className="kp-hint" style={{ margin: 0 }}>{t(lang, custody === 'locked' ? 'lock_off_hint' : 'lock_on_hint')}</p>
          {custody === 'file' ? (
            // The native control's own words follow the browser's language, so it is hidden (still focusable)
            // behind a label in the page's language, as in the certificate pickers (components/options).
            <div className="kp-field kp-file">
              <span id={`${ids}-file-label`} className="kp-label">{t(lang, 'lock_key_file')}</span>
              <input id={`${ids}-file`} type="file" accept=".key,.pem,.der,.p12,.pfx" className="kp-visually-hidden"
                aria-labelledby={`${ids}-file-label`} aria-describedby={`${ids}-file-status`}
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) setKeyFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
                }} />
              <label htmlFor={`${ids}-file`} className="kp-button kp-button--secondary" aria-hidden="true">{t(lang, 'options_choose_file')}</label>
              <span id={`${ids}-file-status`} className="kp-hint kp-mono-name" aria-live="polite">
                {keyFile ? t(lang, 'options_file_chosen', { name: keyFile.name }) : t(lang, 'options_file_none')}
              </span>
            </div>
          ) : null}
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${ids}-password`}>{t(lang, 'lock_password')}</label>
            <input id={`${ids}-password`} className="kp-input" type="password" autoComplete="off" value={password}
              onChange={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <div className="kp-row">
            <button type="submit" className="kp-button" disabled={busy || password === '' || (custody === 'file' && !keyFile)}>
              {t(lang, custody === 'locked' ? 'lock_turn_off' : 'lock_turn_on')}
            </button>
          </div>
        </form>
      )}
      {outcome ? (
        <p className={`kp-alert kp-alert--${outcome.ok ? 'ok' : 'error'}`} role={outcome.ok ? 'status' : 'alert'} data-code={outcome.code}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
