// One profile's sync state as the popup and the options page show it (issue 10): the named state's title,
// its cause and what to do, the fix button when the user must act, the persistent-storage request when the
// storage is full, and the invoices set aside. Renders only; the pages wire the actions.
import { t, type Lang } from '@/lib/i18n/popup';
import { formatDate } from '@/lib/invoice/format';
import type { PersistOutcome } from '@/lib/store';
import type { ProfileState, ProfileStatus } from '@/lib/views';
import './sync-status.css';

export type PersistView = PersistOutcome | 'asking';

export interface SyncStatusProps {
  status?: ProfileStatus;
  lang: Lang;
  syncing: boolean;
  /** Opens the settings of the profile; without it no fix button (the options page is the settings). */
  onFix?: () => void;
  /** Without it no persistent-storage button (a page that cannot ask). */
  onPersist?: () => void;
  persist?: PersistView;
  /** "Spróbuj ponownie" on a failure that resolves on its own (network, KSeF): a check now, not the settings. */
  onRetry?: () => void;
  /** "Dziennik zdarzeń": the organisation's activity log (options.html?profile=…&view=log). */
  onLog?: () => void;
  /** Several organisations in the popup: a fix the button performs is not spelled out above it too. */
  compact?: boolean;
}

const TONE: Record<ProfileState, string> = {
  ok: 'ok',
  importing: 'info',
  syncing: 'info',
  attention: 'warning',
  rate_limited: 'warning',
  retrying: 'warning',
  error: 'error',
  not_configured: 'warning',
  locked: 'warning',
};

function stateTitle(status: ProfileStatus | undefined, state: ProfileState, lang: Lang): string {
  const problem = state === 'syncing' ? undefined : status?.problem;
  const title = lang === 'en' ? problem?.titleEn : problem?.title;
  if (title) return title;
  // Credentials saved, nothing fetched yet: "connected" would claim more than we know.
  if (state === 'ok' && !status?.lastSyncAt) return t(lang, 'popup_state_waiting');
  return t(lang, `popup_state_${state}`);
}

/** Codes that are not a failed check: nothing to retry, nothing in the log to read. */
const NOT_A_FAILURE = new Set(['NOT_CONFIGURED', 'CERTIFICATE_EXPIRED', 'IMPORTING']);

/** The user must act: the problem says so; a state without one (an older read model) by its tone. */
function needsFix(problem: ProfileStatus['problem'], state: ProfileState): boolean {
  if (problem) return problem.needsUser && problem.code !== 'STORAGE_FULL';
  return state === 'attention' || state === 'error' || state === 'not_configured';
}

export function SyncStatus({ status, lang, syncing, onFix, onPersist, persist, onRetry, onLog, compact = false }: SyncStatusProps) {
  const state: ProfileState | undefined = syncing ? 'syncing' : status?.state;
  if (!state) return <p className="kp-muted">{t(lang, 'popup_status_unavailable')}</p>;
  const problem = state === 'syncing' ? undefined : status?.problem;
  const en = lang === 'en';
  const skipped = status?.skipped;
  const failure = problem && !NOT_A_FAILURE.has(problem.code) ? problem : undefined;
  const fixButton = needsFix(problem, state) && onFix !== undefined;
  return (
    <>
      <div className={`kp-popup-state kp-alert--${TONE[state]}${compact ? ' kp-popup-state--compact' : ''}`} data-state={state} data-code={problem?.code ?? state.toUpperCase()}
        role={problem?.needsUser ? 'alert' : 'status'}>
        <strong>{stateTitle(status, state, lang)}</strong>
        {/* Compact: an unfinished set-up is said by its title and its button; a failure keeps its cause. */}
        {problem && !(compact && problem.code === 'NOT_CONFIGURED' && fixButton) ? <p className="kp-popup-cause">{en ? problem.messageEn : problem.message}</p> : null}
        {problem?.announcement ? <p className="kp-popup-announcement" lang="pl">{problem.announcement}</p> : null}
        {problem?.fix && !(compact && fixButton) ? <p className="kp-popup-fix-text">{en ? (problem.fixEn ?? problem.fix) : problem.fix}</p> : null}
        {problem?.code === 'STORAGE_FULL' && onPersist ? (
          <>
            <button type="button" className="kp-button kp-popup-fix" disabled={persist === 'asking'} onClick={onPersist}>
              {t(lang, 'status_persist_button')}
            </button>
            {persist && persist !== 'asking' ? <p className="kp-popup-persist" role="status">{t(lang, `status_persist_${persist}`)}</p> : null}
          </>
        ) : null}
        {state === 'rate_limited' && status?.rateLimitedUntil && !problem ? (
          <p>{t(lang, 'popup_rate_limited_until', { time: formatDate(status.rateLimitedUntil, lang) })}</p>
        ) : null}
        <div className="kp-popup-state-actions">
          {fixButton ? (
            <button type="button" className="kp-button kp-popup-fix" onClick={onFix}>
              {t(lang, 'popup_fix')}
            </button>
          ) : null}
          {failure && !failure.needsUser && onRetry ? (
            <button type="button" className="kp-button kp-popup-fix" onClick={onRetry}>
              {t(lang, 'popup_retry')}
            </button>
          ) : null}
          {failure && onLog ? (
            <button type="button" className="kp-button kp-button--secondary kp-popup-fix" onClick={onLog}>
              {t(lang, 'popup_open_log')}
            </button>
          ) : null}
        </div>
      </div>
      {skipped ? (
        <div className="kp-popup-state kp-alert--warning" data-code="RECORDS_SKIPPED">
          <strong>{en ? skipped.titleEn : skipped.title}</strong>
          <p>{en ? skipped.messageEn : skipped.message}</p>
          <p className="kp-popup-fix-text">{en ? skipped.fixEn : skipped.fix}</p>
        </div>
      ) : null}
    </>
  );
}
