// Any failure → a verdict a bookkeeper can act on. Branches on `name`/`code`, never on instanceof (errors
// lose their prototype across messaging, STYLE 9), and words messages from the fields, not from methods.
import { authErrorMessage, isAuthError, type AuthError } from '../auth/errors';
import { t, type Lang } from '../i18n/worker';
import { isKsefError, type KsefError } from '../ksef/errors';
import { isPkiError, pkiErrorMessage, type PkiError } from '../pki/errors';
import { isXadesError, xadesErrorMessage } from '../xades/errors';
import { checkContext, type DiagnosisContext } from './context';
import { environmentName, identityText, permissionList, warsawDateTime } from './format';
import { catalogVerdict, composedVerdict, type Verdict } from './verdict';

const REFUSED_CERTIFICATE = ['CERTIFICATE_EXPIRED', 'CERTIFICATE_REVOKED', 'CERTIFICATE_SUSPENDED', 'CERTIFICATE_UNTRUSTED', 'CERTIFICATE_INVALID'];

function pkiVerdict(error: PkiError): Verdict {
  const data = { ...error.data };
  if (error.code === 'WRONG_PASSWORD') return catalogVerdict('WRONG_PASSWORD', 'error', data);
  if (error.code === 'KEY_CERT_MISMATCH') return catalogVerdict('KEY_MISMATCH', 'error', data);
  if (error.code === 'NOT_A_CERTIFICATE' && data.swapped) return catalogVerdict('FILES_SWAPPED', 'error', data);
  return composedVerdict(`PKI_${error.code}`, 'error', data, {
    title: (lang) => t(lang, 'diag_PKI_title'),
    cause: (lang) => pkiErrorMessage(lang, error.code, error.data),
    fix: (lang) => t(lang, 'diag_PKI_fix'),
  });
}

function noPermissions(ctx: DiagnosisContext, data: Record<string, string | number>): Verdict {
  const organizationNip = ctx.organizationNip ?? String(data.nip ?? '');
  return catalogVerdict('NO_PERMISSIONS', 'error', { ...data, organizationNip }, (lang) => ({
    organizationNip,
    who: identityText(lang, ctx.identifier, ctx.fingerprint),
  }));
}

function notYetValid(ctx: DiagnosisContext, fallbackDate: string): Verdict {
  const from = ctx.notBefore?.toISOString() ?? fallbackDate;
  return catalogVerdict('NOT_YET_VALID', 'error', { from }, (lang) => {
    if (!from) return { date: '?', time: '00:00' };
    return warsawDateTime(lang, from);
  });
}

function authVerdict(error: AuthError, ctx: DiagnosisContext): Verdict {
  const data = { ...error.data, ...(error.ksefStatus ? { ksefStatus: error.ksefStatus } : {}) };
  if (error.code === 'NO_PERMISSIONS') return noPermissions(ctx, data);
  if (error.code === 'CERTIFICATE_NOT_ACCEPTED') {
    return catalogVerdict('OTHER_ENVIRONMENT', 'error', { ...data, environment: ctx.environment ?? '' }, (lang) => ({
      environment: environmentName(lang, ctx.environment),
    }));
  }
  if (error.code === 'CERTIFICATE_NOT_YET_VALID') return notYetValid(ctx, String(error.data.date ?? ''));
  if (REFUSED_CERTIFICATE.includes(error.code)) {
    const reason = String(error.data.detail ?? error.data.description ?? '');
    return composedVerdict('CERTIFICATE_REFUSED', 'error', { ...data, reason }, {
      title: (lang) => t(lang, 'diag_CERTIFICATE_REFUSED_title'),
      cause: (lang) => t(lang, 'diag_CERTIFICATE_REFUSED_cause', { reason: reason || '—', status: error.ksefStatus ?? 460 }),
      fix: (lang) => authErrorMessage(lang, error.code, error.data),
    });
  }
  return composedVerdict(`LOGIN_${error.code}`, 'error', data, {
    title: (lang) => t(lang, 'diag_LOGIN_FAILED_title'),
    cause: (lang) => authErrorMessage(lang, error.code, error.data),
    fix: (lang) => t(lang, 'diag_LOGIN_FAILED_fix'),
  });
}

function ksefVerdict(error: KsefError, ctx: DiagnosisContext): Verdict {
  if (error.code === 'NETWORK' || error.code === 'TIMEOUT') {
    return catalogVerdict('KSEF_UNREACHABLE', 'error', { reason: error.code });
  }
  if (error.code === 'RATE_LIMITED') {
    const retryAt = typeof error.retryAt === 'number' ? error.retryAt : undefined;
    return catalogVerdict('RATE_LIMITED', 'warning', retryAt ? { retryAt: new Date(retryAt).toISOString() } : {}, (lang) => {
      if (!retryAt) return { until: t(lang, 'diag_in_a_few_minutes') };
      const { date, time } = warsawDateTime(lang, retryAt);
      return { until: `${date} ${time}` };
    });
  }
  const required = [...(error.requiredAnyOfPermissions ?? [])];
  if (error.status === 403 && (error.reasonCode === 'missing-permissions' || required.length > 0)) {
    const present = [...(error.presentPermissions ?? [])];
    return catalogVerdict('MISSING_PERMISSIONS', 'error', { required, present, organizationNip: ctx.organizationNip ?? '' }, (lang) => ({
      required: permissionList(lang, required),
      present: permissionList(lang, present),
      organizationNip: ctx.organizationNip ?? '',
      who: identityText(lang, ctx.identifier, ctx.fingerprint),
    }));
  }
  if (error.status === 400 && (error.exceptionCodes ?? []).includes(21115)) {
    return catalogVerdict('OTHER_ENVIRONMENT', 'error', { environment: ctx.environment ?? '' }, (lang) => ({
      environment: environmentName(lang, ctx.environment),
    }));
  }
  const data = { status: error.status ?? 0, operation: error.operation ?? '' };
  return composedVerdict('KSEF_ERROR', 'error', data, {
    title: (lang) => t(lang, 'diag_KSEF_ERROR_title'),
    cause: (lang) => (lang === 'en' ? error.messageEn : error.message) ?? '',
    fix: (lang) => t(lang, 'diag_KSEF_ERROR_fix'),
  });
}

/** A message-boundary error ({ code, message, messageEn }) or anything unknown. */
function otherVerdict(error: unknown): Verdict {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; messageEn?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'UNEXPECTED';
  const pl = typeof e.message === 'string' && typeof e.messageEn === 'string' ? e.message : t('pl', 'msg_error_UNEXPECTED');
  const en = typeof e.messageEn === 'string' ? e.messageEn : t('en', 'msg_error_UNEXPECTED');
  return composedVerdict(code === 'UNEXPECTED' ? code : `OTHER_${code}`, 'error', {}, {
    title: (lang) => t(lang, 'diag_UNEXPECTED_title'),
    cause: (lang: Lang) => (lang === 'en' ? en : pl),
    fix: (lang) => t(lang, 'diag_UNEXPECTED_fix'),
  });
}

/** What went wrong, why, and what to do, for any failure the extension meets. */
export function diagnose(error: unknown, context?: DiagnosisContext): Verdict {
  const ctx = checkContext(context);
  if (isPkiError(error)) return pkiVerdict(error);
  if (isAuthError(error)) return authVerdict(error, ctx);
  if (isKsefError(error)) return ksefVerdict(error, ctx);
  if (isXadesError(error)) {
    return composedVerdict('SIGNATURE_FAILED', 'error', { reason: error.reason, ksefCode: error.code }, {
      title: (lang) => t(lang, 'diag_SIGNATURE_FAILED_title'),
      cause: (lang) => xadesErrorMessage(lang, error.code, error.reason, error.data),
      fix: (lang) => t(lang, 'diag_SIGNATURE_FAILED_fix'),
    });
  }
  return otherVerdict(error);
}
