// verifyXadesSignature: checks a signed AuthTokenRequest the way KSeF's /auth/xades-signature does
// (NOTES §3.4, §3.6), answering with KSeF's codes so the simulator can reply exactly as KSeF would.
import { SignedXml } from 'xadesjs';
import { readCertificate, type CertificateInfo } from '../pki';
import type { CertificateKey } from './certificate-key';
import { XadesError } from './errors';
import { readXmlDocument } from './xml-document';
import { EC_COORDINATE_BYTES, NS_DS } from './profile';
import { readAuthTokenRequest, type AuthTokenRequestContent } from './request-reader';
import { readSignature, type SignatureParts } from './signature-reader';
import { findSigner, type KnownSigner } from './signer-certificate';
import { childElements, findElements, registerXmlEngine } from './xml-engine';

export type { KnownSigner };

export interface VerifyXadesOptions {
  /** The verifier's clock; a SigningTime later than now + SIGNING_TIME_TOLERANCE_MS is rejected. */
  now?: Date;
}

export interface XadesVerification {
  valid: boolean;
  /** Empty when valid; otherwise errors[0].code is what KSeF would answer. */
  errors: XadesError[];
  /** The signer's certificate (KeyInfo), when it could be read. */
  certificate: CertificateInfo | null;
  signingTime: Date | null;
  request: AuthTokenRequestContent | null;
}

/** A challenge lives 10 minutes (NOTES §3.2): a signature dated further ahead than that was not made for it. */
export const SIGNING_TIME_TOLERANCE_MS = 10 * 60_000;

async function importVerifyKey(key: CertificateKey, parts: SignatureParts): Promise<CryptoKey> {
  const method = parts.signatureMethod;
  if (key.kind === 'EC' && method.kind === 'ECDSA') {
    const expected = 2 * EC_COORDINATE_BYTES[key.curve]!;
    if (parts.signatureValue.length !== expected) {
      const der = parts.signatureValue[0] === 0x30 ? ' (looks like ASN.1 DER; KSeF needs raw R||S)' : '';
      const detail = `ECDSA SignatureValue has ${parts.signatureValue.length} bytes, ${key.curve} needs ${expected}${der}`;
      throw new XadesError('ECDSA_FORMAT', detail);
    }
    return crypto.subtle.importKey('spki', key.spki, { name: 'ECDSA', namedCurve: key.curve }, true, ['verify']);
  }
  if (key.kind === 'RSA' && method.kind === 'RSA') {
    if (key.bits < 2048) throw new XadesError('ALGORITHM', `RSA key of ${key.bits} bits; KSeF needs 2048 or more`);
    return crypto.subtle.importKey('spki', key.spki, { name: 'RSASSA-PKCS1-v1_5', hash: method.hash }, true, ['verify']);
  }
  const described = key.kind === 'EC' ? `EC ${key.curve}` : key.kind === 'RSA' ? `RSA ${key.bits}` : `key ${key.oid}`;
  throw new XadesError('ALGORITHM', `signature method ${method.uri} does not fit the certificate's ${described}`);
}

/** Digests and the signature value, computed by xadesjs/xmldsigjs. */
async function verifyCryptography(doc: Document, signature: Element, key: CryptoKey): Promise<void> {
  const signed = new SignedXml(doc);
  signed.LoadXml(signature);
  // Verify(key) re-imports the key with the SignatureMethod's algorithm, which for ECDSA lacks the curve.
  signed.Algorithm = { ...signed.Algorithm, ...key.algorithm } as Algorithm;
  let ok: boolean;
  try {
    ok = await signed.Verify(key);
  } catch (error) {
    // xmldsigjs throws on the first reference whose digest differs (TOOLCHAIN gotcha 10).
    const message = String((error as Error)?.message ?? error);
    const digestOf = /Invalid digest for uri '([^']*)'/.exec(message);
    if (digestOf) {
      throw new XadesError('DIGEST', `the digest of the reference to "${digestOf[1]}" does not match its content`, {}, { cause: error });
    }
    throw new XadesError('REFERENCES', message, {}, { cause: error });
  }
  if (!ok) throw new XadesError('SIGNATURE_VALUE', 'the signature value does not verify with the KeyInfo certificate');
}

function fatal(error: unknown): XadesError {
  if (error instanceof XadesError) return error;
  return new XadesError('SIGNATURE_STRUCTURE', `unexpected failure: ${String((error as Error)?.message ?? error)}`, {}, { cause: error });
}

/**
 * Never throws for a bad document: every problem is in `errors`, with KSeF's code (the first is KSeF's
 * answer). Only a misuse of `options` throws (TypeError).
 */
export async function verifyXadesSignature(xml: string, options: VerifyXadesOptions = {}): Promise<XadesVerification> {
  return verifySignedDocument(xml, options, null);
}

/** verifyXadesSignature with the signer's certificate already read (see KnownSigner); every check is the same. */
export async function verifySignedDocument(
  xml: string,
  options: VerifyXadesOptions,
  known: KnownSigner | null,
): Promise<XadesVerification> {
  const result: XadesVerification = { valid: false, errors: [], certificate: null, signingTime: null, request: null };
  if (typeof xml !== 'string') {
    result.errors.push(new XadesError('NOT_WELL_FORMED', 'the document must be a string'));
    return result;
  }
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('"options.now" must be a valid Date');
  try {
    registerXmlEngine();
    const doc = readXmlDocument(xml);
    const root = doc.documentElement;
    if (root.namespaceURI === NS_DS && root.localName === 'Signature') {
      const detail = 'the document is a bare ds:Signature; KSeF needs the AuthTokenRequest with an enveloped signature';
      throw new XadesError('NOT_AUTH_TOKEN_REQUEST', detail);
    }
    const signatures = findElements(doc, NS_DS, 'Signature');
    if (signatures.length === 0) throw new XadesError('NO_SIGNATURE', 'the document has no ds:Signature');
    if (signatures.length > 1) {
      const detail = `the document has ${signatures.length} ds:Signature elements, one is allowed`;
      throw new XadesError('TOO_MANY_SIGNATURES', detail);
    }
    const signature = signatures[0]!;
    if (signature.parentNode !== root || childElements(root).at(-1) !== signature) {
      throw new XadesError('NOT_ENVELOPED', 'ds:Signature must be the last child of AuthTokenRequest (enveloped)');
    }
    result.request = readAuthTokenRequest(root, signature);
    const parts = readSignature(signature, doc);
    result.signingTime = parts.signingTime;

    const signer = await findSigner(parts, known);
    try {
      result.certificate = signer.known?.info ?? (await readCertificate(signer.der));
    } catch (error) {
      const detail = `the KeyInfo certificate cannot be read: ${String((error as Error)?.message ?? error)}`;
      throw new XadesError('CERTIFICATE', detail, {}, { cause: error });
    }
    const publicKey = await importVerifyKey(signer.key, parts);
    await verifyCryptography(doc, signature, publicKey);
    if (parts.signingTime.getTime() > now.getTime() + SIGNING_TIME_TOLERANCE_MS) {
      throw new XadesError('SIGNING_TIME', `SigningTime ${parts.signingTime.toISOString()} is in the future`);
    }
    result.valid = true;
  } catch (error) {
    result.errors.push(fatal(error));
  }
  return result;
}
