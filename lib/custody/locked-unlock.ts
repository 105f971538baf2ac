// The unlock page's work (issue 14 point 3): unseal the key into memory, log in to KSeF with it through lib/auth
// exactly as the worker would (same client, same token store and owner check), write the tokens, drop the key,
// then tell the worker `profileUnlocked` so it resumes the sync. The page does this itself, as the options page
// stores keys itself: no password or key crosses a message (SEAMS).
import { systemClock, type Clock } from '../ksef';
import { sendRequest, type Request } from '../messages';
import type { Store } from '../store';
import { createLoginGuard } from '../worker/login-guard';
import { createClientFor, createSessionFor, type FetchFn } from '../worker/profile-runtime';
import { signAuthTokenRequest } from '../xades';
import { unsealPrivateKey } from './locked-custody';

export interface UnlockDeps {
  store: Store;
  fetch: FetchFn;
  send: (message: Request) => Promise<unknown>;
  clock?: Clock;
}

/**
 * Resolves once the tokens are stored and the worker told; rejects with LockError WRONG_PASSWORD (counted),
 * a PkiError, or the login's AuthError/KsefError (then the profile stays waiting and nothing is counted).
 */
export async function unlockAndLogin(deps: UnlockDeps, profileId: string, password: string): Promise<void> {
  const { store } = deps;
  const clock = deps.clock ?? systemClock;
  const profile = await store.getProfile(profileId);
  if (!profile) throw new TypeError(`no profile "${profileId}"`);
  // The usable key lives in this call's scope only: never stored, never sent (a CryptoKey has no bytes here to wipe).
  const { credentials, privateKey } = await unsealPrivateKey(store, profileId, password);
  // This page signs in-process with the key it holds (the worker's offscreen signer reads keys at rest: issue 15).
  const runtimeDeps = { store, fetch: deps.fetch, clock, random: Math.random, logins: createLoginGuard({ store, fetch: deps.fetch, clock }), signer: signAuthTokenRequest };
  const saved = await store.getSyncState(profileId, 'Subject2');
  const client = createClientFor(runtimeDeps, profile, saved?.rateLimiter);
  const session = createSessionFor(runtimeDeps, profile, { ...credentials, privateKey }, client);
  // Stored tokens that can still be refreshed are used as they are; otherwise this is the signed login.
  await session.getAccessToken();
  await store.clearUnlockNeeded(profileId);
  await sendRequest({ type: 'profileUnlocked', profileId }, deps.send).catch(() => undefined);
}
