// The options page as a guided set-up (issue 16): organisation → certificate (with the first-sync day, seen
// before the first sync starts) → check in KSeF → done. Once done: the organisation's state, its invoices,
// the pin hint, older invoices, and the settings folded away. `view=log` shows the activity log instead.
// Composition only: lib/setup decides the step and what may be saved, the hooks beside this file hold the
// state, components/options render.
import { useEffect, useMemo, useState } from 'react';
import {
  CertificateSection,
  DeleteSection,
  DonePanel,
  FirstSyncDate,
  OlderInvoices,
  OptionsHeader,
  OptionsNotice,
  OrganisationFields,
  OrganisationSection,
  PreferencesFields,
  ProfileList,
  SetupStepper,
  SyncStatusCard,
  VerifySection,
} from '@/components/options';
import type { PersistView } from '@/components/popup';
import { NoCertificateLink } from '@/components/ap-helper/NoCertificateLink';
import { CustodyPanel } from '@/components/custody';
import { t, type Lang } from '@/lib/i18n';
import {
  canSaveCertificate,
  canSaveOrganisation,
  canSavePreferences,
  checkPassed,
  deleteProfile,
  fetchOlderInvoices,
  monthBefore,
  profileInput,
  saveProfileOnly,
  saveProfileWithCredentials,
  setupStep,
  verifyProfile,
  type Send,
} from '@/lib/setup';
import { requestPersistentStorage, type PersistOutcome, type Store } from '@/lib/store';
import { LogPage } from './LogPage';
import { useAction } from './useAction';
import { useEditor } from './useEditor';
import { useHandoff } from './useHandoff';
import { useLocalCheck } from './useLocalCheck';
import { useProfiles } from './useProfiles';
import { useSetupFacts } from './useSetupFacts';

export { DEFAULT_SIMULATOR_URL } from '@/lib/setup';
export { STATUS_REFRESH_MS } from './useProfiles';

export interface OptionsProps {
  store: Store;
  send: Send;
  /** Development builds may talk to the local simulator. */
  allowSimulator: boolean;
  initialProfileId?: string | null;
  /** `log`: the selected organisation's activity log (options.html?profile=<id>&view=log). */
  initialView?: string | null;
  lang: Lang;
  onLang: (lang: Lang) => void;
  now?: () => Date;
  newId?: () => string;
  /** Asks the browser for persistent storage; navigator.storage unless given. */
  requestPersistence?: () => Promise<PersistOutcome>;
}

export function App({ store, send, allowSimulator, initialProfileId, initialView, lang, onLang, now = () => new Date(), newId = () => crypto.randomUUID(),
  requestPersistence = () => requestPersistentStorage(navigator.storage) }: OptionsProps) {
  const { profiles, withCertificate, statuses, reload } = useProfiles(store, now);
  const editor = useEditor(store, now);
  const { draft, preferences, files, selectedId } = editor;
  const { check, checking } = useLocalCheck(files, editor.password, draft, now);
  const { busy, notice, setNotice, noticeRef, run } = useAction();
  const [ready, setReady] = useState(false);
  const [persist, setPersist] = useState<PersistView | undefined>(undefined);
  const [older, setOlder] = useState<{ stored: number; from: string } | null>(null);
  const hasCertificate = !!editor.saved;
  const { facts, reloadFacts } = useSetupFacts(store, selectedId, hasCertificate);
  const waitingForFirstSync = hasCertificate && !facts?.firstSyncDone;

  const select = async (id: string | null, keepNotice = false) => {
    await editor.select(id);
    setOlder(null);
    if (!keepNotice) setNotice(null);
  };

  useEffect(() => {
    void reload().then((list) => {
      const wanted = list.find((p) => p.id === initialProfileId) ?? list[0];
      return select(wanted?.id ?? null);
    }).finally(() => setReady(true));
  }, [reload, editor.select, initialProfileId]); // eslint-disable-line react-hooks/exhaustive-deps
  // AP helper hand-off (issue 13): options.html?setup=certificate&env=…&nip=… opens that organisation's certificate step.
  useHandoff({ ready, profiles, withCertificate, select, setDraft: editor.setDraft });

  useEffect(() => {
    document.title = t(lang, 'options_title');
  }, [lang]);

  // The status card and the list follow the first sync as the facts see it, not 15 s later.
  useEffect(() => {
    if (facts) void reload();
  }, [facts?.syncedOk, facts?.firstSyncDone, facts?.newCount]); // eslint-disable-line react-hooks/exhaustive-deps

  // On the click, never in the sync path (RELIABILITY §1.2: Firefox may leave the promise pending).
  function askPersistence() {
    setPersist('asking');
    void requestPersistence().then(setPersist, () => setPersist('unavailable'));
  }

  const selected = useMemo(() => profiles.find((p) => p.id === selectedId) ?? null, [profiles, selectedId]);
  const selectedStatus = statuses.find((s) => s.profileId === selectedId);
  const step = setupStep({ saved: selected !== null, hasCertificate, verifiedOk: !!editor.report?.ok, verifyFailed: editor.report ? !editor.report.ok : false, syncedOk: !!facts?.syncedOk });
  const canSave = canSaveCertificate({ draft, preferences, checkPassed: checkPassed(check), busy: checking || busy !== null });
  const prefsSavable = canSavePreferences({ profileId: selectedId, draft, preferences, busy: busy !== null });
  const logUrl = selectedId ? `options.html?profile=${encodeURIComponent(selectedId)}&view=log` : undefined;

  const saveOrganisation = () =>
    run('org', async () => {
      const id = newId();
      await saveProfileOnly(store, send, profileInput(id, draft, preferences, lang));
      await reload();
      await select(id, true);
      setNotice({ kind: 'ok', text: t(lang, 'options_org_saved') });
    });

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

  const fetchOlder = (from: string) =>
    run('older', async () => {
      if (!selectedId) return;
      setOlder(null);
      const result = await fetchOlderInvoices(send, selectedId, from);
      await editor.select(selectedId);
      await reload();
      void reloadFacts();
      setOlder(result);
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

  if (initialView === 'log' && selected) {
    return (
      <main className="kp-options" data-ready={ready} aria-busy={!ready}>
        <OptionsHeader lang={lang} onLang={onLang} />
        <LogPage store={store} lang={lang} profileId={selected.id} name={selected.name} />
      </main>
    );
  }

  const certificate = (folded: boolean) => (
    <CertificateSection lang={lang} now={now()} saved={editor.saved} files={files} onFiles={editor.setFiles}
      password={editor.password} onPassword={editor.setPassword} check={check} checking={checking}
      canSave={canSave} saving={busy === 'save'} idle={busy === null} onSave={() => void saveCertificate()} folded={folded}
      beforeSave={folded ? undefined : (
        <FirstSyncDate lang={lang} day={preferences.firstSyncFrom} onChange={(day) => editor.setPreferences({ ...preferences, firstSyncFrom: day })} />
      )} />
  );
  const verify = (
    <VerifySection lang={lang} hasCertificate={hasCertificate} running={busy === 'verify'} disabled={!hasCertificate || busy !== null}
      report={editor.report} warnings={editor.warnings} onVerify={() => void runVerify()} {...(logUrl ? { logUrl } : {})}
      {...(step === 'verify' ? { intro: t(lang, 'options_step_verify_intro') } : {})} />
  );

  return (
    <main className="kp-options" data-ready={ready} aria-busy={!ready}>
      <OptionsHeader lang={lang} onLang={onLang} />
      <div className="kp-options-layout">
        <ProfileList lang={lang} profiles={profiles} withCertificate={withCertificate} selectedId={selectedId} statuses={statuses}
          onSelect={(id) => void select(id)} onAdd={() => void select(null)} />
        <div className="kp-options-main" data-step={step}>
          <SetupStepper lang={lang} current={step} />
          <OptionsNotice lang={lang} notice={notice} ref={noticeRef} />
          {step === 'organisation' && (
            <OrganisationSection lang={lang} savedName={null} draft={draft} onChange={editor.setDraft}
              allowSimulator={allowSimulator || draft.environment === 'simulator'}>
              <div>
                <button type="button" className="kp-button" disabled={!canSaveOrganisation(draft, busy !== null)} onClick={() => void saveOrganisation()}>
                  {t(lang, 'options_org_next')}
                </button>
              </div>
            </OrganisationSection>
          )}
          {step === 'certificate' && certificate(false)}
          {(step === 'organisation' || step === 'certificate') && <NoCertificateLink lang={lang} environment={draft.environment} />}
          {step === 'verify' && verify}
          {step === 'done' && selected && (
            <DonePanel lang={lang} name={selected.name} newCount={facts?.newCount ?? 0} firstSyncDone={!waitingForFirstSync}
              since={selected.preferences.firstSyncFrom} inboxUrl="inbox.html" logUrl={logUrl ?? 'options.html'} />
          )}
          {step === 'done' && selected && (
            <SyncStatusCard lang={lang} onPersist={askPersistence} {...(persist ? { persist } : {})} {...(selectedStatus ? { status: selectedStatus } : {})} />
          )}
          {step === 'done' && verify}
          {step === 'done' && selected && (
            <OlderInvoices key={`${selected.id}|${selected.preferences.firstSyncFrom}`} lang={lang} since={selected.preferences.firstSyncFrom}
              suggested={monthBefore(selected.preferences.firstSyncFrom)} busy={busy !== null} running={busy === 'older'} result={older} onFetch={(from) => void fetchOlder(from)} />
          )}
          {(step === 'verify' || step === 'done') && (
            <details className="kp-card kp-options-fold" data-testid="replace-certificate">
              <summary><h2>{t(lang, 'options_replace_title')}</h2></summary>
              {certificate(true)}
            </details>
          )}
          {selected && (
            <details className="kp-card kp-options-fold" data-testid="settings">
              <summary><h2>{t(lang, 'options_settings_title')}</h2></summary>
              <div className="kp-stack">
                <OrganisationFields lang={lang} draft={draft} onChange={editor.setDraft} allowSimulator={allowSimulator || draft.environment === 'simulator'} />
                <PreferencesFields lang={lang} preferences={preferences} environment={draft.environment} onChange={editor.setPreferences} showFirstSync={false} />
                <div className="kp-row">
                  <button type="button" className="kp-button" disabled={!prefsSavable} onClick={() => void savePreferences()}>
                    {t(lang, 'options_save_prefs')}
                  </button>
                </div>
                {hasCertificate && <CustodyPanel store={store} send={send} profileId={selected.id} lang={lang} now={now} />}
                <DeleteSection lang={lang} name={selected.name} busy={busy !== null} onConfirm={() => void remove()} />
              </div>
            </details>
          )}
        </div>
      </div>
    </main>
  );
}
