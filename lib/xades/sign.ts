// signAuthTokenRequest: the AuthTokenRequest signed with the user's key, ready to POST to
// /auth/xades-signature (NOTES §3.1 step 2). The text is built once and never re-serialized (NOTES §3.5).
import type { CertificateInfo } from '../pki';
import { toHex } from '../core/bytes';
import {
  buildAuthTokenRequest,
  checkRequestFields,
  type ContextIdentifier,
  type SignableContextIdentifierType,
  type SubjectIdentifierType,
} from './auth-token-request';
import { digest, toBase64 } from './bytes';
import { XadesError } from './errors';
import { readCertificateKey, serialHexToDecimal, type CertificateKey } from './certificate-key';
import { createSelfCheck, type VerifySigned } from './self-check';
import { signatureXml, type SignatureTemplateValues } from './signature-template';
import { checkCertificateArgument, planSigning } from './signing-key';
import { readSigningInput } from './signing-input';
import { verifySignedDocument } from './verify';

export interface SignAuthTokenRequestOptions {
  /** The `challenge` from POST /auth/challenge. */
  challenge: string;
  contextIdentifier: ContextIdentifier<SignableContextIdentifierType>;
  subjectIdentifierType: SubjectIdentifierType;
  certificate: CertificateInfo;
  privateKey: CryptoKey;
  /** Default: a minute ago, so a server clock slightly behind ours still sees a past time (NOTES §3.5). */
  signingTime?: Date;
}

const CLOCK_SKEW_MS = 60_000;

/** xsd:dateTime in UTC without fractions: 2026-11-24T20:00:00Z. */
export function formatSigningTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Seams for tests; each defaults to the real thing. */
export interface AuthTokenSignerDeps {
  /** Reads the signer certificate's public key and serial (pkijs): once per certificate per signer. */
  readCertificateKey?: (der: Uint8Array) => { key: CertificateKey; serialDecimal: string };
  /** The full self-check; default verifySignedDocument. */
  verifySigned?: VerifySigned;
  /** Makes the signature value; default WebCrypto's sign. */
  signData?: (algorithm: AlgorithmIdentifier | EcdsaParams, key: CryptoKey, data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer>;
}

export type AuthTokenRequestSigner = (options: SignAuthTokenRequestOptions) => Promise<string>;

/** Certificates a worker keeps read at once: one per profile's credentials is the usual case. */
const CERTIFICATES_KEPT = 8;

/**
 * A signer with its own memory: each certificate is read once (keyed by its DER's SHA-256) and the full
 * self-check runs once per certificate, key and shape (self-check.ts says why that is enough).
 */
export function createAuthTokenSigner(deps: AuthTokenSignerDeps = {}): AuthTokenRequestSigner {
  const readKey = deps.readCertificateKey ?? readCertificateKey;
  const signData = deps.signData ?? ((algorithm, key, data) => crypto.subtle.sign(algorithm, key, data));
  const selfCheck = createSelfCheck(deps.verifySigned ?? verifySignedDocument);
  const certificates = new Map<string, Promise<{ key: CertificateKey; serialDecimal: string }>>();

  function readSigner(fingerprint: string, der: Uint8Array) {
    let read = certificates.get(fingerprint);
    if (!read) {
      read = Promise.resolve().then(() => readKey(der));
      read.catch(() => certificates.delete(fingerprint));
      if (certificates.size >= CERTIFICATES_KEPT) certificates.delete(certificates.keys().next().value!);
      certificates.set(fingerprint, read);
    }
    return read.catch((error: unknown) => {
      // The same answer the verifier gives for a KeyInfo certificate it cannot read.
      const detail = `the KeyInfo certificate cannot be read: ${String((error as Error)?.message ?? error)}`;
      const cause = new XadesError('CERTIFICATE', detail, {}, { cause: error });
      throw new XadesError('SELF_CHECK', `our own signature failed verification: ${cause.message}`, {}, { cause });
    });
  }

  return async function signAuthTokenRequest(options) {
    if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
    const { certificate, privateKey } = options;
    checkRequestFields(options);
    checkCertificateArgument(certificate);
    const signingTime = options.signingTime ?? new Date(Date.now() - CLOCK_SKEW_MS);
    if (!(signingTime instanceof Date) || Number.isNaN(signingTime.getTime())) {
      throw new TypeError('"signingTime" must be a valid Date');
    }
    const plan = planSigning(certificate, privateKey);

    const certificateDigest = await digest('SHA-256', new Uint8Array(certificate.der));
    const { xml: unsigned, closingTag } = buildAuthTokenRequest(options);
    const values: SignatureTemplateValues = {
      signatureMethod: plan.signatureMethod,
      documentDigest: '',
      signedPropertiesDigest: '',
      signatureValue: '',
      certificateBase64: toBase64(certificate.der),
      signingTime: formatSigningTime(signingTime),
      certificateDigest: toBase64(certificateDigest),
      issuerName: certificate.issuer,
      serialDecimal: serialHexToDecimal(certificate.serialNumberHex),
    };
    const at = unsigned.lastIndexOf(closingTag);
    const withSignature = (v: SignatureTemplateValues) => unsigned.slice(0, at) + signatureXml(v) + unsigned.slice(at);

    const input = await readSigningInput(withSignature(values));
    values.documentDigest = input.documentDigest;
    values.signedPropertiesDigest = input.signedPropertiesDigest;
    let signature: Uint8Array<ArrayBuffer>;
    try {
      signature = new Uint8Array(await signData(plan.algorithm, privateKey, input.signedInfo));
    } catch (error) {
      throw new XadesError('UNSUPPORTED_KEY', 'WebCrypto refused to sign with the private key', {
        certificateAlgorithm: certificate.keyAlgorithm,
        keyAlgorithm: (privateKey.algorithm as Algorithm).name,
      }, { cause: error });
    }
    values.signatureValue = toBase64(signature);
    const signed = withSignature(values);

    const fingerprintSha256 = toHex(certificateDigest);
    await selfCheck({
      signed,
      signingTime,
      certificate,
      fingerprintSha256,
      privateKey,
      plan,
      shape: `${options.contextIdentifier.type} ${options.subjectIdentifierType}`,
      signedInfo: input.signedInfo,
      signature,
      readSigner: () => readSigner(fingerprintSha256, certificate.der),
    });
    return signed;
  };
}

/** The worker's signer: its memory lasts as long as the worker (or page) that loaded this module. */
export const signAuthTokenRequest: AuthTokenRequestSigner = createAuthTokenSigner();
