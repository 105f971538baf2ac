// Runs lib/setup's local check whenever the files, the password, the NIP or the environment change: at once
// for files, after a short pause while the password is typed. A newer run makes older results moot. The check
// (and lib/pki with it) is loaded on demand, so the page opens without the certificate code; so is diagnose.
import { useEffect, useRef, useState } from 'react';
import { hasFiles, type ChosenFiles, type LocalCheck, type OrganisationDraft } from '@/lib/setup';

/** The pause after the last key before the password is tried (a PBKDF2 run takes a moment). */
export const CHECK_DEBOUNCE_MS = 250;

export function useLocalCheck(files: ChosenFiles, password: string, draft: OrganisationDraft, now: () => Date) {
  const [check, setCheck] = useState<LocalCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    if (!hasFiles(files)) {
      seq.current += 1; // a check still under way belongs to files no longer chosen
      setCheck(null);
      setChecking(false);
      return;
    }
    const mine = ++seq.current;
    setChecking(true);
    const timer = setTimeout(() => {
      void import('@/lib/setup/check-files')
        .then(({ checkCertificateFiles }) => checkCertificateFiles(files, password, { now: now(), nipInput: draft.nipInput, environment: draft.environment }))
        .catch(async (error: unknown): Promise<LocalCheck> => {
          const { diagnose } = await import('@/lib/diagnostics/diagnose');
          return { info: null, credentials: null, verdicts: [diagnose(error)], need: null };
        })
        .then((result) => {
          if (mine !== seq.current) return;
          setCheck(result);
          setChecking(false);
        });
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [files, password, draft.nipInput, draft.environment]); // eslint-disable-line react-hooks/exhaustive-deps

  return { check, checking };
}
