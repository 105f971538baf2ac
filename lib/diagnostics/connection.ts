// A failed connection to KSeF, named in the order a bookkeeper can act on (issue 16 finding 3): KSeF's own
// announced break first (Latarnia: nothing to fix here, it resumes by itself), then KSeF answering as a
// service that is down (5xx, 408: wait), then no connection at all (check the internet). Each verdict says
// where the activity log is (options.html?profile=<id>&view=log).
import type { KsefOutage } from '../ksef/latarnia';
import { warsawDateTime } from './format';
import { catalogVerdict, type Verdict } from './verdict';

/** Errors of reaching KSeF rather than of what KSeF said about us (lib/ksef KsefError by name and code, STYLE 9). */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; status?: unknown };
  if (e?.name !== 'KsefError') return false;
  if (e.code === 'NETWORK' || e.code === 'TIMEOUT') return true;
  return typeof e.status === 'number' && (e.status >= 500 || e.status === 408);
}

function isOutage(value: unknown): value is KsefOutage {
  const o = value as KsefOutage | null;
  return !!o && (o.kind === 'outage' || o.kind === 'maintenance') && typeof o.since === 'string';
}

export function connectionVerdict(error: unknown, outage: unknown, profileId: string): Verdict {
  const e = error as { code?: unknown; status?: unknown };
  if (isOutage(outage)) {
    const code = outage.kind === 'maintenance' ? 'KSEF_MAINTENANCE' : 'KSEF_OUTAGE';
    const data = { since: outage.since, ...(outage.until ? { until: outage.until } : {}), ...(outage.message ? { announcement: outage.message } : {}), profileId };
    return catalogVerdict(code, 'error', data, (lang) => {
      const until = outage.until ? warsawDateTime(lang, outage.until) : null;
      return {
        announcement: outage.message ?? '—',
        until: until ? `${until.date} ${until.time}` : lang === 'en' ? 'the end of the break' : 'zakończenia przerwy',
      };
    });
  }
  if (typeof e?.status === 'number') return catalogVerdict('KSEF_DOWN', 'error', { status: e.status, profileId }, () => ({ status: String(e.status) }));
  return catalogVerdict('KSEF_UNREACHABLE', 'error', { reason: String(e?.code ?? 'NETWORK'), profileId });
}
