// The login credentials of a profile: the certificate's facts and DER, and the non-extractable signing key.
// Never a password (DESIGN.md, Security rules; RELIABILITY §1.3 for why the CryptoKey may live here).
import type { CertificateInfo } from '../pki';
import { checkId, transact, type StoreContext } from './context';
import { writeForProfile } from './record-access';
import { StoreError } from './errors';
import type { CredentialsRecord, StoredCertificate } from './records';
import { assertNoSecretFields } from './secrets';

/** What `getCredentials` gives back: the certificate as lib/pki describes it, ready for signing. */
export interface Credentials {
  profileId: string;
  certificate: CertificateInfo;
  privateKey: CryptoKey;
  keyAlgorithm: string;
  storedAt: string;
}

/** 'ECDSA P-256', 'RSASSA-PKCS1-v1_5 SHA-256', …: enough for a page to say what kind of key is kept. */
function describeKeyAlgorithm(algorithm: KeyAlgorithm): string {
  const { namedCurve, hash } = algorithm as { namedCurve?: string; hash?: { name?: string } };
  return [algorithm.name, namedCurve ?? hash?.name].filter(Boolean).join(' ');
}

/** STYLE rule 14: only a private, non-extractable key that can sign. */
function checkPrivateKey(key: unknown): asserts key is CryptoKey {
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

function checkCertificate(certificate: unknown): asserts certificate is CertificateInfo {
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

function toStored({ der: _der, notBefore, notAfter, ...facts }: CertificateInfo): StoredCertificate {
  return { ...facts, notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() };
}

function fromRecord(record: CredentialsRecord): Credentials {
  const { notBefore, notAfter, ...facts } = record.certificate;
  return {
    profileId: record.profileId,
    certificate: {
      ...facts,
      notBefore: new Date(notBefore),
      notAfter: new Date(notAfter),
      der: new Uint8Array(record.certificateDer),
    },
    privateKey: record.privateKey,
    keyAlgorithm: record.keyAlgorithm,
    storedAt: record.storedAt,
  };
}

export function credentialFunctions({ db, now }: StoreContext) {
  /** Stores (or replaces) the profile's certificate and key. The profile must exist. */
  async function saveCredentials(
    profileId: string,
    input: { certificate: CertificateInfo; privateKey: CryptoKey },
  ): Promise<Credentials> {
    checkId('profileId', profileId);
    if (typeof input !== 'object' || input === null) throw new TypeError('"credentials" must be an object');
    assertNoSecretFields('saveCredentials', input);
    checkCertificate(input.certificate);
    checkPrivateKey(input.privateKey);
    const record: CredentialsRecord = {
      profileId,
      certificate: toStored(input.certificate),
      certificateDer: new Uint8Array(input.certificate.der),
      privateKey: input.privateKey,
      keyAlgorithm: describeKeyAlgorithm(input.privateKey.algorithm),
      storedAt: now().toISOString(),
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

  return { saveCredentials, getCredentials, deleteCredentials };
}
