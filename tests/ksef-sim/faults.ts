// Injected faults: the next N requests matching a path pattern (and method) fail in a chosen way, so tests
// and the demo can show how the extension copes with a KSeF that misbehaves. `warning` is the gentle one:
// the answer is the normal one plus an `X-System-Warning` header (openapi components SystemWarning).

export const FAULT_KINDS = ['http500', 'http503', 'http429', 'slow', 'drop', 'warning'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Path incl. `/v2`, `*` matches any run of characters within the path (`/v2/sessions/*` …). */
  path: string;
  method?: string;
  kind: FaultKind;
  /** How many matching requests fail; default 1. */
  count?: number;
  /** `slow`: delay before answering normally (real milliseconds); default 2000. */
  delayMs?: number;
  /** `http429`: the Retry-After value; default 1. */
  retryAfterSeconds?: number;
  /** `warning`: the header value, `[code]: message | [code]: message`; default SIG_001_WARNING. */
  warning?: string;
}

export interface FaultRule extends Required<Omit<FaultSpec, 'method'>> {
  id: number;
  method: string | null;
  pattern: RegExp;
  remaining: number;
}

/** What KSeF sends before it refuses a signature profile (NOTES §3.4, CIRFMF/ksef-api#844). */
export const SIG_001_WARNING = '[sig-001]: Format podpisu niezgodny z akceptowanymi profilami XAdES';

const MAX_WARNING = 1000;

/** KSeF ASCII-folds the header (openapi SystemWarning): diacritics dropped, ł → l, anything else unprintable → ?. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^\x20-\x7e]/g, '?');
}

const MAX_RULES = 1000;
const MAX_COUNT = 1_000_000;
const MAX_DELAY_MS = 120_000;

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function validateFaultSpec(spec: unknown): FaultSpec {
  const s = spec as Partial<FaultSpec> | null;
  if (!s || typeof s !== 'object') throw new TypeError('"fault" must be an object');
  if (typeof s.path !== 'string' || !s.path.startsWith('/') || s.path.length > 500) throw new TypeError('"path" must be a path starting with "/"');
  if (!FAULT_KINDS.includes(s.kind as FaultKind)) throw new TypeError(`"kind" must be one of ${FAULT_KINDS.join(', ')}`);
  if (s.method !== undefined && (typeof s.method !== 'string' || !/^[A-Za-z]{3,7}$/.test(s.method))) throw new TypeError('"method" must be an HTTP method');
  const intIn = (name: string, v: unknown, min: number, max: number): void => {
    if (v !== undefined && (!Number.isInteger(v) || (v as number) < min || (v as number) > max)) {
      throw new TypeError(`"${name}" must be an integer from ${min} to ${max}`);
    }
  };
  intIn('count', s.count, 1, MAX_COUNT);
  intIn('delayMs', s.delayMs, 0, MAX_DELAY_MS);
  intIn('retryAfterSeconds', s.retryAfterSeconds, 1, 86_400);
  if (s.warning !== undefined && (typeof s.warning !== 'string' || s.warning.trim() === '' || s.warning.length > MAX_WARNING)) {
    throw new TypeError(`"warning" must be a non-empty text of at most ${MAX_WARNING} characters`);
  }
  return s as FaultSpec;
}

export function createFaults() {
  let rules: FaultRule[] = [];
  let nextId = 1;
  return {
    add(spec: FaultSpec): FaultRule {
      const s = validateFaultSpec(spec);
      if (rules.length >= MAX_RULES) throw new TypeError(`at most ${MAX_RULES} fault rules`);
      const rule: FaultRule = {
        id: nextId++,
        path: s.path,
        method: s.method ? s.method.toUpperCase() : null,
        kind: s.kind,
        count: s.count ?? 1,
        remaining: s.count ?? 1,
        delayMs: s.delayMs ?? 2000,
        retryAfterSeconds: s.retryAfterSeconds ?? 1,
        warning: asciiFold(s.warning ?? SIG_001_WARNING),
        pattern: globToRegExp(s.path),
      };
      rules.push(rule);
      return rule;
    },
    /** Consumes one use of the first rule matching this request, if any. */
    take(method: string, path: string): FaultRule | null {
      const rule = rules.find((r) => r.remaining > 0 && (!r.method || r.method === method) && r.pattern.test(path));
      if (!rule) return null;
      rule.remaining -= 1;
      if (rule.remaining === 0) rules = rules.filter((r) => r !== rule);
      return rule;
    },
    list(): FaultRule[] {
      return rules.map((r) => ({ ...r }));
    },
    clear(): void {
      rules = [];
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
