// The organisation step: name, NIP and environment, saved on their own ("Zapisz i przejdź dalej"), before any
// certificate (review B10). A new organisation is titled once, not "Organizacja – Nowa organizacja" (B17).
import type { ReactNode } from 'react';
import { t, type Lang } from '@/lib/i18n';
import type { OrganisationDraft } from '@/lib/setup';
import { OrganisationFields } from './OrganisationFields';

export function OrganisationSection(props: {
  lang: Lang;
  savedName: string | null;
  draft: OrganisationDraft;
  onChange: (draft: OrganisationDraft) => void;
  allowSimulator: boolean;
  /** The step's button. */
  children?: ReactNode;
}) {
  const { lang, savedName } = props;
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-org">
      <h2 id="kp-org">{savedName ?? t(lang, 'options_new_profile')}</h2>
      <OrganisationFields lang={lang} draft={props.draft} onChange={props.onChange} allowSimulator={props.allowSimulator} />
      {props.children}
    </section>
  );
}
