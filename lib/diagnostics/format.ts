// How dates, identities, permissions and environments read in a verdict (Polish time: users think in it).
import { t, type Lang, type MessageKey } from '../i18n';

/** 31.12.2026 and 14:05 (pl) or 2026-12-31 and 14:05 (en), Europe/Warsaw. */
export function warsawDateTime(lang: Lang, at: Date | string | number): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  const date = lang === 'pl' ? `${p('day')}.${p('month')}.${p('year')}` : `${p('year')}-${p('month')}-${p('day')}`;
  return { date, time: `${p('hour')}:${p('minute')}` };
}

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
  if (environment === 'test' || environment === 'demo' || environment === 'production') return t(lang, `cert_env_${environment}`);
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
