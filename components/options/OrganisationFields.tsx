// Organisation name, NIP (checksum-checked as typed) and KSeF environment (the simulator only in development).
import { useId } from 'react';
import { t, type Lang } from '@/lib/i18n';
import { validateNip } from '@/lib/domain/nip';
import { nipErrorMessage } from '@/lib/pki/nip';
import { baseUrlValid, offeredEnvironments, type OrganisationDraft } from '@/lib/setup';
import type { Environment } from '@/lib/store';

export function OrganisationFields(props: {
  lang: Lang;
  draft: OrganisationDraft;
  onChange: (draft: OrganisationDraft) => void;
  allowSimulator: boolean;
}) {
  const { lang, draft, onChange } = props;
  const ids = { name: useId(), nip: useId(), nipMsg: useId(), env: useId(), url: useId(), urlMsg: useId(), nameMsg: useId() };
  const nip = draft.nipInput.trim() === '' ? null : validateNip(draft.nipInput);
  const environments = offeredEnvironments(props.allowSimulator);
  // Asked for once the user has moved on to the NIP, not while the form is still empty.
  const nameMissing = draft.name.trim() === '' && draft.nipInput.trim() !== '';
  const urlBad = draft.environment === 'simulator' && !baseUrlValid(draft.baseUrl);
  return (
    <div className="kp-stack">
      <div className="kp-field">
        <label htmlFor={ids.name}>{t(lang, 'options_org_name')}</label>
        <input id={ids.name} className="kp-input" value={draft.name} maxLength={512} autoComplete="organization"
          aria-describedby={ids.nameMsg} aria-invalid={nameMissing} onChange={(e) => onChange({ ...draft, name: e.currentTarget.value })} />
        <span id={ids.nameMsg} className={nameMissing ? 'kp-field-error' : 'kp-hint'}>
          {nameMissing ? t(lang, 'options_org_name_required') : t(lang, 'options_org_name_hint')}
        </span>
      </div>
      <div className="kp-field">
        <label htmlFor={ids.nip}>{t(lang, 'options_nip')}</label>
        <input id={ids.nip} className="kp-input" style={{ maxWidth: '14rem' }} inputMode="numeric" autoComplete="off" value={draft.nipInput}
          aria-invalid={nip !== null && !nip.ok} aria-describedby={ids.nipMsg}
          onChange={(e) => onChange({ ...draft, nipInput: e.currentTarget.value })} />
        <span id={ids.nipMsg} aria-live="polite" className={nip === null ? 'kp-hint' : nip.ok ? 'kp-field-ok' : 'kp-field-error'}>
          {nip === null ? t(lang, 'options_nip_hint') : nip.ok ? `✓ ${t(lang, 'options_nip_ok')}` : nipErrorMessage(lang, nip.code)}
        </span>
      </div>
      <div className="kp-field">
        <label htmlFor={ids.env}>{t(lang, 'options_environment')}</label>
        <select id={ids.env} className="kp-select" value={draft.environment}
          onChange={(e) => onChange({ ...draft, environment: e.currentTarget.value as Environment })}>
          {environments.map((env) => (
            <option key={env} value={env}>{t(lang, `options_env_${env}`)}</option>
          ))}
        </select>
      </div>
      {draft.environment === 'simulator' && (
        <div className="kp-field">
          <label htmlFor={ids.url}>{t(lang, 'options_base_url')}</label>
          <input id={ids.url} className="kp-input kp-mono" value={draft.baseUrl} aria-invalid={urlBad} aria-describedby={ids.urlMsg}
            onChange={(e) => onChange({ ...draft, baseUrl: e.currentTarget.value })} />
          {urlBad && <span id={ids.urlMsg} className="kp-field-error">{t(lang, 'options_base_url_invalid')}</span>}
        </div>
      )}
    </div>
  );
}
