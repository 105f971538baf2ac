// Section 1: the organisation, titled with its name once saved.
import { t, type Lang } from '@/lib/i18n';
import type { OrganisationDraft } from '@/lib/setup';
import { OrganisationFields } from './OrganisationFields';

export function OrganisationSection(props: {
  lang: Lang;
  savedName: string | null;
  draft: OrganisationDraft;
  onChange: (draft: OrganisationDraft) => void;
  allowSimulator: boolean;
}) {
  const { lang, savedName } = props;
  const title = t(lang, 'options_section_org');
  return (
    <section className="kp-card kp-stack" aria-labelledby="kp-org">
      <h2 id="kp-org">{savedName !== null ? `${title}: ${savedName}` : `${title} – ${t(lang, 'options_new_profile')}`}</h2>
      <OrganisationFields lang={lang} draft={props.draft} onChange={props.onChange} allowSimulator={props.allowSimulator} />
    </section>
  );
}
