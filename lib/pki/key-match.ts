// Proving that a private key belongs to a certificate: sign a random challenge with the key and verify it
// with the certificate's public key (RELIABILITY §4.3 item 2). Comparing key types alone, as the Java
// client does, lets a mismatched pair through to fail only at KSeF.
import { certificateKey, parseCertificate } from './x509';

export type SigningAlgorithm =
  | { name: 'ECDSA'; hash: 'SHA-256' | 'SHA-384' | 'SHA-512' }
  | { name: 'RSASSA-PKCS1-v1_5'; hash: 'SHA-256' };

function isSigningKey(key: unknown): key is CryptoKey {
  const k = key as CryptoKey | null;
  return typeof k === 'object' && k !== null && k.type === 'private' && Array.isArray(k.usages) && k.usages.includes('sign');
}

/**
 * The WebCrypto parameters to sign with `key`: ECDSA with the curve's hash (SHA-256 for P-256, which is
 * what KSeF's XAdES profile uses, NOTES §3.4; SHA-384/512 for the larger curves as the official Java
 * client does) or RSASSA-PKCS1-v1_5, whose SHA-256 is fixed at import.
 */
export function signingAlgorithm(key: CryptoKey): SigningAlgorithm {
  if (!isSigningKey(key)) throw new TypeError('"key" must be a private CryptoKey with the "sign" usage');
  const alg = key.algorithm as EcKeyAlgorithm & RsaHashedKeyAlgorithm;
  if (alg.name === 'ECDSA') {
    return { name: 'ECDSA', hash: alg.namedCurve === 'P-521' ? 'SHA-512' : alg.namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256' };
  }
  if (alg.name === 'RSASSA-PKCS1-v1_5') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  throw new TypeError(`"key" must be an ECDSA or RSASSA-PKCS1-v1_5 key, got ${alg.name}`);
}

/** 'EC P-256', 'RSA 2048': the same words CertificateInfo.keyAlgorithm uses. */
export function describeKey(key: CryptoKey): string {
  const alg = key.algorithm as EcKeyAlgorithm & RsaHashedKeyAlgorithm;
  return alg.name === 'ECDSA' ? `EC ${alg.namedCurve}` : alg.name.startsWith('RSA') ? `RSA ${alg.modulusLength}` : alg.name;
}

/** The certificate's SubjectPublicKeyInfo DER, with the import parameters it needs, or null. */
function publicKeyOf(certDer: Uint8Array): { spki: Uint8Array<ArrayBuffer>; params: EcKeyImportParams | RsaHashedImportParams } | null {
  const key = certificateKey(parseCertificate(certDer));
  if (key.kind === 'EC') return { spki: key.spki, params: { name: 'ECDSA', namedCurve: key.curve } };
  return key.kind === 'RSA' ? { spki: key.spki, params: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } } : null;
}

/** True when `key` signs what the certificate's public key verifies; false for any mismatch. */
export async function keyMatchesCertificate(
  key: CryptoKey,
  certDer: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  try {
    const pub = publicKeyOf(certDer);
    const algorithm = signingAlgorithm(key);
    if (!pub || pub.params.name !== algorithm.name) return false;
    if ('namedCurve' in pub.params && pub.params.namedCurve !== (key.algorithm as EcKeyAlgorithm).namedCurve) return false;
    const verifier = await subtle.importKey('spki', pub.spki, pub.params, false, ['verify']);
    const challenge = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const signature = await subtle.sign(algorithm, key, challenge);
    return await subtle.verify(algorithm, verifier, signature, challenge);
  } catch {
    return false;
  }
}
