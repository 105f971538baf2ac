// The certificate step (and, once set up, the "Wymień certyfikat" fold): the saved certificate, the file pickers
// and password, the local checks with their fixes, what comes before the save (the first-sync day on set-up),
// and "Zapisz certyfikat". What may be saved is decided in lib/setup; this renders it.
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { filesSwapped, hasFiles, type ChosenFiles, type LocalCheck } from '@/lib/setup';
import { CertificateCard, type CardCertificate } from './CertificateCard';
import { CertificateFiles } from './CertificateFiles';
import { LocalChecks } from './LocalChecks';

export interface CertificateSectionProps {
  lang: Lang;
  now: Date;
  saved: CardCertificate | null;
  files: ChosenFiles;
  onFiles: Dispatch<SetStateAction<ChosenFiles>>;
  password: string;
  onPassword: (password: string) => void;
  check: LocalCheck | null;
  checking: boolean;
  canSave: boolean;
  saving: boolean;
  /** Nothing else is running: a blocked save may say why. */
  idle: boolean;
  onSave: () => void;
  /** Shown right above the save button (the first-sync day: seen before the first sync starts). */
  beforeSave?: ReactNode;
  /** Inside the "Wymień certyfikat" fold: no card of its own, no heading. */
  folded?: boolean;
}

export function CertificateSection(p: CertificateSectionProps) {
  const { lang, files, check } = p;
  const chosen = hasFiles(files);
  return (
    <section className={p.folded ? 'kp-stack' : 'kp-card kp-stack'} aria-labelledby={p.folded ? undefined : 'kp-cert'} aria-label={p.folded ? t(lang, 'options_replace_title') : undefined}>
      {!p.folded && <h2 id="kp-cert">{t(lang, 'options_step_certificate')}</h2>}
      {p.saved && !chosen && (
        <>
          <CertificateCard lang={lang} info={p.saved} title={t(lang, 'options_card_saved_title')} now={p.now} />
          <p className="kp-hint" style={{ margin: 0 }}>{t(lang, 'options_replace_cert')}</p>
        </>
      )}
      <p style={{ margin: 0 }}>{t(lang, 'options_cert_intro')}</p>
      <CertificateFiles lang={lang} files={files} onFiles={p.onFiles} password={p.password} onPassword={p.onPassword} />
      {check?.info && <CertificateCard lang={lang} info={check.info} title={t(lang, 'options_card_title')} now={p.now} />}
      <LocalChecks lang={lang} check={check} running={p.checking} />
      {filesSwapped(check, files) && (
        <div>
          <button type="button" className="kp-button kp-button--secondary" onClick={() => p.onFiles({ certificate: files.key, key: files.certificate })}>
            {t(lang, 'options_swap_files')}
          </button>
        </div>
      )}
      <div className="kp-alert kp-alert--info">
        <h3>{t(lang, 'options_key_note_title')}</h3>
        <p>{t(lang, 'options_key_note')}</p>
      </div>
      {p.beforeSave}
      <div className="kp-row">
        <button type="button" className="kp-button" disabled={!p.canSave} onClick={p.onSave}>
          {p.saving ? t(lang, 'options_saving') : t(lang, 'options_save_cert')}
        </button>
        {!p.canSave && p.idle && chosen && !p.checking && <span className="kp-hint">{t(lang, 'options_save_cert_blocked')}</span>}
      </div>
    </section>
  );
}
