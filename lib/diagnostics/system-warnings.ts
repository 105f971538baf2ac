// KSeF's `X-System-Warning` notices (lib/ksef system-warning.ts) kept in the activity log, once per profile
// and warning a day, and read back for the options page. KSeF may attach the same warning to every answer
// (sig-001 rides on each login), so logging each would flood the 500-entry log with one line.
import type { SystemWarning } from '../ksef';
import type { LogEntry, Store } from '../store';

/** The log code of a kept warning: stable, for the options page and support. */
export const SYSTEM_WARNING_LOG_CODE = 'KSEF_SYSTEM_WARNING';
/** The same warning is logged again after this long, so the log shows it is still being sent. */
export const SYSTEM_WARNING_REPEAT_MS = 24 * 3_600_000;
/** How far back in a profile's log a repeat is looked for. */
const LOOK_BACK = 100;

/** A warning as the log keeps it, with when it was (last) logged. */
export interface LoggedSystemWarning extends SystemWarning {
  at: string;
}

/** `[sig-001]: message (POST /auth/xades-signature)`: KSeF's own format, then the operation. */
export function warningLogMessage(w: SystemWarning): string {
  return `${w.code ? `[${w.code}]: ` : ''}${w.message} (${w.operation})`;
}

const LOGGED = /^(?:\[([^\]]+)\]: )?([\s\S]*?)(?: \(((?:GET|POST|PUT|PATCH|DELETE) \/[^)]*)\))?$/;

function readEntry(entry: LogEntry): LoggedSystemWarning | null {
  if (entry.code !== SYSTEM_WARNING_LOG_CODE) return null;
  const m = LOGGED.exec(entry.message);
  if (!m || !m[2]) return null;
  return { code: m[1] ?? null, message: m[2], operation: m[3] ?? '', at: entry.at };
}

const sameWarning = (a: Pick<SystemWarning, 'code' | 'message'>, b: Pick<SystemWarning, 'code' | 'message'>) =>
  a.code === b.code && a.message === b.message;

/** The newest distinct warnings among log entries (newest first, as `listLog` returns them). */
export function latestSystemWarnings(entries: readonly LogEntry[], limit = 5): LoggedSystemWarning[] {
  const out: LoggedSystemWarning[] = [];
  for (const entry of entries) {
    const w = readEntry(entry);
    if (w && !out.some((o) => sameWarning(o, w))) out.push(w);
    if (out.length >= limit) break;
  }
  return out;
}

export interface SystemWarningLogDeps {
  store: Pick<Store, 'appendLog' | 'listLog'>;
  profileId: string;
  now: () => number;
}

/**
 * A listener for `client.onSystemWarning` that logs each warning at most once a day per profile. The store is
 * the memory (a restarted worker keeps deduplicating); the map, shared by the profile's clients in this context,
 * only spares reads and closes the gap between two answers that arrive together.
 */
const memories = new WeakMap<object, Map<string, Map<string, number>>>();

/** The memory of one profile in one store (the worker hands every client of a profile the same store). */
function sharedMemory(store: object, profileId: string): Map<string, number> {
  let byProfile = memories.get(store);
  if (!byProfile) memories.set(store, (byProfile = new Map()));
  let memory = byProfile.get(profileId);
  if (!memory) byProfile.set(profileId, (memory = new Map()));
  return memory;
}

export function createSystemWarningLog(deps: SystemWarningLogDeps): (warning: SystemWarning) => void {
  if (typeof deps?.store?.appendLog !== 'function' || typeof deps.store.listLog !== 'function') {
    throw new TypeError('"deps.store" must be a Store');
  }
  if (typeof deps.profileId !== 'string' || deps.profileId === '') throw new TypeError('"deps.profileId" must be a non-empty string');
  if (typeof deps.now !== 'function') throw new TypeError('"deps.now" must be a function');
  // Shared by every client of the profile in this context (the sync's and a verify's run side by side and
  // meet the same warning at the same moment): one map per profile, not per listener.
  const lastLogged = sharedMemory(deps.store, deps.profileId);

  async function keep(warning: SystemWarning, key: string, now: number): Promise<void> {
    const recent = await deps.store.listLog({ profileId: deps.profileId, limit: LOOK_BACK });
    const earlier = recent.map(readEntry).find((w) => w !== null && sameWarning(w, warning));
    const earlierAt = earlier ? Date.parse(earlier.at) : Number.NaN;
    if (earlierAt > now - SYSTEM_WARNING_REPEAT_MS && earlierAt <= now) {
      lastLogged.set(key, earlierAt);
      return;
    }
    await deps.store.appendLog({ profileId: deps.profileId, level: 'warn', code: SYSTEM_WARNING_LOG_CODE, message: warningLogMessage(warning) });
  }

  return (warning) => {
    const key = `${warning.code ?? ''}|${warning.message}`;
    const now = deps.now();
    const last = lastLogged.get(key);
    if (last !== undefined && last > now - SYSTEM_WARNING_REPEAT_MS && last <= now) return;
    lastLogged.set(key, now);
    // A warning never fails the call that carried it; a failed write is retried with the next warning.
    keep(warning, key, now).catch(() => lastLogged.delete(key));
  };
}
