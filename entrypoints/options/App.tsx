// The options page: organisations, certificate set-up with local checks, verification, preferences, removal.
// Composition only: lib/setup decides what may be saved and how, the hooks beside this file hold the state,
// components/options render.
import { useEffect, useMemo, useState } from 'react';
import {
  CertificateSection,
  DeleteSection,
  OptionsHeader,
  OptionsNotice,
  OrganisationSection,
  PreferencesSection,
  ProfileList,
  SyncStatusCard,
  VerifySection,
} from '@/components/options';
import type { PersistView } from '@/components/popup';
import { t, type Lang } from '@/lib/i18n';
import {
  canSaveCertificate,
  canSavePreferences,
  checkPassed,
  deleteProfile,
  profileInput,
  saveProfileOnly,
  saveProfileWithCredentials,
  verifyProfile,
  type Send,
} from '@/lib/setup';
import { requestPersistentStorage, type PersistOutcome, type Store } from '@/lib/store';
import { useAction } from './useAction';
import { useEditor } from './useEditor';
import { useLocalCheck } from './useLocalCheck';
import { useProfiles } from './useProfiles';

export { DEFAULT_SIMULATOR_URL } from '@/lib/setup';
export { STATUS_REFRESH_MS } from './useProfiles';

export interface OptionsProps {
  store: Store;
  send: Send;
  /** Development builds may talk to the local simulator. */
  allowSimulator: boolean;
  initialProfileId?: string | null;
  lang: Lang;
  onLang: (lang: Lang) => void;
  now?: () => Date;
  newId?: () => string;
  /** Asks the browser for persistent storage; navigator.storage unless given. */
  requestPersistence?: () => Promise<PersistOutcome>;
}

export function App({ store, send, allowSimulator, initialProfileId, lang, onLang, now = () => new Date(), newId = () => crypto.randomUUID(),
  requestPersistence = () => requestPersistentStorage(navigator.storage) }: OptionsProps) {
  const { profiles, withCertificate, statuses, reload } = useProfiles(store, now);
  const editor = useEditor(store, now);
  const { draft, preferences, files, selectedId } = editor;
  const { check, checking } = useLocalCheck(files, editor.password, draft, now);
  const { busy, notice, setNotice, noticeRef, run } = useAction();
  const [ready, setReady] = useState(false);
  const [persist, setPersist] = useState<PersistView | undefined>(undefined);

  const select = async (id: string | null, keepNotice = false) => {
    await editor.select(id);
    if (!keepNotice) setNotice(null);
  };

  useEffect(() => {
    void reload().then((list) => {
      const wanted = list.find((p) => p.id === initialProfileId) ?? list[0];
      return select(wanted?.id ?? null);
    }).finally(() => setReady(true));
  }, [reload, editor.select, initialProfileId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    document.title = t(lang, 'options_title');
  }, [lang]);

  // On the click, never in the sync path (RELIABILITY §1.2: Firefox may leave the promise pending).
  function askPersistence() {
    setPersist('asking');
    void requestPersistence().then(setPersist, () => setPersist('unavailable'));
  }

  const selected = useMemo(() => profiles.find((p) => p.id === selectedId) ?? null, [profiles, selectedId]);
  const selectedStatus = statuses.find((s) => s.profileId === selectedId);
  const canSave = canSaveCertificate({ draft, preferences, checkPassed: checkPassed(check), busy: checking || busy !== null });
  const prefsSavable = canSavePreferences({ profileId: selectedId, draft, preferences, busy: busy !== null });

  const saveCertificate = () =>
    run('save', async () => {
      if (!checkPassed(check)) return;
      const id = selectedId ?? newId();
      await saveProfileWithCredentials(store, send, profileInput(id, draft, preferences, lang), check.credentials);
      await reload();
      await select(id, true);
      setNotice({ kind: 'ok', text: t(lang, 'options_saved_cert') });
    });

  const savePreferences = () =>
    run('prefs', async () => {
      if (!selectedId) return;
      await saveProfileOnly(store, send, profileInput(selectedId, draft, preferences, lang));
      await reload();
      setNotice({ kind: 'ok', text: t(lang, 'options_saved_prefs') });
    });

  const runVerify = () =>
    run('verify', async () => {
      if (!selectedId) return;
      editor.setReport(null);
      editor.setReport(await verifyProfile(send, selectedId));
      void editor.loadWarnings(selectedId);
    });

  const remove = () =>
    run('delete', async () => {
      if (!selected) return;
      const name = selected.name;
      await deleteProfile(send, selected.id);
      const list = await reload();
      await select(list[0]?.id ?? null, true);
      setNotice({ kind: 'info', text: t(lang, 'options_deleted', { name }) });
    });

  return (
    <main className="kp-options" data-ready={ready} aria-busy={!ready}>
      <OptionsHeader lang={lang} onLang={onLang} />
      <div className="kp-options-layout">
        <ProfileList lang={lang} profiles={profiles} withCertificate={withCertificate} selectedId={selectedId} statuses={statuses}
          onSelect={(id) => void select(id)} onAdd={() => void select(null)} />
        <div className="kp-options-main">
          <OptionsNotice lang={lang} notice={notice} ref={noticeRef} />
          {selected && (
            <SyncStatusCard lang={lang} onPersist={askPersistence} {...(persist ? { persist } : {})} {...(selectedStatus ? { status: selectedStatus } : {})} />
          )}
          <OrganisationSection lang={lang} savedName={selected?.name ?? null} draft={draft} onChange={editor.setDraft}
            allowSimulator={allowSimulator || draft.environment === 'simulator'} />
          <CertificateSection lang={lang} now={now()} saved={editor.saved} files={files} onFiles={editor.setFiles}
            password={editor.password} onPassword={editor.setPassword} check={check} checking={checking}
            canSave={canSave} saving={busy === 'save'} idle={busy === null} onSave={() => void saveCertificate()} />
          <VerifySection lang={lang} hasCertificate={!!editor.saved} running={busy === 'verify'} disabled={!editor.saved || busy !== null}
            report={editor.report} warnings={editor.warnings} onVerify={() => void runVerify()} />
          <PreferencesSection lang={lang} preferences={preferences} environment={draft.environment} onChange={editor.setPreferences}
            hasProfile={!!selectedId} canSave={prefsSavable} onSave={() => void savePreferences()} />
          {selected && <DeleteSection lang={lang} name={selected.name} busy={busy !== null} onConfirm={() => void remove()} />}
        </div>
      </div>
    </main>
  );
}
