// How dates, identities, permissions and environments read in a verdict (Polish time: users think in it).
import { isKsefEnvironment } from '../domain/environments';
import { t, type Lang, type MessageKey } from '../i18n/worker';

/** 31.12.2026 and 14:05 (pl) or 2026-12-31 and 14:05 (en), Europe/Warsaw: the calendar is lib/core/time.ts. */
export { warsawDateTime } from '../core/time';

/** KSeF permission names users meet in Aplikacja Podatnika; others stay as KSeF spells them. */
export const PERMISSION_NAMES = [
  'Owner', 'InvoiceRead', 'InvoiceWrite', 'Introspection', 'CredentialsRead', 'CredentialsManage',
  'SubunitManage', 'EnforcementOperations', 'VatUeManage', 'PefInvoiceWrite',
] as const;

export function permissionName(lang: Lang, permission: string): string {
  return (PERMISSION_NAMES as readonly string[]).includes(permission)
    ? t(lang, `diag_perm_${permission}` as MessageKey)
    : permission;
}

export function permissionList(lang: Lang, permissions: readonly string[]): string {
  if (permissions.length === 0) return t(lang, 'diag_perm_none');
  return permissions.map((p) => permissionName(lang, p)).join(', ');
}

export function environmentName(lang: Lang, environment: string | undefined): string {
  if (isKsefEnvironment(environment)) return t(lang, `cert_env_${environment}`);
  if (environment === 'simulator') return t(lang, 'diag_env_simulator');
  return environment ?? '';
}

/** "NIP 1111111111", "PESEL 85010112345" or the certificate's fingerprint, for "grant it to …". */
export function identityText(
  lang: Lang,
  identifier: { type: 'NIP' | 'PESEL'; value: string } | null | undefined,
  fingerprint?: string,
): string {
  if (identifier) return `${identifier.type} ${identifier.value}`;
  if (fingerprint) return t(lang, 'diag_identity_fingerprint', { fingerprint });
  return t(lang, 'diag_identity_unknown');
}
