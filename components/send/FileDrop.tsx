// "Upuść tu pliki .xml albo [Wybierz pliki…]": a drop zone with a real file input behind a visible button, so
// the keyboard and screen readers reach the same choice as the mouse.
import { useRef, useState, type DragEvent } from 'react';
import { t, type Lang } from '@/lib/i18n';

export interface FileDropProps {
  lang: Lang;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}

export function FileDrop({ lang, disabled, onFiles }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = list ? [...list] : [];
    if (files.length > 0) onFiles(files);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer?.files);
  };
  return (
    <div
      className={`kp-send-drop${over ? ' kp-send-drop--over' : ''}`}
      data-testid="send-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span>{t(lang, 'sendui_drop')}</span>{' '}
      <button type="button" className="kp-button" disabled={disabled} onClick={() => input.current?.click()}>
        {t(lang, 'sendui_choose')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".xml,application/xml,text/xml"
        multiple
        hidden
        aria-label={t(lang, 'sendui_choose_label')}
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
