// What the options page writes. The page stores the profile and its credentials itself (a CryptoKey cannot
// travel in a message, lib/messages.ts), then tells the worker; deleting and verifying go through the worker.
import type { VerifyReport } from '@/lib/diagnostics';
import { sendRequest, type Request } from '@/lib/messages';
import type { CertificateInfo } from '@/lib/pki';
import type { Environment, Preferences, Store } from '@/lib/store';

export type Send = (message: Request) => Promise<unknown>;

export interface ProfileFields {
  id: string;
  name: string;
  nip: string;
  environment: Environment;
  baseUrl: string;
  preferences: Preferences;
}

function profileInput(fields: ProfileFields) {
  const { baseUrl, ...rest } = fields;
  return { ...rest, name: rest.name.trim(), ...(fields.environment === 'simulator' ? { baseUrl: baseUrl.trim() } : {}) };
}

/** Tells the worker to reschedule and resync. The store already holds the change, so a worker that is not
 * listening yet picks it up on its next run; the page does not fail the save over it. */
async function notify(send: Send, profileId: string): Promise<void> {
  await sendRequest({ type: 'profileSaved', profileId }, send).catch(() => undefined);
}

export async function saveProfileWithCredentials(
  store: Store,
  send: Send,
  fields: ProfileFields,
  credentials: { certificate: CertificateInfo; privateKey: CryptoKey },
): Promise<void> {
  await store.saveProfile(profileInput(fields));
  const previous = await store.getCredentials(fields.id);
  await store.saveCredentials(fields.id, credentials);
  // A login earned with another certificate must not outlive it.
  if (previous && previous.certificate.fingerprintSha256 !== credentials.certificate.fingerprintSha256) {
    await store.clearTokens(fields.id);
  }
  await notify(send, fields.id);
}

export async function saveProfileOnly(store: Store, send: Send, fields: ProfileFields): Promise<void> {
  await store.saveProfile(profileInput(fields));
  await notify(send, fields.id);
}

export function verify(send: Send, profileId: string): Promise<VerifyReport> {
  return sendRequest<VerifyReport>({ type: 'verifyProfile', profileId }, send);
}

export async function deleteProfile(send: Send, profileId: string): Promise<void> {
  await sendRequest({ type: 'deleteProfile', profileId }, send);
}
