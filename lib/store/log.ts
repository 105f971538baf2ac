// The activity log: what the worker did, for the options page and for support. Bounded, and without secrets.
import { checkId, checkLimit, transact, type StoreContext } from './context';
import { LOG_LEVELS, type LogEntry, type LogInput } from './records';
import { redactLogMessage } from './secrets';

/** The log keeps the newest LOG_LIMIT entries. */
export const LOG_LIMIT = 500;

function checkInput(entry: LogInput): void {
  if (typeof entry !== 'object' || entry === null) throw new TypeError('"entry" must be an object');
  if (!LOG_LEVELS.includes(entry.level)) throw new TypeError(`"level" must be one of ${LOG_LEVELS.join(', ')}`);
  if (typeof entry.code !== 'string' || entry.code === '' || entry.code.length > 100) {
    throw new TypeError('"code" must be a non-empty string of at most 100 characters');
  }
  if (typeof entry.message !== 'string') throw new TypeError('"message" must be a string');
  if (entry.profileId !== undefined) checkId('profileId', entry.profileId);
  if (entry.at !== undefined && (typeof entry.at !== 'string' || Number.isNaN(Date.parse(entry.at)))) {
    throw new TypeError('"at" must be an ISO date-time');
  }
}

/** A checked entry as the log keeps it (message redacted), for writers that add it in their own transaction. */
export function logRecord(entry: LogInput, at: string): Omit<LogEntry, 'id'> {
  checkInput(entry);
  return {
    at: entry.at ?? at,
    level: entry.level,
    code: entry.code,
    message: redactLogMessage(entry.message),
    ...(entry.profileId !== undefined ? { profileId: entry.profileId } : {}),
  };
}

/**
 * Inside a write transaction on 'log': adds the record and drops what falls out of the newest LOG_LIMIT.
 * Keys come from the store's key generator, which only grows, so "older than the newest N" is the key range
 * up to `id - N`: one range delete, no count and no scan.
 */
export async function addLogRecord(
  log: { add(value: LogEntry): Promise<number>; delete(key: IDBKeyRange): Promise<void> },
  record: Omit<LogEntry, 'id'>,
): Promise<number> {
  // The key generator fills in `id` (keyPath with autoIncrement).
  const id = await log.add(record as LogEntry);
  if (id > LOG_LIMIT) await log.delete(IDBKeyRange.upperBound(id - LOG_LIMIT));
  return id;
}

export function logFunctions({ db, now }: StoreContext) {
  /** Adds an entry and drops what falls out of the newest LOG_LIMIT, in one transaction. */
  async function appendLog(entry: LogInput): Promise<LogEntry> {
    const record = logRecord(entry, now().toISOString());
    return transact(await db(), ['log'], 'readwrite', async (tx) => ({ ...record, id: await addLogRecord(tx.objectStore('log'), record) }));
  }

  /** The newest entries first, of one profile or of all. */
  async function listLog(options: { profileId?: string; limit?: number } = {}): Promise<LogEntry[]> {
    const { profileId, limit = LOG_LIMIT } = options;
    if (profileId !== undefined) checkId('profileId', profileId);
    checkLimit('limit', limit, LOG_LIMIT);
    const store = (await db()).transaction('log').store;
    const source = profileId === undefined ? store : store.index('byProfile');
    const entries: LogEntry[] = [];
    let cursor = await source.openCursor(profileId === undefined ? null : IDBKeyRange.only(profileId), 'prev');
    while (cursor) {
      entries.push(cursor.value);
      if (entries.length >= limit) break;
      cursor = await cursor.continue();
    }
    return entries;
  }

  async function clearLog(): Promise<void> {
    await (await db()).clear('log');
  }

  return { appendLog, listLog, clearLog };
}
