// The organisations for the list: the profiles, which have a certificate, and each one's sync state
// (lib/views), re-read while the page is open.
import { useCallback, useEffect, useState } from 'react';
import type { Profile, Store } from '@/lib/store';
import { listProfileStatuses, type ProfileStatus } from '@/lib/views';

/** How often the page re-reads the sync state while open (a read of the store, no request to KSeF). */
export const STATUS_REFRESH_MS = 15_000;

export function useProfiles(store: Store, now: () => Date) {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [withCertificate, setWithCertificate] = useState<ReadonlySet<string>>(new Set());
  const [statuses, setStatuses] = useState<ProfileStatus[]>([]);

  const loadStatuses = useCallback(() => listProfileStatuses(store, now()).then(setStatuses, () => undefined), [store]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const timer = setInterval(() => void loadStatuses(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadStatuses]);

  const reload = useCallback(async () => {
    void loadStatuses();
    const list = await store.listProfiles();
    const creds = await Promise.all(list.map(async (p) => ((await store.getCredentials(p.id)) ? p.id : null)));
    setProfiles(list);
    setWithCertificate(new Set(creds.filter((id): id is string => id !== null)));
    return list;
  }, [store, loadStatuses]);

  return { profiles, withCertificate, statuses, reload };
}
