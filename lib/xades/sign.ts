// signAuthTokenRequest: the AuthTokenRequest signed with the user's key, ready to POST to
// /auth/xades-signature (NOTES §3.1 step 2). The text is built once and never re-serialized (NOTES §3.5).
import type { CertificateInfo } from '../pki';
import {
  buildAuthTokenRequest,
  checkRequestFields,
  type ContextIdentifier,
  type SignableContextIdentifierType,
  type SubjectIdentifierType,
} from './auth-token-request';
import { digest, toBase64 } from './bytes';
import { XadesError } from './errors';
import { serialHexToDecimal } from './certificate-key';
import { NS_DS, NS_XADES, SIGNED_PROPERTIES_ID } from './profile';
import { signatureXml, type SignatureTemplateValues } from './signature-template';
import { checkCertificateArgument, planSigning } from './signing-key';
import { excC14n, findElements, parseXml } from './xml-engine';
import { verifyXadesSignature } from './verify';

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

export async function signAuthTokenRequest(options: SignAuthTokenRequestOptions): Promise<string> {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object');
  const { certificate, privateKey } = options;
  checkRequestFields(options);
  checkCertificateArgument(certificate);
  const signingTime = options.signingTime ?? new Date(Date.now() - CLOCK_SKEW_MS);
  if (!(signingTime instanceof Date) || Number.isNaN(signingTime.getTime())) {
    throw new TypeError('"signingTime" must be a valid Date');
  }
  const plan = planSigning(certificate, privateKey);

  const { xml: unsigned, closingTag } = buildAuthTokenRequest(options);
  const values: SignatureTemplateValues = {
    signatureMethod: plan.signatureMethod,
    documentDigest: toBase64(await digest('SHA-256', excC14n(parseXml(unsigned).documentElement))),
    signedPropertiesDigest: '',
    signatureValue: '',
    certificateBase64: toBase64(certificate.der),
    signingTime: formatSigningTime(signingTime),
    certificateDigest: toBase64(await digest('SHA-256', new Uint8Array(certificate.der))),
    issuerName: certificate.issuer,
    serialDecimal: serialHexToDecimal(certificate.serialNumberHex),
  };
  const at = unsigned.lastIndexOf(closingTag);
  const withSignature = (v: SignatureTemplateValues) => unsigned.slice(0, at) + signatureXml(v) + unsigned.slice(at);

  // Each digest is taken from the parsed text, in place, so namespaces in scope are exactly those sent.
  const signedProperties = findElements(parseXml(withSignature(values)), NS_XADES, 'SignedProperties')
    .find((el) => el.getAttribute('Id') === SIGNED_PROPERTIES_ID)!;
  values.signedPropertiesDigest = toBase64(await digest('SHA-256', excC14n(signedProperties)));
  const signedInfo = findElements(parseXml(withSignature(values)), NS_DS, 'SignedInfo')[0]!;
  const canonicalSignedInfo = new TextEncoder().encode(excC14n(signedInfo));

  let signature: Uint8Array;
  try {
    signature = new Uint8Array(await crypto.subtle.sign(plan.algorithm, privateKey, canonicalSignedInfo));
  } catch (error) {
    throw new XadesError('UNSUPPORTED_KEY', 'WebCrypto refused to sign with the private key', {
      certificateAlgorithm: certificate.keyAlgorithm,
      keyAlgorithm: (privateKey.algorithm as Algorithm).name,
    }, { cause: error });
  }
  values.signatureValue = toBase64(signature);
  const signed = withSignature(values);

  // Sign, then verify locally before sending (DESIGN "Decisions"): a key that does not belong to the
  // certificate, or any slip in the profile, is caught here rather than as a 9105 from KSeF.
  const now = new Date(Math.max(Date.now(), signingTime.getTime()));
  const check = await verifyXadesSignature(signed, { now });
  if (!check.valid) {
    const first = check.errors[0];
    throw new XadesError('SELF_CHECK', `our own signature failed verification: ${first?.message ?? 'unknown'}`, {}, { cause: first });
  }
  if (check.certificate?.fingerprintSha256 !== certificate.fingerprintSha256) {
    throw new XadesError('SELF_CHECK', 'the verified signer certificate is not the one given');
  }
  return signed;
}
