// One action at a time (save, preferences, verify, delete): which one runs, and the notice it leaves. A
// failure becomes a verdict (lib/diagnostics) with its cause and fix; the notice takes focus when it changes.
// diagnose reaches lib/pki and the XML stack, so it is loaded when an action fails, not with the page (issue 11).
import { useEffect, useRef, useState } from 'react';
import type { Notice } from '@/components/options';

export type ActionKind = 'org' | 'save' | 'prefs' | 'verify' | 'delete' | 'older';

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
      const { diagnose } = await import('@/lib/diagnostics/diagnose');
      setNotice({ kind: 'verdict', verdict: diagnose(error) });
    } finally {
      setBusy(null);
    }
  }

  return { busy, notice, setNotice, noticeRef, run };
}
