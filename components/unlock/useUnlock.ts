// The unlock page's state: the profile's custody view, the one password field, and the outcome of "Odblokuj".
// The work itself is lib/custody/locked-unlock.ts; this only holds what the page shows.
import { useCallback, useEffect, useState } from 'react';
import { custodyView, type CustodyView } from '@/lib/custody/locked-view';
import { unlockAndLogin, type UnlockDeps } from '@/lib/custody/locked-unlock';

export type UnlockPhase = 'idle' | 'working' | 'done';

export function useUnlock(deps: UnlockDeps, profileId: string | null) {
  const [view, setView] = useState<CustodyView | null | undefined>(undefined); // undefined: loading; null: no such profile
  const [phase, setPhase] = useState<UnlockPhase>('idle');
  const [failure, setFailure] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setView(profileId ? ((await custodyView(deps.store, profileId)) ?? null) : null);
  }, [deps.store, profileId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function unlock(password: string): Promise<boolean> {
    if (!profileId) return false;
    setPhase('working');
    setFailure(null);
    try {
      await unlockAndLogin(deps, profileId, password);
      setPhase('done');
      return true;
    } catch (error) {
      setFailure(error);
      setPhase('idle');
      return false;
    } finally {
      await reload();
    }
  }

  return { view, phase, failure, unlock };
}
