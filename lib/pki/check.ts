// checkCertificate: what stands between this certificate and a KSeF login, before any request is made
// (NOTES §4). A pure function of the certificate, the clock and the profile; describeFinding words it.
import { warsawDateTime } from '../core/time';
import { KSEF_ENVIRONMENTS as ENVIRONMENTS } from '../domain/environments';
import { normalizeNip } from '../domain/nip';
import { t, tp, type Lang, type MessageKey, type Params } from '../i18n/worker';
import type { CertificateFinding, CertificateInfo, FindingCode, KsefEnvironment } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A warning this many days before expiry leaves time to generate and install a new certificate. */
export const EXPIRY_WARNING_DAYS = 30;

export interface CheckOptions {
  now: Date;
  /** The organisation (login context) NIP from the profile, in any form normalizeNip accepts. */
  organizationNip?: string;
  environment?: KsefEnvironment;
}

function finding(code: FindingCode, severity: 'error' | 'warning', data: CertificateFinding['data'] = {}) {
  return { code, severity, data } satisfies CertificateFinding;
}

/**
 * Every problem we can see locally, in a fixed order: validity, purpose, environment, identifier.
 * Not checked here, because only KSeF knows: revocation, and whether
 * a PESEL certificate's holder has permissions in the organisation (a PESEL cannot be compared with a NIP
 * locally, so a PESEL identifier gives no NIP finding).
 */
export function checkCertificate(info: CertificateInfo, options: CheckOptions): CertificateFinding[] {
  if (typeof info !== 'object' || info === null || !(info.notBefore instanceof Date) || !(info.notAfter instanceof Date)) {
    throw new TypeError('"info" must be a CertificateInfo from readCertificate');
  }
  const { now, environment } = options ?? ({} as CheckOptions);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"options.now" must be a valid Date');
  if (environment !== undefined && !ENVIRONMENTS.includes(environment)) {
    throw new TypeError('"options.environment" must be test, demo or production');
  }
  let organizationNip: string | null = null;
  if (options.organizationNip !== undefined) {
    organizationNip = typeof options.organizationNip === 'string' ? normalizeNip(options.organizationNip) : null;
    if (organizationNip === null) throw new TypeError('"options.organizationNip" must be a NIP of 10 digits');
  }

  const out: CertificateFinding[] = [];
  const left = info.notAfter.getTime() - now.getTime();
  if (now < info.notBefore) out.push(finding('NOT_YET_VALID', 'error', { from: info.notBefore.toISOString() }));
  else if (left < 0) out.push(finding('EXPIRED', 'error', { to: info.notAfter.toISOString() }));
  else if (left <= EXPIRY_WARNING_DAYS * DAY_MS) {
    // Days started, never 0: on its last day the certificate still "expires in 1 day".
    const daysLeft = Math.max(1, Math.ceil(left / DAY_MS));
    out.push(finding('EXPIRES_SOON', 'warning', { daysLeft, to: info.notAfter.toISOString() }));
  }

  if (info.purpose === 'offline') out.push(finding('OFFLINE_CERTIFICATE', 'error'));

  // NOTES §4.2/§4.3: self-signed only on TEST; KSeF certificates only where they were issued. DEMO's
  // issuer is unknown to us, so a production-issued certificate on DEMO and 'other' issuers (qualified
  // certificates work everywhere) give no finding.
  if (environment && environment !== 'test' && info.selfSigned) {
    out.push(finding('SELF_SIGNED_OUTSIDE_TEST', 'error', { environment }));
  } else if (environment && environment !== 'test' && info.environmentHint === 'test') {
    out.push(finding('ENVIRONMENT_MISMATCH', 'error', { environment, certificateEnvironment: 'test' }));
  } else if (environment === 'test' && info.environmentHint === 'production') {
    out.push(finding('ENVIRONMENT_MISMATCH', 'error', { environment, certificateEnvironment: 'production' }));
  }

  if (info.identifier === null) {
    out.push(finding('NO_IDENTIFIER', 'warning', { fingerprint: info.fingerprintSha256 }));
  } else if (organizationNip && info.identifier.type === 'NIP' && info.identifier.value !== organizationNip) {
    // A warning, not an error: a person (or an accounting office's seal) may hold permissions granted in
    // another organisation's context (NOTES §6), and then the login works.
    out.push(finding('NIP_MISMATCH', 'warning', { certificateNip: info.identifier.value, organizationNip }));
  }
  return out;
}

/** A date as the user reads it, in Polish time: 31.12.2026 (pl) or 2026-12-31 (en). */
const formatDate = (lang: Lang, iso: string) => warsawDateTime(lang, iso);

function environmentName(lang: Lang, env: unknown): string {
  return ENVIRONMENTS.includes(env as KsefEnvironment) ? t(lang, `cert_env_${env as KsefEnvironment}`) : String(env);
}

/** Title and the step that fixes it, in the user's language, from the catalog (keys pki_finding_*). */
export function describeFinding(finding: CertificateFinding, lang: Lang): { title: string; fix: string } {
  if (typeof finding !== 'object' || finding === null || typeof finding.code !== 'string') {
    throw new TypeError('"finding" must be a CertificateFinding');
  }
  const d = finding.data ?? {};
  const params: Params = { ...d };
  if (typeof d.from === 'string') ({ date: params.from, time: params.fromTime } = formatDate(lang, d.from));
  if (typeof d.to === 'string') params.to = formatDate(lang, d.to).date;
  if (typeof d.daysLeft === 'number') params.days = tp(lang, 'days_left', d.daysLeft);
  if ('environment' in d) params.environment = environmentName(lang, d.environment);
  if ('certificateEnvironment' in d) params.certificateEnvironment = environmentName(lang, d.certificateEnvironment);
  return {
    title: t(lang, `pki_finding_${finding.code}_title` as MessageKey, params),
    fix: t(lang, `pki_finding_${finding.code}_fix` as MessageKey, params),
  };
}
