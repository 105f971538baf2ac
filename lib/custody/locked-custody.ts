// Switching a profile between custody 'file' and 'locked' (issue 14 point 3), and getting the usable key back
// from the sealed one for one login. The options page and the unlock page call these with the store they own:
// no password and no key ever crosses a message (SEAMS). The password is used here, in memory, and dropped.
import { loadCredentials } from '../pki';
import type { Credentials, Store } from '../store';
import { LockError } from './locked-errors';
import { sealKeyFile, unsealKeyFile } from './locked-seal';

export type CustodyStore = Pick<Store, 'getCredentials' | 'setLockedCustody' | 'setFileCustody' | 'recordFailedUnlock'>;

async function credentialsOf(store: Pick<Store, 'getCredentials'>, profileId: string): Promise<Credentials> {
  const credentials = await store.getCredentials(profileId);
  if (!credentials) throw new LockError('NO_CREDENTIALS');
  return credentials;
}

/**
 * "Pytaj o hasło": the user chose the key file again and typed its password. The file must open with it and
 * belong to the stored certificate (lib/pki proves the pair); then it is sealed and the usable key dropped, in
 * one put that keeps the certificate and `storedAt`, so the tokens it earned go on working.
 */
export async function lockProfile(store: CustodyStore, profileId: string, keyFile: Uint8Array | undefined, password: string): Promise<Credentials> {
  const credentials = await credentialsOf(store, profileId);
  if (credentials.custody === 'browser') throw new LockError('BROWSER_KEY');
  if (credentials.custody === 'locked') throw new LockError('ALREADY_LOCKED');
  if (!keyFile || keyFile.length === 0) throw new LockError('KEY_FILE_MISSING');
  if (password === '') throw new LockError('PASSWORD_EMPTY');
  // PkiError WRONG_PASSWORD / KEY_CERT_MISMATCH / NOT_A_PRIVATE_KEY go to the page as they are (it diagnoses them).
  await loadCredentials({ certificate: credentials.certificate.der, privateKey: keyFile, password });
  const sealed = await sealKeyFile(keyFile, password, credentials.certificate.fingerprintSha256);
  return store.setLockedCustody(profileId, sealed);
}

/**
 * The usable key of a locked profile, in memory, for the caller's one login: non-extractable (lib/pki imports it
 * so) and never stored. A wrong password is counted in the record and named with its number.
 */
export async function unsealPrivateKey(store: CustodyStore, profileId: string, password: string): Promise<{ credentials: Credentials; privateKey: CryptoKey }> {
  const credentials = await credentialsOf(store, profileId);
  if (credentials.custody !== 'locked' || !credentials.sealedKey) throw new LockError('NOT_LOCKED');
  if (password === '') throw new LockError('PASSWORD_EMPTY');
  const keyFile = await unsealKeyFile(credentials.sealedKey, password, credentials.certificate.fingerprintSha256);
  if (!keyFile) {
    const attempt = await store.recordFailedUnlock(profileId);
    throw new LockError('WRONG_PASSWORD', { attempt });
  }
  try {
    const { privateKey } = await loadCredentials({ certificate: credentials.certificate.der, privateKey: keyFile, password });
    return { credentials, privateKey };
  } finally {
    keyFile.fill(0);
  }
}

/** "Nie pytaj o hasło": the key is kept in the browser again (custody 'file'), after the password proved it. */
export async function unlockToFileCustody(store: CustodyStore, profileId: string, password: string): Promise<Credentials> {
  const { privateKey } = await unsealPrivateKey(store, profileId, password);
  return store.setFileCustody(profileId, privateKey);
}
