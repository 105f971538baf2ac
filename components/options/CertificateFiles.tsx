// The certificate and key pickers (or one .p12), drag and drop, and the password with show/hide.
import { useId, useState, type Dispatch, type DragEvent, type SetStateAction } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { classifyFile, type ChosenFiles } from '@/lib/setup';

export interface CertificateFilesProps {
  lang: Lang;
  files: ChosenFiles;
  /** A state setter: picks land as functional updates, so two picks in quick succession both stay (review B11). */
  onFiles: Dispatch<SetStateAction<ChosenFiles>>;
  password: string;
  onPassword: (password: string) => void;
}

async function readFile(file: File): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function FilePicker(props: { lang: Lang; label: string; accept: string; chosen?: { name: string }; onPick: (file: File) => void; name: string }) {
  const id = useId();
  const labelId = useId();
  const statusId = useId();
  // The native control's own words ("Choose File", "No file chosen") follow the browser's language, not
  // the page's, so it is hidden (still focusable) behind a button-like label in the page's language.
  return (
    <div className="kp-field kp-file">
      <span id={labelId} className="kp-label">{props.label}</span>
      <input id={id} name={props.name} type="file" accept={props.accept} className="kp-visually-hidden"
        aria-labelledby={labelId} aria-describedby={statusId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) props.onPick(file);
          e.currentTarget.value = '';
        }} />
      <label htmlFor={id} className="kp-button kp-button--secondary" aria-hidden="true">{t(props.lang, 'options_choose_file')}</label>
      <span id={statusId} className="kp-hint kp-mono-name" aria-live="polite">
        {props.chosen ? t(props.lang, 'options_file_chosen', { name: props.chosen.name }) : t(props.lang, 'options_file_none')}
      </span>
    </div>
  );
}

export function CertificateFiles({ lang, files, onFiles, password, onPassword }: CertificateFilesProps) {
  const [dragging, setDragging] = useState(false);
  const [shown, setShown] = useState(false);
  const passwordId = useId();
  const hintId = useId();

  const pick = (slot: keyof ChosenFiles) => async (file: File) => {
    const chosen = await readFile(file);
    // A .p12 replaces the pair, and the pair replaces a .p12: one or the other is used. Applied to the files as
    // they are when the read ends, not as they were when it began: another pick may have landed meanwhile.
    onFiles((current) => (slot === 'p12' ? { p12: chosen } : { ...current, p12: undefined, [slot]: chosen }));
  };

  const drop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const read = await Promise.all(Array.from(event.dataTransfer.files).slice(0, 3).map(readFile));
    onFiles((current) =>
      read.reduce<ChosenFiles>((next, chosen) => {
        const slot = classifyFile(chosen.name, chosen.bytes);
        return slot === 'p12' ? { p12: chosen } : { ...next, p12: undefined, [slot]: chosen };
      }, current),
    );
  };

  return (
    <div className="kp-stack">
      <div
        className={`kp-dropzone kp-stack ${dragging ? 'kp-dropzone--active' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void drop(e)}
      >
        <p className="kp-hint" style={{ margin: 0 }}>{t(lang, 'options_drop')}</p>
        <div className="kp-options-files">
          <FilePicker lang={lang} name="certificate" label={t(lang, 'options_cert_file')} accept=".crt,.cer,.pem,.der" chosen={files.certificate} onPick={(f) => void pick('certificate')(f)} />
          <FilePicker lang={lang} name="key" label={t(lang, 'options_key_file')} accept=".key,.pem,.der" chosen={files.key} onPick={(f) => void pick('key')(f)} />
          <FilePicker lang={lang} name="p12" label={t(lang, 'options_p12_file')} accept=".p12,.pfx" chosen={files.p12} onPick={(f) => void pick('p12')(f)} />
        </div>
        {(files.certificate || files.key || files.p12) && (
          <div>
            <button type="button" className="kp-button kp-button--secondary" onClick={() => onFiles({})}>
              {t(lang, 'options_clear_files')}
            </button>
          </div>
        )}
      </div>
      <div className="kp-field">
        <label htmlFor={passwordId}>{t(lang, 'options_password')}</label>
        <div className="kp-row">
          <input
            id={passwordId}
            className="kp-input"
            style={{ maxWidth: '22rem', flex: '1 1 12rem' }}
            type={shown ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            value={password}
            onChange={(e) => onPassword(e.currentTarget.value)}
          />
          <button type="button" className="kp-button kp-button--secondary" aria-pressed={shown} aria-controls={passwordId} onClick={() => setShown(!shown)}>
            {shown ? t(lang, 'options_password_hide') : t(lang, 'options_password_show')}
          </button>
        </div>
        <span id={hintId} className="kp-hint">{t(lang, 'options_password_hint')}</span>
      </div>
    </div>
  );
}
