// The ds:Signature element of our profile, written as text (NOTES §3.5 element by element, with the
// browser notes applied: exclusive C14N everywhere, explicit ds:/xades: prefixes, no default namespace).
import { escapeXml } from './auth-token-request';
import {
  NS_DS,
  NS_XADES,
  SIGNATURE_ID,
  SIGNED_PROPERTIES_ID,
  URI_ENVELOPED,
  URI_EXC_C14N,
  URI_SHA256,
  URI_SIGNED_PROPERTIES_TYPE,
} from './profile';

export interface SignatureTemplateValues {
  signatureMethod: string;
  /** Base64 SHA-256 of the canonical document without the signature; '' while not yet known. */
  documentDigest: string;
  /** Base64 SHA-256 of the canonical SignedProperties; '' while not yet known. */
  signedPropertiesDigest: string;
  /** Base64 signature value; '' while not yet known. */
  signatureValue: string;
  certificateBase64: string;
  /** xsd:dateTime, e.g. 2026-11-24T20:00:00Z. */
  signingTime: string;
  certificateDigest: string;
  /** RFC 4514 issuer name. */
  issuerName: string;
  serialDecimal: string;
}

export function signedPropertiesXml(v: SignatureTemplateValues): string {
  return (
    `<xades:SignedProperties Id="${SIGNED_PROPERTIES_ID}">` +
    '<xades:SignedSignatureProperties>' +
    `<xades:SigningTime>${v.signingTime}</xades:SigningTime>` +
    '<xades:SigningCertificate><xades:Cert>' +
    `<xades:CertDigest><ds:DigestMethod Algorithm="${URI_SHA256}"/>` +
    `<ds:DigestValue>${v.certificateDigest}</ds:DigestValue></xades:CertDigest>` +
    `<xades:IssuerSerial><ds:X509IssuerName>${escapeXml(v.issuerName)}</ds:X509IssuerName>` +
    `<ds:X509SerialNumber>${v.serialDecimal}</ds:X509SerialNumber></xades:IssuerSerial>` +
    '</xades:Cert></xades:SigningCertificate>' +
    '</xades:SignedSignatureProperties>' +
    '</xades:SignedProperties>'
  );
}

export function signedInfoXml(v: SignatureTemplateValues): string {
  return (
    '<ds:SignedInfo>' +
    `<ds:CanonicalizationMethod Algorithm="${URI_EXC_C14N}"/>` +
    `<ds:SignatureMethod Algorithm="${v.signatureMethod}"/>` +
    '<ds:Reference URI="">' +
    `<ds:Transforms><ds:Transform Algorithm="${URI_ENVELOPED}"/><ds:Transform Algorithm="${URI_EXC_C14N}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${URI_SHA256}"/><ds:DigestValue>${v.documentDigest}</ds:DigestValue>` +
    '</ds:Reference>' +
    `<ds:Reference URI="#${SIGNED_PROPERTIES_ID}" Type="${URI_SIGNED_PROPERTIES_TYPE}">` +
    `<ds:Transforms><ds:Transform Algorithm="${URI_EXC_C14N}"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="${URI_SHA256}"/><ds:DigestValue>${v.signedPropertiesDigest}</ds:DigestValue>` +
    '</ds:Reference>' +
    '</ds:SignedInfo>'
  );
}

/** The whole enveloped signature, to be inserted as the last child of AuthTokenRequest. */
export function signatureXml(v: SignatureTemplateValues): string {
  return (
    `<ds:Signature xmlns:ds="${NS_DS}" Id="${SIGNATURE_ID}">` +
    signedInfoXml(v) +
    `<ds:SignatureValue>${v.signatureValue}</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${v.certificateBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties xmlns:xades="${NS_XADES}" Target="#${SIGNATURE_ID}">` +
    signedPropertiesXml(v) +
    '</xades:QualifyingProperties></ds:Object>' +
    '</ds:Signature>'
  );
}
