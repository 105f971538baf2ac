// What the options page writes when the user saves. The page stores the profile and its credentials itself (a
// CryptoKey cannot travel in a message, lib/messages.ts), then tells the worker. Tokens earned with a replaced
// certificate, or for an edited NIP, environment or address, are the worker's to drop (it also ends their
// session at KSeF): lib/auth/login-context.ts, issue 10. So no save here touches tokens.
import type { Lang } from '../i18n';
import type { CertificateInfo } from '../pki';
import type { Preferences, ProfileInput, Store } from '../store';
import { validateNip } from '../domain/nip';
import type { OrganisationDraft } from './form-rules';
import { notifyProfileSaved, type Send } from './requests';

export interface Credentials {
  certificate: CertificateInfo;
  privateKey: CryptoKey;
}

/**
 * The profile as stored: the name trimmed, the NIP normalised (digits only), the address only for the
 * simulator, and the page language kept in the preferences as well (the worker writes notifications in it).
 */
export function profileInput(id: string, draft: OrganisationDraft, preferences: Preferences, lang: Lang): ProfileInput {
  const nip = validateNip(draft.nipInput);
  return {
    id,
    name: draft.name.trim(),
    nip: nip.ok ? nip.nip : '',
    environment: draft.environment,
    ...(draft.environment === 'simulator' ? { baseUrl: draft.baseUrl.trim() } : {}),
    preferences: { ...preferences, language: lang },
  };
}

/** Saves the profile and then its proven certificate and key; the worker reschedules and resyncs. */
export async function saveProfileWithCredentials(store: Store, send: Send, input: ProfileInput, credentials: Credentials): Promise<void> {
  // The profile first: credentials belong to an existing profile (lib/store credentials.ts requireProfile).
  await store.saveProfile(input);
  await store.saveCredentials(input.id, credentials);
  await notifyProfileSaved(send, input.id);
}

/** Saves the organisation and preferences of an existing profile; its certificate stays. */
export async function saveProfileOnly(store: Store, send: Send, input: ProfileInput): Promise<void> {
  await store.saveProfile(input);
  await notifyProfileSaved(send, input.id);
}
