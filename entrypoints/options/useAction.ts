// One action at a time (save, preferences, verify, delete): which one runs, and the notice it leaves. A
// failure becomes a verdict (lib/diagnostics) with its cause and fix; the notice takes focus when it changes.
import { useEffect, useRef, useState } from 'react';
import type { Notice } from '@/components/options';
import { diagnose } from '@/lib/diagnostics';

export type ActionKind = 'save' | 'prefs' | 'verify' | 'delete';

export function useAction() {
  const [busy, setBusy] = useState<ActionKind | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Outcomes appear above the form: bring them into view (and to screen readers) where the click was far below.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function run(kind: ActionKind, action: () => Promise<void>) {
    setBusy(kind);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setNotice({ kind: 'verdict', verdict: diagnose(error) });
    } finally {
      setBusy(null);
    }
  }

  return { busy, notice, setNotice, noticeRef, run };
}
