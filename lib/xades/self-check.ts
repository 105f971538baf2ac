// Our own signature checked before it is sent (DESIGN "XAdES": sign, then verify locally): a key that does not
// belong to the certificate, or any slip in the profile, is caught here rather than as a 9105 from KSeF.
//
// The full check (verifySignedDocument: the profile, both digests, the signature value, the SigningCertificate)
// runs once per certificate, key and document shape in this worker's life; later logins pay one WebCrypto
// verification. Once is enough because everything the full check can find wrong is fixed by
//  - the certificate as signAuthTokenRequest writes it (DER, issuer name, serial, key algorithm: the memory's key),
//  - the private key (a WeakMap key: another CryptoKey object is checked in full again),
//  - this code: the template, C14N and digests (the memory lives in this module, so new code starts empty),
//  - the document's shape: the context identifier's type and the subject identifier type name elements (the key).
// What else changes per login, the challenge, the identifier's value and SigningTime, passed checkRequestFields'
// patterns or is our own xsd:dateTime: digits, A–Z, '-', '+', '*', ':', which XML and exclusive C14N write as
// themselves, so the document keeps the shape that was verified.
// On every login the signature value is still verified with the certificate's public key over the exact
// canonical SignedInfo that was signed: verify-after-sign, the usual guard against a faulty signature
// (performance-2026-12.md §3.5 measured the full check at about 60 % of a 10.9 ms login).
import type { CertificateInfo } from '../pki';
import type { CertificateKey } from './certificate-key';
import { XadesError } from './errors';
import type { SigningPlan } from './signing-key';
import type { KnownSigner, VerifyXadesOptions, XadesVerification } from './verify';

export type VerifySigned = (xml: string, options: VerifyXadesOptions, known: KnownSigner) => Promise<XadesVerification>;

export interface SelfCheckInput {
  signed: string;
  signingTime: Date;
  certificate: CertificateInfo;
  /** Lowercase hex SHA-256 of certificate.der, computed by the signer. */
  fingerprintSha256: string;
  privateKey: CryptoKey;
  plan: SigningPlan;
  /** Context identifier type and subject identifier type: the element names that vary. */
  shape: string;
  signedInfo: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  /** The certificate's key and serial, read once per certificate by the signer. */
  readSigner: () => Promise<{ key: CertificateKey; serialDecimal: string }>;
}

function failed(detail: string, cause?: unknown): XadesError {
  return new XadesError('SELF_CHECK', detail, {}, cause === undefined ? undefined : { cause });
}

/** What WebCrypto needs to verify with the certificate's key, as the plan signed (EC: the curve, RSA: SHA-256). */
function importParams(key: CertificateKey): EcKeyImportParams | RsaHashedImportParams {
  if (key.kind === 'EC') return { name: 'ECDSA', namedCurve: key.curve };
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

export function createSelfCheck(verifySigned: VerifySigned): (input: SelfCheckInput) => Promise<void> {
  /** Per private key: memory key → the certificate's public key, imported for the check on later logins. */
  const passed = new WeakMap<CryptoKey, Map<string, CryptoKey>>();

  return async function selfCheck(input) {
    const { certificate, plan } = input;
    // A CertificateInfo whose fingerprint is not its DER's describes another certificate than the one sent.
    if (input.fingerprintSha256 !== certificate.fingerprintSha256) throw failed('the verified signer certificate is not the one given');
    const memoryKey = [input.fingerprintSha256, certificate.issuer, certificate.serialNumberHex, certificate.keyAlgorithm, input.shape].join('\n');
    const publicKey = passed.get(input.privateKey)?.get(memoryKey);
    if (publicKey) {
      if (!(await crypto.subtle.verify(plan.algorithm, publicKey, input.signature, input.signedInfo))) {
        throw failed("our own signature does not verify with the certificate's public key");
      }
      return;
    }

    const { key, serialDecimal } = await input.readSigner();
    const known: KnownSigner = { der: certificate.der, key, serialDecimal, info: certificate };
    const now = new Date(Math.max(Date.now(), input.signingTime.getTime()));
    const check = await verifySigned(input.signed, { now }, known);
    if (!check.valid) {
      const first = check.errors[0];
      throw failed(`our own signature failed verification: ${first?.message ?? 'unknown'}`, first);
    }
    if (check.certificate?.fingerprintSha256 !== certificate.fingerprintSha256) {
      throw failed('the verified signer certificate is not the one given');
    }
    // The full check accepted this key for this certificate, so the import cannot meet an unfit key here.
    if (key.kind === 'other') throw failed(`the certificate's key ${key.oid} cannot verify`);
    const imported = await crypto.subtle.importKey('spki', key.spki, importParams(key), false, ['verify']);
    let forKey = passed.get(input.privateKey);
    if (!forKey) passed.set(input.privateKey, (forKey = new Map()));
    forKey.set(memoryKey, imported);
  };
}
