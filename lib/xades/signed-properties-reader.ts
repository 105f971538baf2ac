// XAdES QualifyingProperties of one signature: SigningTime and SigningCertificate, the two signed
// properties KSeF treats as mandatory since strict profile validation (NOTES §3.4).
import { NS_DS, NS_XADES } from './profile';
import { base64Of, digestAlgorithmOf, fail, only, text, type DigestHash } from './signature-checks';
import { childElements } from './xml-engine';

export interface SigningCertificateRef {
  hash: DigestHash;
  digest: Uint8Array<ArrayBuffer>;
  /** From the v1 IssuerSerial; null for SigningCertificateV2 without it. */
  serialDecimal: string | null;
  issuerName: string | null;
}

/** xsd:dateTime; a missing offset is read as UTC. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;

export function readSignedProperties(signature: Element): { signedProperties: Element; signingTime: Date; refs: SigningCertificateRef[] } {
  const objects = childElements(signature).filter((el) => el.namespaceURI === NS_DS && el.localName === 'Object');
  const qualifying = objects.flatMap((o) => childElements(o).filter((el) => el.localName === 'QualifyingProperties'));
  if (qualifying.length !== 1 || qualifying[0]!.namespaceURI !== NS_XADES) {
    fail('QUALIFYING_PROPERTIES', `expected one xades:QualifyingProperties (${NS_XADES}), found ${qualifying.length}`);
  }
  const qp = qualifying[0]!;
  const signatureId = signature.getAttribute('Id');
  if (!signatureId || qp.getAttribute('Target') !== `#${signatureId}`) {
    fail('QUALIFYING_PROPERTIES', `QualifyingProperties Target "${qp.getAttribute('Target')}" does not name the signature`);
  }
  const sp = only(qp, NS_XADES, 'SignedProperties', 'QUALIFYING_PROPERTIES')!;
  const ssp = only(sp, NS_XADES, 'SignedSignatureProperties', 'QUALIFYING_PROPERTIES')!;
  const timeEl = only(ssp, NS_XADES, 'SigningTime', 'SIGNING_TIME')!;
  const m = DATE_TIME.exec(text(timeEl));
  const signingTime = m ? new Date(`${m[1]}${m[2] ?? 'Z'}`) : null;
  if (!signingTime || Number.isNaN(signingTime.getTime())) fail('SIGNING_TIME', `SigningTime "${text(timeEl)}" is not an xsd:dateTime`);

  const v1 = only(ssp, NS_XADES, 'SigningCertificate', 'QUALIFYING_PROPERTIES', false);
  const v2 = only(ssp, NS_XADES, 'SigningCertificateV2', 'QUALIFYING_PROPERTIES', false);
  const holder = v1 ?? v2;
  if (!holder) fail('QUALIFYING_PROPERTIES', 'SignedSignatureProperties has no SigningCertificate');
  const certs = childElements(holder).filter((el) => el.namespaceURI === NS_XADES && el.localName === 'Cert');
  if (certs.length === 0) fail('QUALIFYING_PROPERTIES', 'SigningCertificate has no Cert');
  const refs = certs.map((cert): SigningCertificateRef => {
    const certDigest = only(cert, NS_XADES, 'CertDigest', 'QUALIFYING_PROPERTIES')!;
    const hash = digestAlgorithmOf(certDigest, 'SigningCertificate/CertDigest');
    const digest = base64Of(only(certDigest, NS_DS, 'DigestValue', 'QUALIFYING_PROPERTIES')!, 'CertDigest');
    const issuerSerial = v1 ? only(cert, NS_XADES, 'IssuerSerial', 'QUALIFYING_PROPERTIES') : null;
    const serialEl = issuerSerial ? only(issuerSerial, NS_DS, 'X509SerialNumber', 'QUALIFYING_PROPERTIES') : null;
    const nameEl = issuerSerial ? only(issuerSerial, NS_DS, 'X509IssuerName', 'QUALIFYING_PROPERTIES') : null;
    if (serialEl && !/^\d+$/.test(text(serialEl))) fail('QUALIFYING_PROPERTIES', 'X509SerialNumber is not a decimal integer');
    if (nameEl && text(nameEl) === '') fail('QUALIFYING_PROPERTIES', 'X509IssuerName is empty');
    const serialDecimal = serialEl ? BigInt(text(serialEl)).toString(10) : null;
    return { hash, digest, serialDecimal, issuerName: nameEl ? text(nameEl) : null };
  });
  return { signedProperties: sp, signingTime: signingTime!, refs };
}
