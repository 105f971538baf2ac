// "Usuń certyfikat i dane" behind a modal confirmation (native <dialog>: focus moves in and Escape cancels).
import { useRef } from 'react';
import { t, type Lang } from '@/lib/i18n';

export function DeleteProfile({ lang, name, busy, onConfirm }: { lang: Lang; name: string; busy: boolean; onConfirm: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div className="kp-stack">
      <p className="kp-muted" style={{ margin: 0 }}>{t(lang, 'options_delete_intro')}</p>
      <div>
        <button type="button" className="kp-button kp-button--danger" disabled={busy} onClick={() => dialog.current?.showModal()}>
          {t(lang, 'options_delete')}
        </button>
      </div>
      <dialog ref={dialog} className="kp-dialog" aria-labelledby="kp-delete-title">
        <h2 id="kp-delete-title">{t(lang, 'options_delete_confirm_title', { name })}</h2>
        <p>{t(lang, 'options_delete_confirm_text')}</p>
        <div className="kp-row">
          <button type="button" className="kp-button kp-button--secondary" autoFocus onClick={() => dialog.current?.close()}>
            {t(lang, 'ui_cancel')}
          </button>
          <button type="button" className="kp-button kp-button--danger" onClick={() => {
            dialog.current?.close();
            onConfirm();
          }}>
            {t(lang, 'options_delete_confirm')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
