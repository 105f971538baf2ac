// The organisations kept in this browser, each with its sync state in a word: switch between them, or start a
// new one.
import { t, type Lang } from '@/lib/i18n';
import type { Profile } from '@/lib/store';
import type { ProfileStatus } from '@/lib/views';

function stateWord(status: ProfileStatus | undefined, lang: Lang): string | null {
  if (!status) return null;
  const title = lang === 'en' ? status.problem?.titleEn : status.problem?.title;
  if (title) return title;
  return t(lang, status.state === 'ok' && !status.lastSyncAt ? 'popup_state_waiting' : `popup_state_${status.state}`);
}

export function ProfileList(props: {
  lang: Lang;
  profiles: Profile[];
  withCertificate: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onAdd: () => void;
  /** Each profile's sync state (lib/worker listProfileStatuses). */
  statuses?: readonly ProfileStatus[];
}) {
  const { lang } = props;
  return (
    <nav className="kp-card kp-stack" aria-labelledby="kp-profiles-title">
      <h2 id="kp-profiles-title" style={{ fontSize: '1.1rem' }}>{t(lang, 'options_profiles')}</h2>
      {props.profiles.length === 0 && <p className="kp-muted" style={{ margin: 0 }}>{t(lang, 'options_profiles_empty')}</p>}
      <ul className="kp-stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 6 }}>
        {props.profiles.map((profile) => {
          const current = profile.id === props.selectedId;
          const status = props.statuses?.find((s) => s.profileId === profile.id);
          const word = stateWord(status, lang);
          return (
            <li key={profile.id}>
              <button type="button" className={`kp-options-profile ${current ? 'kp-options-profile--current' : ''}`}
                aria-current={current ? 'true' : undefined} onClick={() => props.onSelect(profile.id)}>
                <span className="kp-options-profile-name">{profile.name}</span>
                <span className="kp-hint">
                  NIP {profile.nip} · {props.withCertificate.has(profile.id) ? t(lang, 'options_profile_has_cert') : t(lang, 'options_profile_no_cert')}
                </span>
                {word ? (
                  <span className="kp-hint" data-state={status?.state} data-code={status?.problem?.code}>
                    {t(lang, 'options_profile_state', { state: word })}
                    {status?.skipped ? ` · ${lang === 'en' ? status.skipped.titleEn : status.skipped.title}` : ''}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <div>
        <button type="button" className="kp-button kp-button--secondary" onClick={props.onAdd} aria-pressed={props.selectedId === null}>
          + {t(lang, 'options_add_profile')}
        </button>
      </div>
    </nav>
  );
}
