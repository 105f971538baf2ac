// The form of the selected organisation (or of a new one): what was loaded from the store and what the user
// has typed or chosen since. Selecting another organisation starts the form afresh.
import { useCallback, useState } from 'react';
import type { CardCertificate } from '@/components/options';
import { latestSystemWarnings, type LoggedSystemWarning } from '@/lib/diagnostics/system-warnings';
import type { VerifyReport } from '@/lib/diagnostics/verify';
import { draftFromProfile, emptyDraft, type ChosenFiles, type OrganisationDraft } from '@/lib/setup';
import { defaultPreferences, type Preferences, type Store } from '@/lib/store';

export function useEditor(store: Store, now: () => Date) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<OrganisationDraft>(emptyDraft);
  const [preferences, setPreferences] = useState<Preferences>(() => defaultPreferences(now()));
  const [saved, setSaved] = useState<CardCertificate | null>(null);
  const [files, setFiles] = useState<ChosenFiles>({});
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [warnings, setWarnings] = useState<LoggedSystemWarning[]>([]);

  const loadWarnings = useCallback(
    (id: string | null) =>
      id ? store.listLog({ profileId: id, limit: 100 }).then((log) => setWarnings(latestSystemWarnings(log)), () => undefined) : setWarnings([]),
    [store],
  );

  const select = useCallback(async (id: string | null) => {
    const profile = id ? await store.getProfile(id) : undefined;
    const creds = profile ? await store.getCredentials(profile.id) : undefined;
    setSelectedId(profile?.id ?? null);
    setDraft(profile ? draftFromProfile(profile) : emptyDraft());
    setPreferences(profile?.preferences ?? defaultPreferences(now()));
    setSaved(creds ? creds.certificate : null);
    setFiles({});
    setPassword('');
    setReport(null);
    void loadWarnings(profile?.id ?? null);
  }, [store, loadWarnings]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    selectedId, draft, setDraft, preferences, setPreferences, saved, files, setFiles, password, setPassword,
    report, setReport, warnings, loadWarnings, select,
  };
}
