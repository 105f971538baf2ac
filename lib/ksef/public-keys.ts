// KSeF's own encryption keys (NOTES §8.1): pick the certificate for a usage and import its RSA key.
// WebCrypto cannot import an X.509 certificate, so the SubjectPublicKeyInfo is cut out by lib/pki's outline reader
// (asn1js only: the service worker sends invoices and logs in by KSeF token without pkijs, issue 15).
import { certificateSpki } from '../pki/x509-outline';
import type { PublicKeyCertificate } from './schemas';
import { base64ToBytes } from './encoding';

export type PublicKeyUsage = 'KsefTokenEncryption' | 'SymmetricKeyEncryption';

/** The certificate for `usage` valid at `now`; of several, the most recent `validFrom` (NOTES §8.1). */
export function pickPublicKey(
  certificates: readonly PublicKeyCertificate[],
  usage: PublicKeyUsage,
  now: number,
): PublicKeyCertificate | null {
  if (!Array.isArray(certificates)) throw new TypeError('"certificates" must be an array');
  const usable = certificates.filter(
    (c) => c.usage.includes(usage) && Date.parse(c.validFrom) <= now && now <= Date.parse(c.validTo),
  );
  usable.sort((a, b) => Date.parse(b.validFrom) - Date.parse(a.validFrom));
  return usable[0] ?? null;
}

/** DER SubjectPublicKeyInfo of a base64 DER certificate; TypeError when it is not a certificate. */
export function spkiOfCertificate(certificateBase64: string): Uint8Array<ArrayBuffer> {
  const der = base64ToBytes(certificateBase64);
  try {
    return certificateSpki(der);
  } catch {
    throw new TypeError('"certificate" must be a DER X.509 certificate');
  }
}

/** The certificate's RSA key as an RSA-OAEP SHA-256 encryption key (MGF1-SHA-256, NOTES §5, §8.2). */
export function importRsaOaepKey(certificateBase64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'spki',
    spkiOfCertificate(certificateBase64),
    { name: 'RSA-OAEP', hash: 'SHA-256' },
    false,
    ['encrypt'],
  );
}
