// The header's data: each organisation's last check (lib/views/profile-status.ts, read from the store) and
// "Sprawdź teraz", which asks the worker (`syncNow`) and says what it found the way the popup does
// (lib/views/sync-result.ts). The list reloads when the check has ended.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HeaderOrganisation } from '@/components/inbox';
import { t, type Lang } from '@/lib/i18n';
import { sendRequest } from '@/lib/messages';
import type { Profile, Store } from '@/lib/store';
import { listProfileStatuses, type ProfileStatus } from '@/lib/views';
import { errorText, type Send } from '@/lib/views/invoice-view';
import { syncResultText, type SyncNowAnswer, type SyncResultText } from '@/lib/views/sync-result';
import { whenText } from '@/lib/views/when-text';

export interface SyncHeader {
  organisations: HeaderOrganisation[];
  checking: boolean;
  result: SyncResultText | null;
  checkNow: () => void;
}

/**
 * `profileId`: the organisation the list is filtered to ('' for all of them). `ready`: the first page is on
 * screen; the statuses are read only then, so they never queue ahead of the list's reads (issue 15).
 */
export function useSyncHeader(
  store: Store,
  send: Send,
  lang: Lang,
  profiles: Profile[] | null,
  ready: boolean,
  profileId: string,
  onChecked: () => void,
): SyncHeader {
  const [statuses, setStatuses] = useState<ProfileStatus[]>([]);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<SyncResultText | null>(null);

  const load = useCallback(() => listProfileStatuses(store, new Date()).then(setStatuses, () => undefined), [store]);
  useEffect(() => {
    if (ready) void load();
  }, [load, profiles, ready]);

  const organisations = useMemo(() => {
    const now = new Date();
    return (profiles ?? [])
      .filter((p) => profileId === '' || p.id === profileId)
      .map((p) => {
        const lastSyncAt = statuses.find((s) => s.profileId === p.id)?.lastSyncAt;
        return { id: p.id, name: p.name, nip: p.nip, ...(lastSyncAt ? { lastSync: whenText(lastSyncAt, now, lang) } : {}) };
      });
  }, [profiles, statuses, profileId, lang]);

  const checkNow = () => {
    setChecking(true);
    setResult(null);
    const names = (id: string) => profiles?.find((p) => p.id === id)?.name ?? id;
    sendRequest<SyncNowAnswer>({ type: 'syncNow', ...(profileId ? { profileId } : {}) }, send)
      .then(
        (answer) => setResult(syncResultText(answer, names, new Date(), lang)),
        (error: unknown) => setResult({ kind: 'error', text: t(lang, 'inbox_check_failed', { message: errorText(error, lang) }) }),
      )
      .finally(() => {
        setChecking(false);
        void load();
        onChecked();
      });
  };

  return { organisations, checking, result, checkNow };
}
