// Whether a certificate whose issuer and subject names match is really self-signed: the AKI (if any) names
// its own SKI, and the signature verifies with its own key. pkijs verifies through WebCrypto; when WebCrypto
// cannot check the algorithm (Ed25519 in some browsers, DSA, unknown OIDs) the names and key identifiers
// alone decide.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toHex } from '../core/bytes';
import { OID } from './key-oids';

/** Signature algorithms WebCrypto verifies everywhere we run (Chrome, Firefox, Node 20). */
const CHECKABLE = new Set([
  '1.2.840.10045.4.1', '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4', // ECDSA
  '1.2.840.113549.1.1.5', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13', // RSA
  OID.rsaPss,
]);

const extension = (cert: pkijs.Certificate, id: string): unknown => cert.extensions?.find((e) => e.extnID === id)?.parsedValue;

export async function isSelfSigned(cert: pkijs.Certificate): Promise<boolean> {
  const ski = extension(cert, '2.5.29.14');
  const aki = extension(cert, '2.5.29.35');
  if (ski instanceof asn1js.OctetString && aki instanceof pkijs.AuthorityKeyIdentifier && aki.keyIdentifier &&
      toHex(aki.keyIdentifier.valueBlock.valueHexView) !== toHex(ski.valueBlock.valueHexView)) return false;
  if (!CHECKABLE.has(cert.signatureAlgorithm.algorithmId)) return true;
  try {
    return await cert.verify(undefined, new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));
  } catch {
    return false; // a checkable algorithm that throws means a malformed signature or key
  }
}
