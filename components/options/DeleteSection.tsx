// Section 5: removing the organisation with its key, login and invoices (after a confirmation).
import { t, type Lang } from '@/lib/i18n';
import { DeleteProfile } from './DeleteProfile';

export function DeleteSection(props: { lang: Lang; name: string; busy: boolean; onConfirm: () => void }) {
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-delete">
      <h2 id="kp-delete">{t(props.lang, 'options_section_delete')}</h2>
      <DeleteProfile lang={props.lang} name={props.name} busy={props.busy} onConfirm={props.onConfirm} />
    </section>
  );
}
