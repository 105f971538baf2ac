// What the unlock page and the lock setting show about a profile's custody, computed from the store (pages read
// the store; DESIGN.md): which custody, whether the sync waits for the password, the wrong tries so far.
import { t, type Lang } from '../i18n/shared';
import type { Custody, Store } from '../store';
import { MANY_WRONG_PASSWORDS } from './locked-errors';

export interface CustodyView {
  profileId: string;
  name: string;
  nip: string;
  /** Undefined: the profile has no certificate yet. */
  custody?: Custody;
  waiting: boolean;
  failedUnlocks: number;
  /** Enough wrong tries that the page also says how to start over with the files. */
  manyWrong: boolean;
}

export async function custodyView(store: Pick<Store, 'getProfile' | 'getCredentials'>, profileId: string): Promise<CustodyView | undefined> {
  const [profile, credentials] = await Promise.all([store.getProfile(profileId), store.getCredentials(profileId)]);
  if (!profile) return undefined;
  const failedUnlocks = credentials?.failedUnlocks ?? 0;
  return {
    profileId,
    name: profile.name,
    nip: profile.nip,
    ...(credentials ? { custody: credentials.custody } : {}),
    waiting: credentials?.custody === 'locked' && credentials.unlockRequestedAt !== undefined,
    failedUnlocks,
    manyWrong: failedUnlocks >= MANY_WRONG_PASSWORDS,
  };
}

/** The unlock page of a profile (the worker's notification and the options page link there). */
export function unlockPageUrl(profileId: string): string {
  return `unlock.html?profile=${encodeURIComponent(profileId)}`;
}

/** A failure in the page language: coded errors carry both languages; anything else is "unexpected". */
export function failureText(error: unknown, lang: Lang): string {
  const e = error as { code?: unknown; message?: unknown; messageEn?: unknown } | null;
  if (typeof e?.code !== 'string' && typeof e?.code !== 'number') return t(lang, 'msg_error_UNEXPECTED');
  if (lang === 'en' && typeof e.messageEn === 'string') return e.messageEn;
  return typeof e.message === 'string' ? e.message : t(lang, 'msg_error_UNEXPECTED');
}
