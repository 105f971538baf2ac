// The login credentials of a profile: the certificate's facts and DER, and either the non-extractable signing key
// (custody 'file' or 'browser') or, in locked mode, only the sealed key file (issue 14; records.ts `Custody`).
// Never a password (DESIGN.md, Security rules; RELIABILITY §1.3 for why the CryptoKey may live here).
import type { CertificateInfo } from '../pki';
import { checkId, transact, type StoreContext } from './context';
import { writeForProfile } from './record-access';
import { StoreError } from './errors';
import type { Custody, CredentialsRecord, SealedKey, StoredCertificate } from './records';
import { assertNoSecretFields } from './secrets';

/** What `getCredentials` gives back: the certificate as lib/pki describes it, ready for signing. */
export interface Credentials {
  profileId: string;
  certificate: CertificateInfo;
  /** Absent in locked mode: the key is unsealed into memory by the unlock page, for one login. */
  privateKey?: CryptoKey;
  keyAlgorithm: string;
  storedAt: string;
  custody: Custody;
  sealedKey?: SealedKey;
  failedUnlocks: number;
  unlockRequestedAt?: string;
}

/** 'ECDSA P-256', 'RSASSA-PKCS1-v1_5 SHA-256', …: enough for a page to say what kind of key is kept. */
export function describeKeyAlgorithm(algorithm: KeyAlgorithm): string {
  const { namedCurve, hash } = algorithm as { namedCurve?: string; hash?: { name?: string } };
  return [algorithm.name, namedCurve ?? hash?.name].filter(Boolean).join(' ');
}

/** STYLE rule 14: only a private, non-extractable key that can sign. */
export function checkPrivateKey(key: unknown): asserts key is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(key instanceof CryptoKey)) {
    throw new TypeError('"privateKey" must be a CryptoKey');
  }
  if (key.type !== 'private' || !key.usages.includes('sign')) {
    throw new TypeError('"privateKey" must be a private key with the "sign" usage');
  }
  if (key.extractable) {
    throw new StoreError('EXTRACTABLE_KEY', 'saveCredentials: refused an extractable private key');
  }
}

export function checkCertificate(certificate: unknown): asserts certificate is CertificateInfo {
  const info = certificate as Partial<CertificateInfo> | null;
  if (
    typeof info !== 'object' ||
    info === null ||
    !(info.der instanceof Uint8Array) ||
    !(info.notBefore instanceof Date) ||
    !(info.notAfter instanceof Date) ||
    Number.isNaN(info.notBefore.getTime()) ||
    Number.isNaN(info.notAfter.getTime()) ||
    typeof info.fingerprintSha256 !== 'string'
  ) {
    throw new TypeError('"certificate" must be a CertificateInfo from lib/pki');
  }
}

/** A sealed key as lib/custody/locked-seal.ts makes it; the iteration count is bounded so a bad record cannot hang. */
function checkSealedKey(sealed: unknown): asserts sealed is SealedKey {
  const s = sealed as Partial<SealedKey> | null;
  const bytes = (v: unknown) => v instanceof Uint8Array && v.length > 0;
  if (
    typeof s !== 'object' || s === null || s.scheme !== 'pbkdf2-sha256/aes-256-gcm' ||
    !Number.isInteger(s.iterations) || s.iterations! < 600_000 || s.iterations! > 10_000_000 ||
    !bytes(s.salt) || !bytes(s.iv) || !bytes(s.sealed)
  ) {
    throw new TypeError('"sealedKey" must be a SealedKey from lib/custody');
  }
}

export function toStored({ der: _der, notBefore, notAfter, ...facts }: CertificateInfo): StoredCertificate {
  return { ...facts, notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() };
}

export function fromRecord(record: CredentialsRecord): Credentials {
  const { notBefore, notAfter, ...facts } = record.certificate;
  return {
    profileId: record.profileId,
    certificate: {
      ...facts,
      notBefore: new Date(notBefore),
      notAfter: new Date(notAfter),
      der: new Uint8Array(record.certificateDer),
    },
    ...(record.privateKey ? { privateKey: record.privateKey } : {}),
    keyAlgorithm: record.keyAlgorithm,
    storedAt: record.storedAt,
    custody: record.custody ?? 'file',
    ...(record.sealedKey ? { sealedKey: record.sealedKey } : {}),
    failedUnlocks: record.failedUnlocks ?? 0,
    ...(record.unlockRequestedAt ? { unlockRequestedAt: record.unlockRequestedAt } : {}),
  };
}

export function credentialFunctions({ db, now }: StoreContext) {
  /** Stores (or replaces) the profile's certificate and key. The profile must exist. */
  async function saveCredentials(
    profileId: string,
    input: { certificate: CertificateInfo; privateKey: CryptoKey; custody?: 'file' | 'browser' },
  ): Promise<Credentials> {
    checkId('profileId', profileId);
    if (typeof input !== 'object' || input === null) throw new TypeError('"credentials" must be an object');
    assertNoSecretFields('saveCredentials', input);
    checkCertificate(input.certificate);
    checkPrivateKey(input.privateKey);
    const custody = input.custody ?? 'file';
    if (custody !== 'file' && custody !== 'browser') throw new TypeError('"custody" must be \'file\' or \'browser\'');
    const record: CredentialsRecord = {
      profileId,
      certificate: toStored(input.certificate),
      certificateDer: new Uint8Array(input.certificate.der),
      privateKey: input.privateKey,
      keyAlgorithm: describeKeyAlgorithm(input.privateKey.algorithm),
      storedAt: now().toISOString(),
      custody,
    };
    assertNoSecretFields('saveCredentials', record);
    await writeForProfile(await db(), 'credentials', record, 'saveCredentials');
    return fromRecord(record);
  }

  async function getCredentials(profileId: string): Promise<Credentials | undefined> {
    checkId('profileId', profileId);
    const record = await (await db()).get('credentials', profileId);
    return record === undefined ? undefined : fromRecord(record);
  }

  /** Removes the certificate and key, and the tokens they earned, keeping the profile and its invoices. */
  async function deleteCredentials(profileId: string): Promise<void> {
    checkId('profileId', profileId);
    await transact(await db(), ['credentials', 'tokens'], 'readwrite', async (tx) => {
      await Promise.all([tx.objectStore('credentials').delete(profileId), tx.objectStore('tokens').delete(profileId)]);
    });
  }

  /**
   * Reads, changes and writes the record in one transaction. `change` must not await anything but `tx`
   * (RELIABILITY §1.2: a transaction held across WebCrypto dies in Firefox), so callers do the crypto first.
   */
  async function updateRecord<T>(
    profileId: string,
    operation: string,
    change: (record: CredentialsRecord) => { record?: CredentialsRecord; result: T },
  ): Promise<T> {
    checkId('profileId', profileId);
    return transact(await db(), ['credentials'], 'readwrite', async (tx) => {
      const store = tx.objectStore('credentials');
      const record = await store.get(profileId);
      if (!record) throw new StoreError('NOT_FOUND', `${operation}: no credentials for "${profileId}"`);
      const out = change(record);
      if (out.record) {
        assertNoSecretFields(operation, out.record);
        await store.put(out.record);
      }
      return out.result;
    });
  }

  /** Same certificate and `storedAt`, so the tokens it earned stay the profile's (lib/auth login-context.ts). */
  const unlockState = ({ failedUnlocks: _f, unlockRequestedAt: _u, ...rest }: CredentialsRecord) => rest;

  /** Locked mode: the usable key is dropped and only the sealed key file kept, in one put (issue 14). */
  function setLockedCustody(profileId: string, sealedKey: SealedKey): Promise<Credentials> {
    checkSealedKey(sealedKey);
    return updateRecord(profileId, 'setLockedCustody', (current) => {
      if ((current.custody ?? 'file') !== 'file') throw new StoreError('INVALID_RECORD', `setLockedCustody: custody is ${current.custody}`);
      const { privateKey: _dropped, ...rest } = unlockState(current);
      const record: CredentialsRecord = { ...rest, custody: 'locked', sealedKey };
      return { record, result: fromRecord(record) };
    });
  }

  /** Back to a key kept in the browser (custody 'file'); the sealed key file is dropped. */
  function setFileCustody(profileId: string, privateKey: CryptoKey): Promise<Credentials> {
    checkPrivateKey(privateKey);
    return updateRecord(profileId, 'setFileCustody', (current) => {
      if (current.custody !== 'locked') throw new StoreError('INVALID_RECORD', `setFileCustody: custody is ${current.custody ?? 'file'}`);
      const { sealedKey: _dropped, ...rest } = unlockState(current);
      const record: CredentialsRecord = { ...rest, custody: 'file', privateKey };
      return { record, result: fromRecord(record) };
    });
  }

  /** Marks a locked profile as waiting for the password; true only the first time (one notification). */
  function markUnlockNeeded(profileId: string): Promise<boolean> {
    return updateRecord(profileId, 'markUnlockNeeded', (current) =>
      current.custody !== 'locked' || current.unlockRequestedAt
        ? { result: false }
        : { record: { ...current, unlockRequestedAt: now().toISOString() }, result: true });
  }

  /** One more wrong password; returns how many since the last good one. */
  function recordFailedUnlock(profileId: string): Promise<number> {
    return updateRecord(profileId, 'recordFailedUnlock', (current) => {
      const failedUnlocks = (current.failedUnlocks ?? 0) + 1;
      return { record: { ...current, failedUnlocks }, result: failedUnlocks };
    });
  }

  /** The password was right and the login done: no longer waiting, the count starts again. */
  function clearUnlockNeeded(profileId: string): Promise<void> {
    return updateRecord(profileId, 'clearUnlockNeeded', (current) => ({ record: unlockState(current), result: undefined }));
  }

  return {
    saveCredentials,
    getCredentials,
    deleteCredentials,
    setLockedCustody,
    setFileCustody,
    markUnlockNeeded,
    recordFailedUnlock,
    clearUnlockNeeded,
  };
}
