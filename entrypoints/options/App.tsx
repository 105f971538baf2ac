// The options page: organisations, certificate set-up with local checks, verification, preferences, removal.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  CertificateCard,
  CertificateFiles,
  DeleteProfile,
  LocalChecks,
  OrganisationFields,
  PreferencesFields,
  ProfileList,
  VerifyReportView,
  baseUrlValid,
  checkLocally,
  intervalValid,
  type CardCertificate,
  type ChosenFiles,
  type LocalCheck,
  type OrganisationDraft,
} from '@/components/options';
import { LanguageSwitch, VerdictView } from '@/components/ui';
import { diagnose, type Verdict, type VerifyReport } from '@/lib/diagnostics';
import { t, type Lang } from '@/lib/i18n';
import { validateNip } from '@/lib/pki';
import { defaultPreferences, type Preferences, type Profile, type Store } from '@/lib/store';
import { deleteProfile, saveProfileOnly, saveProfileWithCredentials, verify, type Send } from './actions';

export const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:8787/v2';

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
}

type Notice = { kind: 'ok' | 'info'; text: string } | { kind: 'verdict'; verdict: Verdict };

const emptyDraft = (): OrganisationDraft => ({ name: '', nipInput: '', environment: 'production', baseUrl: DEFAULT_SIMULATOR_URL });

export function App({ store, send, allowSimulator, initialProfileId, lang, onLang, now = () => new Date(), newId = () => crypto.randomUUID() }: OptionsProps) {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [withCertificate, setWithCertificate] = useState<ReadonlySet<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<OrganisationDraft>(emptyDraft);
  const [preferences, setPreferences] = useState<Preferences>(() => defaultPreferences(now()));
  const [saved, setSaved] = useState<CardCertificate | null>(null);
  const [files, setFiles] = useState<ChosenFiles>({});
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<LocalCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState<'save' | 'prefs' | 'verify' | 'delete' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [ready, setReady] = useState(false);
  const checkSeq = useRef(0);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Outcomes appear above the form: bring them into view (and to screen readers) where the click was far below.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const reload = useCallback(async () => {
    const list = await store.listProfiles();
    const creds = await Promise.all(list.map(async (p) => ((await store.getCredentials(p.id)) ? p.id : null)));
    setProfiles(list);
    setWithCertificate(new Set(creds.filter((id): id is string => id !== null)));
    return list;
  }, [store]);

  const select = useCallback(async (id: string | null, keepNotice = false) => {
    const profile = id ? await store.getProfile(id) : undefined;
    const creds = profile ? await store.getCredentials(profile.id) : undefined;
    setSelectedId(profile?.id ?? null);
    setDraft(profile ? { name: profile.name, nipInput: profile.nip, environment: profile.environment, baseUrl: profile.baseUrl ?? DEFAULT_SIMULATOR_URL } : emptyDraft());
    setPreferences(profile?.preferences ?? defaultPreferences(now()));
    setSaved(creds ? creds.certificate : null);
    setFiles({});
    setPassword('');
    setCheck(null);
    setReport(null);
    if (!keepNotice) setNotice(null);
  }, [store]);

  useEffect(() => {
    void reload().then((list) => {
      const wanted = list.find((p) => p.id === initialProfileId) ?? list[0];
      return select(wanted?.id ?? null);
    }).finally(() => setReady(true));
  }, [reload, select, initialProfileId]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'options_title');
  }, [lang]);

  // Local checks at once (debounced while typing the password); a newer run makes older results moot.
  useEffect(() => {
    if (!files.certificate && !files.key && !files.p12) {
      checkSeq.current += 1; // a check still under way belongs to files no longer chosen
      setCheck(null);
      setChecking(false);
      return;
    }
    const seq = ++checkSeq.current;
    setChecking(true);
    const timer = setTimeout(() => {
      void checkLocally(files, password, { now: now(), nipInput: draft.nipInput, environment: draft.environment })
        .catch((error: unknown) => ({ info: null, credentials: null, verdicts: [diagnose(error)], need: null }) satisfies LocalCheck)
        .then((result) => {
          if (seq !== checkSeq.current) return;
          setCheck(result);
          setChecking(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [files, password, draft.nipInput, draft.environment]);

  const nip = validateNip(draft.nipInput);
  const orgValid = draft.name.trim() !== '' && nip.ok && (draft.environment !== 'simulator' || baseUrlValid(draft.baseUrl));
  const prefsValid = intervalValid(preferences.intervalMinutes, draft.environment);
  const localOk = !!check?.credentials && !check.verdicts.some((v) => v.severity === 'error');
  const canSave = orgValid && prefsValid && localOk && !checking && busy === null;
  const selected = useMemo(() => profiles.find((p) => p.id === selectedId) ?? null, [profiles, selectedId]);

  const fields = (id: string) => ({
    id,
    name: draft.name,
    nip: nip.ok ? nip.nip : '',
    environment: draft.environment,
    baseUrl: draft.baseUrl,
    preferences: { ...preferences, language: lang },
  });

  async function run(kind: NonNullable<typeof busy>, action: () => Promise<void>) {
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

  const saveCertificate = () =>
    run('save', async () => {
      if (!check?.credentials) return;
      const id = selectedId ?? newId();
      await saveProfileWithCredentials(store, send, fields(id), check.credentials);
      await reload();
      await select(id, true);
      setNotice({ kind: 'ok', text: t(lang, 'options_saved_cert') });
    });

  const savePreferences = () =>
    run('prefs', async () => {
      if (!selectedId) return;
      await saveProfileOnly(store, send, fields(selectedId));
      await reload();
      setNotice({ kind: 'ok', text: t(lang, 'options_saved_prefs') });
    });

  const runVerify = () =>
    run('verify', async () => {
      if (!selectedId) return;
      setReport(null);
      setReport(await verify(send, selectedId));
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

  const hasFiles = !!(files.certificate || files.key || files.p12);
  return (
    <main className="kp-options" data-ready={ready} aria-busy={!ready}>
      <header className="kp-options-header">
        <div>
          <h1>{t(lang, 'options_title')}</h1>
          <p className="kp-muted" style={{ margin: 0, maxWidth: '46rem' }}>{t(lang, 'options_intro')}</p>
        </div>
        <LanguageSwitch lang={lang} onChange={onLang} />
      </header>
      <div className="kp-options-layout">
        <ProfileList lang={lang} profiles={profiles} withCertificate={withCertificate} selectedId={selectedId}
          onSelect={(id) => void select(id)} onAdd={() => void select(null)} />
        <div className="kp-options-main">
          <div aria-live="polite" data-testid="notice" className="kp-options-notice" ref={noticeRef} tabIndex={-1}>
            {notice?.kind === 'verdict' && <VerdictView verdict={notice.verdict} lang={lang} />}
            {notice && notice.kind !== 'verdict' && <div className={`kp-alert kp-alert--${notice.kind}`} role="status">{notice.text}</div>}
          </div>
          <section className="kp-card kp-stack" aria-labelledby="kp-org">
            <h2 id="kp-org">{selected ? `${t(lang, 'options_section_org')}: ${selected.name}` : `${t(lang, 'options_section_org')} – ${t(lang, 'options_new_profile')}`}</h2>
            <OrganisationFields lang={lang} draft={draft} onChange={setDraft} allowSimulator={allowSimulator || draft.environment === 'simulator'} />
          </section>
          <section className="kp-card kp-stack" aria-labelledby="kp-cert">
            <h2 id="kp-cert">{t(lang, 'options_section_cert')}</h2>
            {saved && !hasFiles && (
              <>
                <CertificateCard lang={lang} info={saved} title={t(lang, 'options_card_saved_title')} now={now()} />
                <p className="kp-hint" style={{ margin: 0 }}>{t(lang, 'options_replace_cert')}</p>
              </>
            )}
            <p style={{ margin: 0 }}>{t(lang, 'options_cert_intro')}</p>
            <CertificateFiles lang={lang} files={files} onFiles={setFiles} password={password} onPassword={setPassword} />
            {check?.info && <CertificateCard lang={lang} info={check.info} title={t(lang, 'options_card_title')} now={now()} />}
            <LocalChecks lang={lang} check={check} running={checking} />
            {check?.verdicts.some((v) => v.code === 'FILES_SWAPPED') && files.certificate && files.key && (
              <div>
                <button type="button" className="kp-button kp-button--secondary"
                  onClick={() => setFiles({ certificate: files.key, key: files.certificate })}>
                  {t(lang, 'options_swap_files')}
                </button>
              </div>
            )}
            <div className="kp-alert kp-alert--info">
              <h3>{t(lang, 'options_key_note_title')}</h3>
              <p>{t(lang, 'options_key_note')}</p>
            </div>
            <div className="kp-row">
              <button type="button" className="kp-button" disabled={!canSave} onClick={() => void saveCertificate()}>
                {busy === 'save' ? t(lang, 'options_saving') : t(lang, 'options_save_cert')}
              </button>
              {!canSave && busy === null && hasFiles && !checking && <span className="kp-hint">{t(lang, 'options_save_cert_blocked')}</span>}
            </div>
          </section>
          <section className="kp-card kp-stack" aria-labelledby="kp-verify" aria-busy={busy === 'verify'}>
            <h2 id="kp-verify">{t(lang, 'options_section_verify')}</h2>
            <p style={{ margin: 0 }}>{t(lang, 'options_verify_intro')}</p>
            <div className="kp-row">
              <button type="button" className="kp-button" disabled={!saved || busy !== null} onClick={() => void runVerify()}>
                {t(lang, 'options_verify')}
              </button>
              {!saved && <span className="kp-hint">{t(lang, 'options_verify_need_cert')}</span>}
              {busy === 'verify' && <span role="status">{t(lang, 'options_verify_running')}</span>}
            </div>
            {report && <VerifyReportView lang={lang} report={report} />}
          </section>
          <section className="kp-card kp-stack" aria-labelledby="kp-prefs">
            <h2 id="kp-prefs">{t(lang, 'options_section_prefs')}</h2>
            <PreferencesFields lang={lang} preferences={preferences} environment={draft.environment} onChange={setPreferences} />
            <div className="kp-row">
              <button type="button" className="kp-button kp-button--secondary" disabled={!selectedId || !orgValid || !prefsValid || busy !== null}
                onClick={() => void savePreferences()}>
                {t(lang, 'options_save_prefs')}
              </button>
              {!selectedId && <span className="kp-hint">{t(lang, 'options_prefs_need_profile')}</span>}
            </div>
          </section>
          {selected && (
            <section className="kp-card kp-stack" aria-labelledby="kp-delete">
              <h2 id="kp-delete">{t(lang, 'options_section_delete')}</h2>
              <DeleteProfile lang={lang} name={selected.name} busy={busy !== null} onConfirm={() => void remove()} />
            </section>
          )}
        </div>
      </div>
    </main>
  );
}
