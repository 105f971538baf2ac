// Where the profile's key is and why (issue 14), in plain words; "Wygeneruj certyfikat KSeF w przeglądarce" (or
// "Odnów certyfikat" within 30 days of expiry) with its promise that no key file and no password exist; the
// progress step by step; the result; the offer to revoke the KSeF certificate it replaced; "Odnawiaj
// automatycznie". Opened by a certificate notification (options.html?profile=…&view=custody) it scrolls into view.
import { useEffect, useRef } from 'react';
import { warsawDateTime } from '@/lib/core/time';
import { t, tp, type Lang } from '@/lib/i18n';
import type { Request } from '@/lib/messages';
import type { Store } from '@/lib/store';
import { IN_FLIGHT } from '@/lib/custody/steps';
import { EnrolProgress } from './EnrolProgress';
import { LockSetting, type LockSettingProps } from './LockSetting';
import { useCustody } from './useCustody';
import './custody.css';

export interface CustodyPanelProps {
  store: Pick<Store, 'getCredentials' | 'getPendingEnrolment' | 'getProfile'> & LockSettingProps['store'];
  send: (message: Request) => Promise<unknown>;
  profileId: string;
  lang: Lang;
  now?: () => Date;
}

export function CustodyPanel({ store, send, profileId, lang, now = () => new Date() }: CustodyPanelProps) {
  const { view, busy, outcome, enrol, revoke, abandon, setAutoRenew, reload } = useCustody(store, send, profileId, now);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (new URLSearchParams(globalThis.location?.search ?? '').get('view') !== 'custody' || !view) return;
    // The panel may sit in a folded <details> (the options page's settings): unfold it first.
    heading.current?.closest('details')?.setAttribute('open', '');
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [view === null]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!view) return null;

  const { credentials, pending, offer } = view;
  const date = (iso: string | Date) => warsawDateTime(lang, iso).date;
  const running = busy === 'enrol';
  const waiting = !running && pending !== undefined && IN_FLIGHT.has(pending.step);
  const enrolFailed = outcome?.action === 'enrol' && !outcome.ok;
  const failedText = outcome && !outcome.ok ? (lang === 'en' ? outcome.messageEn ?? outcome.message : outcome.message) : undefined;
  const replaced = pending?.step === 'switched' ? pending.replaced : undefined;
  const justSwitched = outcome?.action === 'enrol' && outcome.ok && credentials;

  return (
    <section className="kp-card kp-stack kp-custody" aria-labelledby="kp-custody-title" data-testid="custody-panel" data-custody={credentials?.custody ?? 'none'}>
      <h2 id="kp-custody-title" ref={heading} tabIndex={-1}>{t(lang, 'options_custody_title')}</h2>
      {credentials ? <p className="kp-hint">{t(lang, 'options_custody_valid', { date: date(credentials.certificate.notAfter) })}</p> : <p>{t(lang, 'options_custody_none')}</p>}
      {/* LOCK (SEAMS): which custody the profile has and why, and "Pytaj o hasło" (the switch between 'file' and 'locked'). */}
      {credentials && <LockSetting key={credentials.storedAt} store={store} send={send} lang={lang} profileId={profileId} onChanged={() => void reload()} />}

      {credentials && (
        <div className="kp-stack kp-custody-enrol">
          <h3>{t(lang, 'options_custody_generate_title')}</h3>
          <p>{t(lang, 'options_custody_generate_intro')}</p>
          <p className="kp-custody-promise" data-testid="no-file-no-password"><strong>{t(lang, 'options_custody_no_file')}</strong></p>
          <p className="kp-hint">{t(lang, 'options_custody_keeps_old')}</p>
          {offer && !running && (
            <p className="kp-alert kp-alert--warning" data-testid="renewal-offer">
              {t(lang, 'options_custody_renew_due', { date: date(offer.notAfter), days: tp(lang, 'options_card_days_left', offer.daysLeft) })}
            </p>
          )}
          {(running || waiting || (enrolFailed && pending?.step === 'retrieved')) && (
            <EnrolProgress lang={lang} step={running ? pending?.step === 'switched' || pending?.step === 'failed' ? undefined : pending?.step : pending?.step} running={running || waiting} />
          )}
          {running && <p role="status">{t(lang, 'options_custody_running')}</p>}
          {waiting && !enrolFailed && <p className="kp-alert kp-alert--info">{t(lang, 'options_custody_waiting')}</p>}
          {enrolFailed && (
            <div className="kp-alert kp-alert--error" role="alert" data-testid="enrol-error" data-code={outcome.code}>
              <h4>{t(lang, 'options_custody_failed_title')}</h4>
              <p>{failedText}</p>
            </div>
          )}
          {justSwitched && (
            <p className="kp-alert kp-alert--ok" role="status" data-testid="enrol-done">
              {t(lang, 'options_custody_done', { date: date(credentials.certificate.notAfter) })}
            </p>
          )}
          <div className="kp-row">
            <button type="button" className="kp-button" disabled={busy !== null} onClick={() => void enrol()}>
              {waiting ? t(lang, 'options_custody_retry') : offer ? t(lang, 'options_custody_renew') : t(lang, 'options_custody_generate')}
            </button>
            {waiting && (
              <button type="button" className="kp-button kp-button--secondary" disabled={busy !== null} onClick={() => void abandon()}>
                {t(lang, 'options_custody_abandon')}
              </button>
            )}
          </div>
          {replaced && !replaced.revoked && (
            <div className="kp-alert kp-alert--info kp-stack" data-testid="revoke-offer">
              <p>{t(lang, 'options_custody_revoke_offer', { name: replaced.commonName, serial: replaced.serialNumber, date: date(replaced.notAfter) })}</p>
              <div>
                <button type="button" className="kp-button kp-button--danger" disabled={busy !== null} onClick={() => void revoke(replaced.serialNumber)}>
                  {t(lang, 'options_custody_revoke')}
                </button>
              </div>
              {outcome?.action === 'revoke' && !outcome.ok && <p role="alert" className="kp-field-error">{failedText}</p>}
            </div>
          )}
          {replaced?.revoked && <p className="kp-alert kp-alert--ok" data-testid="revoked">{t(lang, 'options_custody_revoked')}</p>}
          <label className="kp-check">
            <input type="checkbox" checked={view.autoRenew} disabled={busy !== null} onChange={(e) => void setAutoRenew(e.currentTarget.checked)} />
            <span>
              {t(lang, 'options_custody_auto')}
              <br />
              <span className="kp-hint">{t(lang, 'options_custody_auto_hint')}</span>
            </span>
          </label>
        </div>
      )}
    </section>
  );
}
