// The popup's renewal offer (issue 14 point 2): from 30 days before the certificate expires, "Odnów certyfikat"
// in one click, the same enrolment as the options page's (a new certificate made in the browser).
import { warsawDateTime } from '@/lib/core/time';
import { t, tp, type Lang } from '@/lib/i18n/popup';
import type { Request } from '@/lib/messages';
import type { Store } from '@/lib/store';
import { useCustody } from './useCustody';

export interface RenewalOfferProps {
  store: Pick<Store, 'getCredentials' | 'getPendingEnrolment' | 'getProfile'>;
  send: (message: Request) => Promise<unknown>;
  profileId: string;
  lang: Lang;
}

export function RenewalOffer({ store, send, profileId, lang }: RenewalOfferProps) {
  const { view, busy, outcome, enrol } = useCustody(store, send, profileId);
  const renewed = outcome?.action === 'enrol' && outcome.ok;
  const failed = outcome?.action === 'enrol' && !outcome.ok;
  if (!view?.offer && !busy && !renewed && !failed) return null;
  return (
    <div className={`kp-alert kp-alert--${renewed ? 'ok' : failed ? 'error' : 'warning'} kp-popup-renewal`} data-testid="popup-renewal">
      {view?.offer && !renewed && (
        <p>{t(lang, 'popup_renew_due', { date: warsawDateTime(lang, view.offer.notAfter).date, days: tp(lang, 'popup_days_left', view.offer.daysLeft) })}</p>
      )}
      {renewed && <p role="status">{t(lang, 'popup_renewed')}</p>}
      {failed && <p role="alert">{lang === 'en' ? outcome.messageEn ?? outcome.message : outcome.message}</p>}
      {!renewed && (
        <button type="button" className="kp-button" disabled={busy !== null} onClick={() => void enrol()}>
          {busy === 'enrol' ? t(lang, 'popup_renewing') : t(lang, 'popup_renew')}
        </button>
      )}
    </div>
  );
}
