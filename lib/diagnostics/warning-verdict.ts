// A KSeF `X-System-Warning` in plain words: what KSeF said (its code and text, quoted), what it means and what
// to do. sig-001 is the one we know (NOTES §3.4, CIRFMF/ksef-api#844): KSeF announces it will refuse the
// signature format; any other code gets the general reading of openapi SystemWarning ("does not affect the
// result of the current operation").
import { t, type Lang } from '../i18n';
import type { SystemWarning } from '../ksef';
import { composedVerdict, type Verdict } from './verdict';

/** Codes with their own explanation in the catalog (`diag_KSEF_SYSTEM_WARNING_meaning_<code>`). */
const KNOWN = { 'sig-001': 'sig_001' } as const;

/** Where the warning came from, by the operation's path (`METHOD /path`). */
function where(lang: Lang, operation: string): string {
  const path = operation.split(' ')[1] ?? '';
  if (path.startsWith('/auth/')) return t(lang, 'diag_ksef_during_login');
  if (path.startsWith('/invoices/')) return t(lang, 'diag_ksef_during_invoices');
  if (path.startsWith('/sessions')) return t(lang, 'diag_ksef_during_sending');
  if (path.startsWith('/permissions/')) return t(lang, 'diag_ksef_during_permissions');
  return t(lang, 'diag_ksef_during_other');
}

export function systemWarningVerdict(w: SystemWarning): Verdict {
  const known = w.code && Object.hasOwn(KNOWN, w.code) ? KNOWN[w.code as keyof typeof KNOWN] : null;
  return composedVerdict('KSEF_SYSTEM_WARNING', 'warning', { code: w.code ?? '', message: w.message, operation: w.operation }, {
    title: (lang) => (w.code ? t(lang, 'diag_KSEF_SYSTEM_WARNING_title', { code: w.code }) : t(lang, 'diag_KSEF_SYSTEM_WARNING_title_nocode')),
    cause: (lang) =>
      t(lang, 'diag_KSEF_SYSTEM_WARNING_cause', {
        where: where(lang, w.operation),
        message: w.message,
        meaning: known ? t(lang, `diag_KSEF_SYSTEM_WARNING_meaning_${known}`) : t(lang, 'diag_KSEF_SYSTEM_WARNING_meaning'),
      }),
    fix: (lang) => {
      if (known) return t(lang, `diag_KSEF_SYSTEM_WARNING_fix_${known}`);
      return w.code ? t(lang, 'diag_KSEF_SYSTEM_WARNING_fix', { code: w.code }) : t(lang, 'diag_KSEF_SYSTEM_WARNING_fix_nocode');
    },
  });
}
