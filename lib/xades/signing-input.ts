// What is digested and signed, read from ONE parse of the document being signed: the text with the signature
// template in place, its DigestValues and SignatureValue still empty. Each digest is taken from the parsed text, in
// place, so the namespaces in scope are exactly those sent; the text itself is never re-serialized (NOTES §3.5).
import { digest, toBase64 } from './bytes';
import { NS_DS, NS_XADES, SIGNED_PROPERTIES_ID } from './profile';
import { childElements, excC14n, findElements, parseXml } from './xml-engine';

export interface SigningInput {
  /** Base64 SHA-256 of the canonical document without its signature (the enveloped-signature transform). */
  documentDigest: string;
  /** Base64 SHA-256 of the canonical xades:SignedProperties. */
  signedPropertiesDigest: string;
  /** The canonical ds:SignedInfo with both digests filled in: the bytes the key signs. */
  signedInfo: Uint8Array<ArrayBuffer>;
}

/** `template`: our AuthTokenRequest with ds:Signature as its last child and empty DigestValue elements. */
export async function readSigningInput(template: string): Promise<SigningInput> {
  const doc = parseXml(template);
  const root = doc.documentElement;
  const signature = childElements(root).at(-1)!;
  // The enveloped-signature transform is the document without its ds:Signature (XMLDSig §6.6.4).
  root.removeChild(signature);
  const documentDigest = toBase64(await digest('SHA-256', excC14n(root)));
  root.appendChild(signature);

  const signedProperties = findElements(signature, NS_XADES, 'SignedProperties').find(
    (el) => el.getAttribute('Id') === SIGNED_PROPERTIES_ID,
  )!;
  const signedPropertiesDigest = toBase64(await digest('SHA-256', excC14n(signedProperties)));

  const signedInfo = findElements(signature, NS_DS, 'SignedInfo')[0]!;
  // The template's two references, in order: the document (URI="") and the SignedProperties.
  const [documentValue, propertiesValue] = findElements(signedInfo, NS_DS, 'DigestValue');
  documentValue!.appendChild(doc.createTextNode(documentDigest));
  propertiesValue!.appendChild(doc.createTextNode(signedPropertiesDigest));
  return { documentDigest, signedPropertiesDigest, signedInfo: new TextEncoder().encode(excC14n(signedInfo)) };
}
