// The hand-off from the Aplikacja Podatnika helper (issue 13; SEAMS): `options.html?setup=certificate&env=…&nip=…`.
// Once the profiles are loaded, it opens the organisation the hand-off names (same environment and NIP, or the
// one organisation of that environment still without a certificate), which the guided flow shows at its
// certificate step; otherwise it starts a new organisation with the environment chosen and the NIP filled in.
import { useEffect, useRef } from 'react';
import { parseHandoff, type Handoff } from '@/lib/ap-helper/handoff';
import type { OrganisationDraft } from '@/lib/setup';
import type { Profile } from '@/lib/store';

export interface HandoffWiring {
  /** The page's first load (profiles read, initial selection made) is done. */
  ready: boolean;
  profiles: readonly Profile[];
  withCertificate: ReadonlySet<string>;
  select: (id: string | null) => Promise<void>;
  setDraft: (update: (draft: OrganisationDraft) => OrganisationDraft) => void;
  search?: string;
}

/** The organisation a hand-off continues, if one exists. */
export function handoffTarget(handoff: Handoff, profiles: readonly Profile[], withCertificate: ReadonlySet<string>): Profile | undefined {
  const inEnvironment = profiles.filter((p) => p.environment === handoff.environment);
  if (handoff.nip) return inEnvironment.find((p) => p.nip === handoff.nip);
  const waiting = inEnvironment.filter((p) => !withCertificate.has(p.id));
  return waiting.length === 1 ? waiting[0] : undefined;
}

export function useHandoff({ ready, profiles, withCertificate, select, setDraft, search = location.search }: HandoffWiring): Handoff | null {
  const handoff = useRef(parseHandoff(search)).current;
  const applied = useRef(false);
  useEffect(() => {
    if (!ready || !handoff || applied.current) return;
    applied.current = true;
    const target = handoffTarget(handoff, profiles, withCertificate);
    if (target) {
      void select(target.id);
      return;
    }
    void select(null).then(() => setDraft((draft) => ({ ...draft, environment: handoff.environment, nipInput: handoff.nip ?? draft.nipInput })));
  }, [ready]); // eslint-disable-line react-hooks/exhaustive-deps -- once, after the first load
  return handoff;
}
