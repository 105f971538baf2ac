// A verdict: what happened, the likely cause and the step that fixes it, in both languages at once, so it can
// cross the message boundary from the worker (JSON) and be shown in whichever language the page is in.
import { LANGS, t, type Lang, type MessageKey, type Params } from '../i18n/worker';

export type VerdictSeverity = 'error' | 'warning' | 'info';

/** One sentence in each language. */
export type Text = Record<Lang, string>;

export type VerdictData = Record<string, string | number | boolean | string[]>;

export interface Verdict {
  /** Stable, for tests and logs: WRONG_PASSWORD, NO_PERMISSIONS, OTHER_ENVIRONMENT, … */
  code: string;
  severity: VerdictSeverity;
  title: Text;
  cause: Text;
  fix: Text;
  /** The facts the sentences name (NIPs, dates, permissions); never a secret. */
  data: VerdictData;
}

/** Per-language parameters: dates and permission names read differently in Polish and English. */
export type ParamsFor = (lang: Lang) => Params;

function text(key: string, params: ParamsFor): Text {
  const out = {} as Text;
  for (const lang of LANGS) out[lang] = t(lang, key as MessageKey, params(lang));
  return out;
}

/** A verdict whose three sentences are the catalog's `diag_<code>_title|_cause|_fix`. */
export function catalogVerdict(code: string, severity: VerdictSeverity, data: VerdictData, params: ParamsFor = () => ({})): Verdict {
  return {
    code,
    severity,
    title: text(`diag_${code}_title`, params),
    cause: text(`diag_${code}_cause`, params),
    fix: text(`diag_${code}_fix`, params),
    data,
  };
}

/** A verdict built from sentences another module already words (lib/pki, lib/auth, lib/ksef messages). */
export function composedVerdict(
  code: string,
  severity: VerdictSeverity,
  data: VerdictData,
  parts: { title: (lang: Lang) => string; cause: (lang: Lang) => string; fix: (lang: Lang) => string },
): Verdict {
  const each = (f: (lang: Lang) => string) => ({ pl: f('pl'), en: f('en') });
  return { code, severity, title: each(parts.title), cause: each(parts.cause), fix: each(parts.fix), data };
}
