// Which signature our profile makes with the user's key, and whether that key fits the certificate.
import type { CertificateInfo } from '../pki';
import { XadesError } from './errors';
import { URI_ECDSA_SHA256, URI_ECDSA_SHA384, URI_ECDSA_SHA512, URI_RSA_SHA256 } from './profile';

export interface SigningPlan {
  signatureMethod: string;
  /** WebCrypto's ECDSA output is already the raw R||S KSeF needs (DESIGN "Decisions"); the self-check proves it. */
  algorithm: AlgorithmIdentifier | EcdsaParams;
}

const EC_METHODS: Record<string, { uri: string; hash: string }> = {
  'P-256': { uri: URI_ECDSA_SHA256, hash: 'SHA-256' },
  // Bigger curves get the matching hash, as the official Java client does (NOTES §3.4).
  'P-384': { uri: URI_ECDSA_SHA384, hash: 'SHA-384' },
  'P-521': { uri: URI_ECDSA_SHA512, hash: 'SHA-512' },
};

function describeKey(key: CryptoKey): string {
  const alg = key.algorithm as Partial<EcKeyAlgorithm & RsaHashedKeyAlgorithm>;
  if (alg.name === 'ECDSA') return `EC ${alg.namedCurve}`;
  if (alg.name === 'RSASSA-PKCS1-v1_5') return `RSA ${alg.modulusLength}`;
  return String(alg.name);
}

export function checkCertificateArgument(certificate: unknown): asserts certificate is CertificateInfo {
  const c = certificate as Partial<CertificateInfo> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    !(c.der instanceof Uint8Array) ||
    typeof c.issuer !== 'string' ||
    typeof c.serialNumberHex !== 'string' ||
    !/^[0-9a-fA-F]+$/.test(c.serialNumberHex) ||
    typeof c.keyAlgorithm !== 'string'
  ) {
    throw new TypeError('"certificate" must be the CertificateInfo returned by readCertificate');
  }
}

/**
 * Checks the private key against the certificate's key algorithm and picks the signature method.
 * Whether the key is *the* certificate's key is proven only by the self-check after signing.
 */
export function planSigning(certificate: CertificateInfo, privateKey: unknown): SigningPlan {
  const key = privateKey as CryptoKey | null;
  if (
    typeof key !== 'object' ||
    key === null ||
    key.type !== 'private' ||
    !Array.isArray(key.usages) ||
    !key.usages.includes('sign')
  ) {
    throw new TypeError('"privateKey" must be a private CryptoKey with the "sign" usage');
  }
  const data = { certificateAlgorithm: certificate.keyAlgorithm, keyAlgorithm: describeKey(key) };
  const ec = /^EC (P-\d+)$/.exec(certificate.keyAlgorithm);
  const rsa = /^RSA (\d+)$/.exec(certificate.keyAlgorithm);
  if (ec && EC_METHODS[ec[1]!]) {
    const curve = ec[1]!;
    const alg = key.algorithm as EcKeyAlgorithm;
    if (alg.name !== 'ECDSA' || alg.namedCurve !== curve) {
      throw new XadesError('KEY_MISMATCH', `certificate key is ${data.certificateAlgorithm}, private key is ${data.keyAlgorithm}`, data);
    }
    const method = EC_METHODS[curve]!;
    return { signatureMethod: method.uri, algorithm: { name: 'ECDSA', hash: method.hash } };
  }
  if (rsa && Number(rsa[1]) >= 2048) {
    const alg = key.algorithm as RsaHashedKeyAlgorithm;
    if (alg.name !== 'RSASSA-PKCS1-v1_5' || alg.modulusLength !== Number(rsa[1])) {
      throw new XadesError('KEY_MISMATCH', `certificate key is ${data.certificateAlgorithm}, private key is ${data.keyAlgorithm}`, data);
    }
    if (alg.hash?.name !== 'SHA-256') {
      // A WebCrypto RSA key is bound to one hash; the profile needs rsa-sha256 (NOTES §3.4).
      throw new TypeError(`"privateKey" must be bound to SHA-256 for rsa-sha256, not ${alg.hash?.name}`);
    }
    return { signatureMethod: URI_RSA_SHA256, algorithm: { name: 'RSASSA-PKCS1-v1_5' } };
  }
  const detail = `KSeF accepts EC keys of 256 bits or more and RSA keys of 2048 bits or more, not ${certificate.keyAlgorithm}`;
  throw new XadesError('UNSUPPORTED_KEY', detail, data);
}
