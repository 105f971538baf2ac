// Whose certificate it is and what it is good for, as soon as it is chosen (or as it was saved).
// Certificate fields are untrusted text: rendered as React text only.
import { warsawDateTime } from '@/lib/core/time';
import { t, tp, type Lang } from '@/lib/i18n';
import type { CertificateInfo } from '@/lib/pki';

const DAY_MS = 86_400_000;

/** The fields the card shows; a stored certificate has ISO dates instead of Date objects. */
export type CardCertificate = Omit<CertificateInfo, 'der' | 'notBefore' | 'notAfter'> & { notBefore: Date | string; notAfter: Date | string };

/** Bidi controls in a certificate field could make a name or NIP display in a misleading order (RELIABILITY §3.4). */
function plain(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

function holder(info: CardCertificate): string {
  const s = info.subject;
  const person = [s.givenName, s.surname].filter(Boolean).join(' ');
  return s.commonName || person || s.organizationName || info.subjectDn;
}

/** The issuer's CN (RFC 4514, most specific first), or the whole DN. */
function issuerName(dn: string): string {
  const match = /(?:^|,)CN=((?:\\.|[^,\\])*)/.exec(dn);
  return match?.[1]?.replace(/\\(.)/g, '$1') ?? dn;
}

function validity(lang: Lang, info: CardCertificate, now: Date): { text: string; badge?: { kind: 'error' | 'warning' | 'ok'; text: string } } {
  const from = new Date(info.notBefore);
  const to = new Date(info.notAfter);
  const text = t(lang, 'options_card_valid_range', { from: warsawDateTime(lang, from).date, to: warsawDateTime(lang, to).date });
  if (now < from) return { text, badge: { kind: 'error', text: t(lang, 'options_card_not_yet') } };
  if (now > to) return { text, badge: { kind: 'error', text: t(lang, 'options_card_expired') } };
  const days = Math.max(1, Math.ceil((to.getTime() - now.getTime()) / DAY_MS));
  return { text, badge: { kind: days <= 30 ? 'warning' : 'ok', text: tp(lang, 'options_card_days_left', days) } };
}

function environmentText(lang: Lang, info: CardCertificate): string {
  if (info.selfSigned) return t(lang, 'options_card_env_self');
  return t(lang, `options_card_env_${info.environmentHint}`);
}

export function CertificateCard({ lang, info, title, now }: { lang: Lang; info: CardCertificate; title: string; now: Date }) {
  const valid = validity(lang, info, now);
  const fingerprint = info.fingerprintSha256.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <section className="kp-card" data-testid="certificate-card" aria-label={title}>
      <h3>{title}</h3>
      <dl className="kp-facts">
        <dt>{t(lang, 'options_card_owner')}</dt>
        <dd>{plain(holder(info))}</dd>
        <dt>{t(lang, 'options_card_identifier')}</dt>
        <dd>{info.identifier ? `${info.identifier.type} ${info.identifier.value}` : t(lang, 'options_card_no_identifier')}</dd>
        <dt>{t(lang, 'options_card_type')}</dt>
        <dd>{t(lang, `options_card_type_${info.purpose}`)}</dd>
        <dt>{t(lang, 'options_card_valid')}</dt>
        <dd>
          {valid.text}{' '}
          {valid.badge && <span className={`kp-badge kp-badge--${valid.badge.kind}`}>{valid.badge.text}</span>}
        </dd>
        <dt>{t(lang, 'options_card_issuer')}</dt>
        <dd>{plain(issuerName(info.issuer))}</dd>
        <dt>{t(lang, 'options_card_env')}</dt>
        <dd>{environmentText(lang, info)}</dd>
        <dt>{t(lang, 'options_card_key')}</dt>
        <dd>{info.keyAlgorithm}</dd>
        <dt>{t(lang, 'options_card_fingerprint')}</dt>
        <dd className="kp-mono">{fingerprint}</dd>
      </dl>
    </section>
  );
}
