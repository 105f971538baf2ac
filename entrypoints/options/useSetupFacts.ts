// What the set-up steps and the done panel read from the store for the selected organisation: whether a sync
// has succeeded and the first one finished, KSeF's announced break, and how many of its invoices are new.
// Re-read often while the first sync runs (the page moves on by itself), then at the status pace.
import { useCallback, useEffect, useState } from 'react';
import type { Store, SyncState } from '@/lib/store';
import { STATUS_REFRESH_MS } from './useProfiles';

/** While the first sync runs: about the time one run of the simulator or KSeF's first page takes. */
export const FIRST_SYNC_REFRESH_MS = 1_500;

export interface SetupFactsView {
  profileId: string;
  syncedOk: boolean;
  firstSyncDone: boolean;
  newCount: number;
  outage?: SyncState['outage'];
}

export function useSetupFacts(store: Store, profileId: string | null, waiting: boolean) {
  const [facts, setFacts] = useState<SetupFactsView | null>(null);

  const load = useCallback(async () => {
    if (!profileId) return setFacts(null);
    const [state, counts] = await Promise.all([store.getSyncState(profileId, 'Subject2'), store.countByState(profileId)]);
    setFacts({
      profileId,
      syncedOk: !!state?.lastSuccessAt,
      firstSyncDone: !!state?.firstSyncDone,
      newCount: counts.new,
      ...(state?.outage ? { outage: state.outage } : {}),
    });
  }, [store, profileId]);

  useEffect(() => {
    void load().catch(() => undefined);
    const timer = setInterval(() => void load().catch(() => undefined), waiting ? FIRST_SYNC_REFRESH_MS : STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, waiting]);

  return { facts: facts?.profileId === profileId ? facts : null, reloadFacts: load };
}
