// The activity log (lib/store/log.ts) in plain words for options.html?profile=<id>&view=log (issue 16). Each
// entry's code picks a sentence of the pages catalog (options_log_<CODE>); the entry's own text, already free
// of secrets (appendLog redacts tokens and PEM blocks at write), stays behind "Szczegóły techniczne".
import type { LogEntry } from '../store';

export interface LogEntryView {
  id: number;
  at: string;
  level: LogEntry['level'];
  /** options_log_* catalog key; options_log_other when the code has no sentence of its own. */
  key: string;
  /** For options_log_stored: how many invoices a run stored. */
  stored?: number;
  code: string;
  technical: string;
}

const OWN = new Set([
  'SYNC_OK', 'SYNC_PARTIAL', 'KSEF_MAINTENANCE', 'KSEF_OUTAGE', 'KSEF_BACK', 'VERIFY_OK', 'VERIFY_FAILED',
  'OLDER_INVOICES_FETCHED', 'KSEF_SYSTEM_WARNING', 'XML_DOWNLOAD_FAILED',
]);

/** NETWORK and TIMEOUT are the one failure a user can check (the internet); the others say "failed". */
function keyOf(code: string): string {
  if (OWN.has(code)) return `options_log_${code}`;
  if (code === 'SYNC_NETWORK' || code === 'SYNC_TIMEOUT') return 'options_log_SYNC_NETWORK';
  if (code.startsWith('SYNC_')) return 'options_log_SYNC_FAILED';
  return 'options_log_other';
}

export function logEntryView(entry: LogEntry): LogEntryView {
  // profile-runner.ts writes "stored N, announced M" for a run that stored invoices.
  const stored = /^stored (\d+)/.exec(entry.message)?.[1];
  const count = stored === undefined ? undefined : Number(stored);
  return {
    id: entry.id,
    at: entry.at,
    level: entry.level,
    key: keyOf(entry.code),
    ...(count !== undefined && count > 0 && entry.code.startsWith('SYNC_') ? { stored: count } : {}),
    code: entry.code,
    technical: entry.message,
  };
}
