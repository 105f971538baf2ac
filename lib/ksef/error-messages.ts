// User-facing messages of KsefError (catalog prefix `ksef_`). The exception codes below are the ones a user
// of this extension can actually meet (NOTES §3.6, §7, §8.3, §10); any other code falls back to a message
// quoting KSeF's own (Polish) description.
import { t, type Lang, type MessageKey, type Params } from '../i18n/worker';
import type { KsefErrorCode, KsefException } from './errors';

export const EXCEPTION_CODES_WITH_MESSAGES: readonly number[] = [
  9101, 9105, 21111, 21115, 21117, 21155, 21164, 21165, 21173, 21180, 21183, 21301, 21304, 21308, 21401, 21402,
  21403, 21405, 21406, 21418, 21470,
  // Certificate enrolment and revocation (NOTES §4.3), met when making a KSeF certificate in the browser.
  25001, 25002, 25003, 25006, 25007, 25009,
];

/** `reasonCode`s of a 403 [OA#ForbiddenProblemDetails]; catalog keys use `_` for `-`. */
export const FORBIDDEN_REASONS: readonly string[] = [
  'missing-permissions',
  'ip-not-allowed',
  'insufficient-resource-access',
  'auth-method-not-allowed',
  'security-service-blocked',
  'context-type-not-allowed',
];

export interface MessageFacts {
  code: KsefErrorCode;
  status?: number;
  exceptions?: KsefException[];
  reasonCode?: string;
  requiredAnyOfPermissions?: string[];
  retryAfter?: number;
  details?: string[];
  limitBytes?: number;
}

/** "16 MB" / "256 KB": a size as a user reads it (binary units, as the caps are set). */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The catalog key and parameters that describe an error; exported for the tests and the diagnostics page. */
const sentence = (text: string) => text.trim().replace(/\.+$/, '');

/** What KSeF said about one exception: the detail is specific, the description often generic (21405). */
function said(e: KsefException, withDescription: boolean): string {
  const detail = e.details.find((d) => d.trim());
  if (!detail) return sentence(e.description);
  return withDescription && e.description ? `${sentence(e.description)}: ${sentence(detail)}` : sentence(detail);
}

export function ksefMessageKey(facts: MessageFacts): { key: string; params: Params } {
  const first = facts.exceptions?.[0];
  if (facts.code === 'RATE_LIMITED') {
    const seconds = Math.max(1, Math.ceil(facts.retryAfter ?? 60));
    if (seconds < 60) return { key: 'ksef_error_RATE_LIMITED_SECONDS', params: { seconds } };
    return { key: 'ksef_error_RATE_LIMITED', params: { minutes: Math.ceil(seconds / 60) } };
  }
  if (facts.code === 'RESPONSE_TOO_LARGE') {
    return { key: 'ksef_error_RESPONSE_TOO_LARGE', params: { limit: sizeText(facts.limitBytes ?? 0) } };
  }
  if (facts.code !== 'HTTP') return { key: `ksef_error_${facts.code}`, params: {} };
  const known = facts.exceptions?.find((e) => EXCEPTION_CODES_WITH_MESSAGES.includes(e.code));
  if (known) return { key: `ksef_exception_${known.code}`, params: { code: known.code, description: said(known, false) } };
  const status = facts.status ?? 0;
  if (status === 403) {
    const permissions = (facts.requiredAnyOfPermissions ?? []).join(', ');
    if (facts.reasonCode && FORBIDDEN_REASONS.includes(facts.reasonCode)) {
      return { key: `ksef_forbidden_${facts.reasonCode.replace(/-/g, '_')}`, params: { permissions } };
    }
    return { key: 'ksef_error_HTTP_403', params: { permissions } };
  }
  if (status === 401 || status === 410) return { key: `ksef_error_HTTP_${status}`, params: {} };
  if (status >= 500) return { key: 'ksef_error_HTTP_5xx', params: { status } };
  if (first) return { key: 'ksef_error_HTTP_exception', params: { code: first.code, description: said(first, true) } };
  return { key: 'ksef_error_HTTP', params: { status } };
}

export function ksefErrorMessage(lang: Lang, facts: MessageFacts): string {
  const { key, params } = ksefMessageKey(facts);
  return t(lang, key as MessageKey, params);
}
