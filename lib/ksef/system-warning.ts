// `X-System-Warning`: KSeF's non-blocking notices (openapi components SystemWarning, NOTES §2), e.g.
// `[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES` before it refuses a signature
// profile (NOTES §3.4, CIRFMF/ksef-api#844). Format `[code]: message | [code]: message`, ASCII-folded.

export interface SystemWarning {
  /** KSeF's code, e.g. `sig-001`; null when the header did not follow the documented format. */
  code: string | null;
  message: string;
  /** `METHOD /path/template` of the answer that carried it. */
  operation: string;
}

/** The documented single-warning pattern: `\[(?<code>[^\]]+)\]: (?<message>[^|]+)`. */
const ONE = /\[([^\]]+)\]: ([^|]+)/g;
const MAX_WARNINGS = 10;
const MAX_CODE = 50;
const MAX_MESSAGE = 500;

const clean = (text: string, max: number) => text.replace(/[\x00-\x1f\x7f]/g, ' ').trim().slice(0, max);

export function parseSystemWarnings(header: string, operation: string): SystemWarning[] {
  if (typeof header !== 'string') throw new TypeError('"header" must be a string');
  const found: SystemWarning[] = [];
  for (const m of header.matchAll(ONE)) {
    const message = clean(m[2] ?? '', MAX_MESSAGE);
    if (message) found.push({ code: clean(m[1] ?? '', MAX_CODE) || null, message, operation });
    if (found.length >= MAX_WARNINGS) break;
  }
  const whole = clean(header, MAX_MESSAGE);
  if (found.length === 0 && whole) found.push({ code: null, message: whole, operation });
  return found;
}
